package org.rapport.lti.protocol.outbound;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link Connector} for tests that opens a socket only to 127.0.0.0/8: asked for any other
 * address it records the breach and fails the test instead of connecting, so a guard that let a
 * refused address through can never reach the network.
 */
final class GuardedConnector implements Connector {
  record Call(InetAddress address, int port, String host, boolean tls) {}

  final List<Call> calls = new CopyOnWriteArrayList<>();
  final List<String> breaches = new CopyOnWriteArrayList<>();

  @Override
  public Socket open(InetAddress address, int port, String host, boolean tls, Duration timeout)
      throws IOException {
    calls.add(new Call(address, port, host, tls));
    if (!(address instanceof Inet4Address) || (address.getAddress()[0] & 0xff) != 127) {
      String breach = "asked to connect to refused address " + address + " for host " + host;
      breaches.add(breach);
      throw new AssertionError(breach);
    }
    if (tls) {
      throw new AssertionError("tests here use plain http on loopback only");
    }
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
    return socket;
  }
}
