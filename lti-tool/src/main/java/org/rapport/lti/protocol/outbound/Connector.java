package org.rapport.lti.protocol.outbound;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens a connection to an address that {@link OutboundHttp} already checked: the socket goes to
 * that {@link InetAddress}, never to a name that could resolve differently a second time. For https
 * the TLS layer still uses the host name for SNI and certificate verification.
 */
@FunctionalInterface
public interface Connector {
  /** The JDK's sockets and default TLS trust. */
  Connector SYSTEM = Connector::system;

  /**
   * @param address the checked address to connect to
   * @param host the URL's host name, for SNI and the certificate check
   */
  Socket open(InetAddress address, int port, String host, boolean tls, Duration timeout)
      throws IOException;

  private static Socket system(
      InetAddress address, int port, String host, boolean tls, Duration timeout)
      throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
      if (!tls) {
        return socket;
      }
      SSLSocket ssl =
          (SSLSocket)
              ((SSLSocketFactory) SSLSocketFactory.getDefault())
                  .createSocket(socket, host, port, true);
      SSLParameters parameters = ssl.getSSLParameters();
      // Certificate must be valid for the URL's host name (RFC 2818), as a browser would check it.
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      if (!host.startsWith("[") && !Character.isDigit(host.charAt(host.length() - 1))) {
        parameters.setServerNames(List.of(new SNIHostName(host)));
      }
      ssl.setSSLParameters(parameters);
      ssl.setSoTimeout((int) timeout.toMillis());
      ssl.startHandshake();
      return ssl;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }
}
