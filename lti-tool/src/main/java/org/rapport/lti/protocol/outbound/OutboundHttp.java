package org.rapport.lti.protocol.outbound;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The guard every platform-supplied URL goes through. For each request (and each redirect hop):
 *
 * <ol>
 *   <li>the URL's form is checked ({@link OutboundPolicy#refusal(URI)}: https outside development
 *       mode, no user info, no odd numeric host forms);
 *   <li>the host is resolved once and every address it resolves to is checked ({@link
 *       OutboundPolicy#refusal(InetAddress)}); one refused address refuses the request;
 *   <li>the connection goes to the checked {@link InetAddress} itself ({@link Connector}), and the
 *       connected peer is checked again, so a name that resolves differently the second time (DNS
 *       rebinding) cannot slip through;
 *   <li>the HTTP/1.1 exchange has a connect timeout, a read timeout per read and an overall
 *       deadline (the request's own timeout); the answer's body is counted while it is read and
 *       reading stops with {@link OutboundRefusal#BODY_TOO_LARGE} as soon as it passes the caller's
 *       limit;
 *   <li>redirects are followed only when the caller allows it (never for requests carrying
 *       credentials), at most {@value #MAX_REDIRECTS} times, re-checking each hop from step 1.
 * </ol>
 */
public final class OutboundHttp {
  public static final int MAX_REDIRECTS = 3;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

  /** Longest wait for a whole exchange when the request sets no timeout of its own. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);

  /** Body limit for ordinary service answers (token, AGS, NRPS pages, registration). */
  public static final int DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

  private static final int MAX_HEADER_BYTES = 64 * 1024;
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final Set<String> OWN_HEADERS =
      Set.of("host", "content-length", "connection", "transfer-encoding", "accept-encoding");

  private final OutboundPolicy policy;
  private final HostResolver resolver;
  private final Connector connector;
  private final Duration connectTimeout;
  private final Duration readTimeout;

  public OutboundHttp(
      OutboundPolicy policy,
      HostResolver resolver,
      Connector connector,
      Duration connectTimeout,
      Duration readTimeout) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.connector = Objects.requireNonNull(connector, "connector");
    this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
  }

  /** The system resolver and sockets with the default timeouts. */
  public OutboundHttp(OutboundPolicy policy) {
    this(
        policy,
        HostResolver.SYSTEM,
        Connector.SYSTEM,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_READ_TIMEOUT);
  }

  public OutboundPolicy policy() {
    return policy;
  }

  /**
   * Sends the request without following redirects (a 3xx is returned as it is).
   *
   * @throws OutboundRefused when the guard refuses the address or the answer
   * @throws IOException when the platform cannot be reached or stops answering
   */
  public OutboundResponse send(HttpRequest request, int maxBodyBytes) throws IOException {
    return send(request, maxBodyBytes, false);
  }

  /**
   * Sends the request; with {@code followRedirects}, a GET without credentials follows up to
   * {@value #MAX_REDIRECTS} redirects, each checked like the first address.
   */
  public OutboundResponse send(HttpRequest request, int maxBodyBytes, boolean followRedirects)
      throws IOException {
    byte[] body = RequestBody.bytes(request);
    Duration timeout = request.timeout().orElse(DEFAULT_DEADLINE);
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean mayFollow =
        followRedirects
            && request.method().equals("GET")
            && request.headers().firstValue("Authorization").isEmpty();
    URI uri = request.uri();
    for (int hop = 0; ; hop++) {
      OutboundResponse response = exchange(request, uri, body, maxBodyBytes, deadline);
      if (!mayFollow || !REDIRECTS.contains(response.statusCode())) {
        return response;
      }
      if (hop == MAX_REDIRECTS) {
        throw new OutboundRefused(
            OutboundRefusal.TOO_MANY_REDIRECTS, request.uri(), "more than " + MAX_REDIRECTS);
      }
      uri = redirectTarget(uri, response);
    }
  }

  private static URI redirectTarget(URI from, OutboundResponse response) throws OutboundRefused {
    String location = response.headers().firstValue("Location").orElse("").trim();
    if (location.isEmpty()) {
      throw new OutboundRefused(OutboundRefusal.BAD_REDIRECT, from, null);
    }
    try {
      return from.resolve(new URI(location));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new OutboundRefused(OutboundRefusal.BAD_REDIRECT, from, "Location " + location);
    }
  }

  /** The address the guard would connect to for this URL, after every check. */
  public InetAddress checkedAddress(URI uri) throws OutboundRefused {
    Optional<OutboundRefusal> form = policy.refusal(uri);
    if (form.isPresent()) {
      throw new OutboundRefused(form.get(), uri, null);
    }
    String host = uri.getHost();
    List<InetAddress> addresses;
    try {
      addresses = addresses(host);
    } catch (UnknownHostException e) {
      throw new OutboundRefused(OutboundRefusal.UNRESOLVABLE, uri, host);
    }
    if (addresses.isEmpty()) {
      throw new OutboundRefused(OutboundRefusal.UNRESOLVABLE, uri, host);
    }
    for (InetAddress address : addresses) {
      Optional<OutboundRefusal> refusal = policy.refusal(address);
      if (refusal.isPresent()) {
        throw new OutboundRefused(refusal.get(), uri, host + " is " + address.getHostAddress());
      }
    }
    return addresses.get(0);
  }

  private List<InetAddress> addresses(String host) throws UnknownHostException {
    if (host.startsWith("[") && host.endsWith("]")) {
      // An IPv6 literal: parsed, never looked up.
      return List.of(InetAddress.getByName(host.substring(1, host.length() - 1)));
    }
    if (Character.isDigit(host.charAt(host.length() - 1))
        && host.chars().allMatch(ch -> ch == '.' || Character.isDigit(ch))) {
      // A dotted quad (OutboundPolicy refused every other numeric form): parsed, never looked up.
      return List.of(InetAddress.getByName(host));
    }
    return resolver.resolve(host);
  }

  private OutboundResponse exchange(
      HttpRequest request, URI uri, byte[] body, int maxBodyBytes, long deadline)
      throws IOException {
    InetAddress address = checkedAddress(uri);
    boolean tls = uri.getScheme().equalsIgnoreCase("https");
    int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
    String host = uri.getHost();
    try (Socket socket =
        connector.open(address, port, bare(host), tls, min(connectTimeout, remaining(deadline)))) {
      InetAddress peer = socket.getInetAddress();
      if (peer == null || !peer.equals(address)) {
        throw new OutboundRefused(
            OutboundRefusal.UNRESOLVABLE, uri, "connected to another address than was checked");
      }
      Optional<OutboundRefusal> again = policy.refusal(peer);
      if (again.isPresent()) {
        throw new OutboundRefused(again.get(), uri, host + " is " + peer.getHostAddress());
      }
      OutputStream out = socket.getOutputStream();
      out.write(head(request, uri, port, tls, body));
      out.write(body);
      out.flush();
      InputStream in = new DeadlineInputStream(socket, readTimeout, deadline);
      return HttpAnswer.read(new BufferedInputStream(in), uri, request.method(), maxBodyBytes);
    }
  }

  private static String bare(String host) {
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }

  private static byte[] head(HttpRequest request, URI uri, int port, boolean tls, byte[] body) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      path += "?" + uri.getRawQuery();
    }
    boolean defaultPort = port == (tls ? 443 : 80);
    StringBuilder head = new StringBuilder();
    head.append(request.method()).append(' ').append(path).append(" HTTP/1.1\r\n");
    head.append("Host: ")
        .append(uri.getHost())
        .append(defaultPort ? "" : ":" + port)
        .append("\r\n");
    request
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                for (String value : values) {
                  head.append(name).append(": ").append(value).append("\r\n");
                }
              }
            });
    if (request.headers().firstValue("User-Agent").isEmpty()) {
      head.append("User-Agent: Rapport-LTI\r\n");
    }
    if (body.length > 0 || !request.method().equals("GET")) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("Accept-Encoding: identity\r\nConnection: close\r\n\r\n");
    return head.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static Duration remaining(long deadline) throws SocketTimeoutException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new SocketTimeoutException("The platform did not answer in time");
    }
    return Duration.ofNanos(left);
  }

  private static Duration min(Duration a, Duration b) {
    Duration shorter = a.compareTo(b) <= 0 ? a : b;
    return shorter.toMillis() < 1 ? Duration.ofMillis(1) : shorter;
  }

  /** Reads from the socket with a per-read timeout, never past the exchange's deadline. */
  private static final class DeadlineInputStream extends InputStream {
    private final Socket socket;
    private final InputStream in;
    private final Duration readTimeout;
    private final long deadline;

    DeadlineInputStream(Socket socket, Duration readTimeout, long deadline) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
      this.readTimeout = readTimeout;
      this.deadline = deadline;
    }

    private void arm() throws IOException {
      socket.setSoTimeout((int) min(readTimeout, remaining(deadline)).toMillis());
    }

    @Override
    public int read() throws IOException {
      arm();
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      arm();
      return in.read(b, off, len);
    }
  }

  /**
   * Parses an HTTP/1.1 answer: status line, headers, then a length-, chunk- or close-framed body.
   */
  private static final class HttpAnswer {
    private HttpAnswer() {}

    static OutboundResponse read(InputStream in, URI uri, String method, int maxBodyBytes)
        throws IOException {
      int[] headerBytes = {0};
      int status;
      java.util.Map<String, List<String>> headers;
      do {
        String statusLine = line(in, uri, headerBytes);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
          throw new OutboundRefused(OutboundRefusal.MALFORMED_ANSWER, uri, "status line");
        }
        try {
          status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
          throw new OutboundRefused(OutboundRefusal.MALFORMED_ANSWER, uri, "status code");
        }
        if (status < 100 || status > 999) {
          throw new OutboundRefused(OutboundRefusal.MALFORMED_ANSWER, uri, "status code");
        }
        headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String header = line(in, uri, headerBytes);
            !header.isEmpty();
            header = line(in, uri, headerBytes)) {
          int colon = header.indexOf(':');
          if (colon <= 0) {
            throw new OutboundRefused(OutboundRefusal.MALFORMED_ANSWER, uri, "header line");
          }
          headers
              .computeIfAbsent(header.substring(0, colon).trim(), k -> new ArrayList<>())
              .add(header.substring(colon + 1).trim());
        }
      } while (status >= 100 && status < 200);
      java.net.http.HttpHeaders httpHeaders = java.net.http.HttpHeaders.of(headers, (k, v) -> true);
      byte[] body;
      if (method.equals("HEAD") || status == 204 || status == 304) {
        body = new byte[0];
      } else if (httpHeaders
          .firstValue("Transfer-Encoding")
          .map(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))
          .orElse(false)) {
        body = chunked(in, uri, maxBodyBytes, headerBytes);
      } else if (httpHeaders.firstValue("Content-Length").isPresent()) {
        long length;
        try {
          length = Long.parseLong(httpHeaders.firstValue("Content-Length").get().trim());
        } catch (NumberFormatException e) {
          throw new OutboundRefused(OutboundRefusal.MALFORMED_ANSWER, uri, "Content-Length");
        }
        if (length < 0) {
          throw new OutboundRefused(OutboundRefusal.MALFORMED_ANSWER, uri, "Content-Length");
        }
        if (length > maxBodyBytes) {
          throw tooLarge(uri, maxBodyBytes);
        }
        body = in.readNBytes((int) length);
        if (body.length < length) {
          throw new OutboundRefused(OutboundRefusal.MALFORMED_ANSWER, uri, "body cut short");
        }
      } else {
        body = in.readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
          throw tooLarge(uri, maxBodyBytes);
        }
      }
      return new OutboundResponse(uri, status, httpHeaders, body);
    }

    private static byte[] chunked(InputStream in, URI uri, int maxBodyBytes, int[] headerBytes)
        throws IOException {
      java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
      while (true) {
        String sizeLine = line(in, uri, headerBytes);
        int semicolon = sizeLine.indexOf(';');
        String hex = (semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim();
        long size;
        try {
          size = Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
          throw new OutboundRefused(OutboundRefusal.MALFORMED_ANSWER, uri, "chunk size");
        }
        if (size < 0) {
          throw new OutboundRefused(OutboundRefusal.MALFORMED_ANSWER, uri, "chunk size");
        }
        if (size == 0) {
          while (!line(in, uri, headerBytes).isEmpty()) {
            // trailers are read and dropped
          }
          return body.toByteArray();
        }
        if (body.size() + size > maxBodyBytes) {
          throw tooLarge(uri, maxBodyBytes);
        }
        byte[] chunk = in.readNBytes((int) size);
        if (chunk.length < size) {
          throw new OutboundRefused(OutboundRefusal.MALFORMED_ANSWER, uri, "chunk cut short");
        }
        body.write(chunk);
        if (!line(in, uri, headerBytes).isEmpty()) {
          throw new OutboundRefused(OutboundRefusal.MALFORMED_ANSWER, uri, "chunk end");
        }
      }
    }

    private static OutboundRefused tooLarge(URI uri, int maxBodyBytes) {
      return new OutboundRefused(
          OutboundRefusal.BODY_TOO_LARGE, uri, "limit " + maxBodyBytes + " bytes");
    }

    /** One CRLF- (or LF-) terminated line; all header and framing lines share a 64 KiB budget. */
    private static String line(InputStream in, URI uri, int[] used) throws IOException {
      StringBuilder line = new StringBuilder();
      while (true) {
        int c = in.read();
        if (c == -1) {
          throw new OutboundRefused(
              OutboundRefusal.MALFORMED_ANSWER, uri, "connection closed mid-answer");
        }
        if (++used[0] > MAX_HEADER_BYTES) {
          throw new OutboundRefused(OutboundRefusal.MALFORMED_ANSWER, uri, "headers too long");
        }
        if (c == '\n') {
          int end = line.length();
          if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
          }
          return line.toString();
        }
        line.append((char) c);
      }
    }
  }
}
