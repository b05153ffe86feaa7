package org.rapport.lti.protocol.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rapport.lti.testdata.LtiTestPlatform;
import org.rapport.lti.testdata.TestKeys;

/**
 * The outbound guard's decisions, with an injected resolver (no DNS) and a connector that fails the
 * test when asked for any address outside 127.0.0.0/8: every refused address below is refused
 * before a socket exists, and the only sockets opened go to the test LMS (or a raw socket) on
 * 127.0.0.1.
 */
class OutboundHttpTest {
  private static final OutboundPolicy NO_LOOPBACK = new OutboundPolicy(false, false);

  private final FakeResolver resolver =
      new FakeResolver()
          .answer("127.evil.example", "127.0.0.1")
          .answer("localhost6.evil.example", "::1")
          .answer("metadata.evil.example", "169.254.169.254")
          .answer("intranet.evil.example", "10.20.30.40")
          .answer("mixed.evil.example", "93.184.216.34", "192.168.0.10")
          .answer("mapped.evil.example", "::ffff:10.0.0.5")
          .answer("platform.test", "127.0.0.1");
  private final GuardedConnector connector = new GuardedConnector();
  private LtiTestPlatform platform;

  @BeforeEach
  void start() throws IOException {
    platform = LtiTestPlatform.startWith(TestKeys.KEY_1);
  }

  @AfterEach
  void stop() {
    platform.close();
    assertEquals(List.of(), connector.breaches, "the guard let a refused address through");
  }

  private OutboundHttp guard(OutboundPolicy policy) {
    return new OutboundHttp(
        policy, resolver, connector, Duration.ofSeconds(2), Duration.ofMillis(500));
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
  }

  private String local(String path) {
    return platform.uri(path).toString();
  }

  private void answer(String path, int status, String location, byte[] body) {
    platform.answer(
        path,
        exchange -> {
          if (location != null) {
            exchange.getResponseHeaders().add("Location", location);
          }
          exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
          if (body.length > 0) {
            exchange.getResponseBody().write(body);
          }
          exchange.close();
        });
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "http://127.evil.example/jwks, LOOPBACK",
    "http://localhost6.evil.example/jwks, LOOPBACK",
    "http://127.0.0.1/jwks, LOOPBACK",
    "http://127.0.0.2:8080/jwks, LOOPBACK",
    "http://[::1]/jwks, LOOPBACK",
    "http://[::ffff:127.0.0.1]/jwks, LOOPBACK",
    "http://[0:0:0:0:0:ffff:7f00:1]/jwks, LOOPBACK",
    "http://[2002:7f00:1::]/jwks, LOOPBACK",
    "http://10.0.0.5/jwks, PRIVATE",
    "http://intranet.evil.example/jwks, PRIVATE",
    "http://mixed.evil.example/jwks, PRIVATE",
    "http://mapped.evil.example/jwks, PRIVATE",
    "http://[::ffff:10.0.0.5]/jwks, PRIVATE",
    "http://172.16.0.1/jwks, PRIVATE",
    "http://172.31.255.255/jwks, PRIVATE",
    "http://192.168.1.1/jwks, PRIVATE",
    "http://100.64.0.1/jwks, PRIVATE",
    "http://[fd00::1]/jwks, PRIVATE",
    "http://[fc00::1]/jwks, PRIVATE",
    "http://169.254.169.254/latest/meta-data/, LINK_LOCAL",
    "http://metadata.evil.example/latest/meta-data/, LINK_LOCAL",
    "http://[fe80::1]/jwks, LINK_LOCAL",
    "http://[64:ff9b::a9fe:a9fe]/jwks, LINK_LOCAL",
    "http://0.0.0.0/jwks, UNSPECIFIED",
    "http://0.1.2.3/jwks, UNSPECIFIED",
    "http://[::]/jwks, UNSPECIFIED",
    "http://224.0.0.1/jwks, MULTICAST",
    "http://[ff02::1]/jwks, MULTICAST",
    "http://255.255.255.255/jwks, RESERVED",
    "http://0x7f000001/jwks, NUMERIC_HOST_FORM",
    "http://0x7f.0.0.1/jwks, NUMERIC_HOST_FORM",
    "http://2130706433/jwks, NUMERIC_HOST_FORM",
    "http://017700000001/jwks, NUMERIC_HOST_FORM",
    "http://0177.0.0.1/jwks, NUMERIC_HOST_FORM",
    "http://127.1/jwks, NUMERIC_HOST_FORM",
    "http://unknown.evil.example/jwks, UNRESOLVABLE",
    "http://user:secret@platform.test/jwks, USER_INFO",
    "file:///etc/passwd, NOT_ABSOLUTE",
    "gopher://platform.test/, NOT_ABSOLUTE",
  })
  void refusesEveryInternalAddressFormBeforeConnecting(String url, OutboundRefusal expected) {
    // Some of these forms the JDK will not even put in an HttpRequest, but a registration can
    // still hold them: the guard's decision is taken on the URI itself.
    OutboundRefused refused =
        assertThrows(
            OutboundRefused.class, () -> guard(NO_LOOPBACK).checkedAddress(URI.create(url)));

    assertEquals(expected, refused.reason(), refused.getMessage());
    assertTrue(refused.getMessage().contains(expected.sentence()), refused.getMessage());
    assertEquals(List.of(), connector.calls, "no connection may be attempted");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "http://127.evil.example/jwks, LOOPBACK",
    "http://[::ffff:127.0.0.1]/jwks, LOOPBACK",
    "http://10.0.0.5/jwks, PRIVATE",
    "http://169.254.169.254/latest/meta-data/, LINK_LOCAL",
    "http://[fd00::1]/jwks, PRIVATE",
    "http://[::1]/jwks, LOOPBACK",
    "http://0x7f000001/jwks, NUMERIC_HOST_FORM",
    "http://2130706433/jwks, NUMERIC_HOST_FORM",
    "http://metadata.evil.example/latest/meta-data/, LINK_LOCAL",
  })
  void aRequestToARefusedAddressIsNeverSent(String url, OutboundRefusal expected) {
    OutboundRefused refused =
        assertThrows(OutboundRefused.class, () -> guard(NO_LOOPBACK).send(get(url), 1024, true));

    assertEquals(expected, refused.reason(), refused.getMessage());
    assertEquals(List.of(), connector.calls, "no connection may be attempted");
  }

  @Test
  void outsideDevelopmentOnlyHttpsIsCalledAndNothingIsResolvedFirst() {
    OutboundRefused refused =
        assertThrows(
            OutboundRefused.class,
            () -> guard(OutboundPolicy.production()).send(get("http://platform.test/jwks"), 1024));

    assertEquals(OutboundRefusal.NOT_HTTPS, refused.reason());
    assertEquals(0, resolver.lookups.get());
    assertEquals(List.of(), connector.calls);
  }

  @Test
  void productionRefusesAHttpsNameThatResolvesToLoopback() {
    OutboundRefused refused =
        assertThrows(
            OutboundRefused.class,
            () ->
                guard(OutboundPolicy.production())
                    .send(get("https://127.evil.example/jwks"), 1024));

    assertEquals(OutboundRefusal.LOOPBACK, refused.reason());
    assertTrue(refused.getMessage().contains("rapport.outbound.allow-loopback"));
    assertEquals(List.of(), connector.calls);
  }

  @Test
  void developmentAllowsLoopbackAndConnectsToTheCheckedAddress() throws IOException {
    answer("/jwks", 200, null, "{\"keys\":[]}".getBytes(StandardCharsets.UTF_8));

    OutboundResponse response = guard(OutboundPolicy.development()).send(get(local("/jwks")), 1024);

    assertEquals(200, response.statusCode());
    assertEquals("{\"keys\":[]}", response.text());
    assertEquals(1, connector.calls.size());
    assertEquals("127.0.0.1", connector.calls.get(0).address().getHostAddress());
  }

  @Test
  void aRebindingNameIsCheckedOnEveryRequestAndConnectedByAddress() throws IOException {
    answer("/jwks", 200, null, "{}".getBytes(StandardCharsets.UTF_8));
    FakeResolver rebinding =
        new FakeResolver()
            .answer("rebind.evil.example", "127.0.0.1")
            .answer("rebind.evil.example", "10.0.0.5");
    OutboundHttp guard =
        new OutboundHttp(
            OutboundPolicy.development(),
            rebinding,
            connector,
            Duration.ofSeconds(2),
            Duration.ofMillis(500));
    String url = "http://rebind.evil.example:" + platform.uri("/jwks").getPort() + "/jwks";

    assertEquals(200, guard.send(get(url), 1024).statusCode());
    // The socket went to the address the guard checked, while the host name travels for Host/SNI.
    assertEquals("127.0.0.1", connector.calls.get(0).address().getHostAddress());
    assertEquals("rebind.evil.example", connector.calls.get(0).host());

    OutboundRefused second = assertThrows(OutboundRefused.class, () -> guard.send(get(url), 1024));
    assertEquals(OutboundRefusal.PRIVATE, second.reason());
    assertEquals(1, connector.calls.size());
  }

  @Test
  void aRedirectToTheMetadataAddressIsRefused() {
    answer("/jwks", 302, "http://169.254.169.254/latest/meta-data/iam/", new byte[0]);

    OutboundRefused refused =
        assertThrows(
            OutboundRefused.class,
            () -> guard(OutboundPolicy.development()).send(get(local("/jwks")), 1024, true));

    assertEquals(OutboundRefusal.LINK_LOCAL, refused.reason());
    assertEquals(1, connector.calls.size(), "only the first, loopback hop was connected");
  }

  @Test
  void aRedirectToANameResolvingToAPrivateAddressIsRefused() {
    answer("/jwks", 307, "http://intranet.evil.example/admin", new byte[0]);

    OutboundRefused refused =
        assertThrows(
            OutboundRefused.class,
            () -> guard(OutboundPolicy.development()).send(get(local("/jwks")), 1024, true));

    assertEquals(OutboundRefusal.PRIVATE, refused.reason());
    assertEquals(1, connector.calls.size());
  }

  @Test
  void redirectsAreFollowedAFewTimesOnly() {
    answer("/loop", 302, "/loop", new byte[0]);

    OutboundRefused refused =
        assertThrows(
            OutboundRefused.class,
            () -> guard(OutboundPolicy.development()).send(get(local("/loop")), 1024, true));

    assertEquals(OutboundRefusal.TOO_MANY_REDIRECTS, refused.reason());
    assertEquals(OutboundHttp.MAX_REDIRECTS + 1, platform.requests("/loop").size());
  }

  @Test
  void aRedirectIsFollowedWhenEveryHopPasses() throws IOException {
    answer("/old", 301, "/new", new byte[0]);
    answer("/new", 200, null, "moved".getBytes(StandardCharsets.UTF_8));

    OutboundResponse response =
        guard(OutboundPolicy.development()).send(get(local("/old")), 1024, true);

    assertEquals("moved", response.text());
    assertEquals(local("/new"), response.uri().toString());
  }

  @Test
  void aRequestCarryingCredentialsNeverFollowsARedirect() throws IOException {
    answer("/scores", 302, "http://127.0.0.1:1/elsewhere", new byte[0]);
    HttpRequest withToken =
        HttpRequest.newBuilder(URI.create(local("/scores")))
            .header("Authorization", "Bearer secret")
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();

    OutboundResponse response = guard(OutboundPolicy.development()).send(withToken, 1024, true);

    assertEquals(302, response.statusCode());
    assertEquals(1, connector.calls.size());
  }

  @Test
  void aDeclaredOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
    // Announces 50 MiB, sends 10 bytes and keeps the connection open: only a guard that decides on
    // the announced length (not on what it read) answers before the read timeout.
    try (ServerSocket raw = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread peer =
          serveOnce(
              raw,
              "HTTP/1.1 200 OK\r\nContent-Length: 52428800\r\n\r\n0123456789",
              Duration.ofSeconds(5));
      OutboundRefused refused =
          assertTimeoutPreemptively(
              Duration.ofSeconds(3),
              () ->
                  assertThrows(
                      OutboundRefused.class,
                      () ->
                          guard(OutboundPolicy.development())
                              .send(get("http://127.0.0.1:" + raw.getLocalPort() + "/"), 65536)));
      assertEquals(OutboundRefusal.BODY_TOO_LARGE, refused.reason());
      peer.interrupt();
    }
  }

  @Test
  void aChunkedBodyIsCountedWhileReadingAndCutAtTheLimit() {
    AtomicInteger written = new AtomicInteger();
    platform.answer(
        "/huge",
        exchange -> {
          exchange.sendResponseHeaders(200, 0); // chunked
          byte[] chunk = new byte[8192];
          try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 1024; i++) { // up to 8 MiB, the reader stops long before
              out.write(chunk);
              out.flush();
              written.addAndGet(chunk.length);
            }
          } catch (IOException stoppedReading) {
            // the guard closed the connection: what this test expects
          }
        });

    OutboundRefused refused =
        assertThrows(
            OutboundRefused.class,
            () -> guard(OutboundPolicy.development()).send(get(local("/huge")), 64 * 1024));

    assertEquals(OutboundRefusal.BODY_TOO_LARGE, refused.reason());
    assertTrue(refused.getMessage().contains("65536"), refused.getMessage());
  }

  @Test
  void aPlatformThatNeverAnswersTimesOut() throws Exception {
    try (ServerSocket raw = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread peer = serveOnce(raw, "", Duration.ofSeconds(10));
      long start = System.nanoTime();
      assertThrows(
          SocketTimeoutException.class,
          () ->
              guard(OutboundPolicy.development())
                  .send(get("http://127.0.0.1:" + raw.getLocalPort() + "/"), 1024));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "timed out after " + took);
      peer.interrupt();
    }
  }

  @Test
  void theRequestGoesOutAsHttp11WithItsBody() throws IOException {
    List<String> seen = new ArrayList<>();
    platform.answer(
        "/token",
        exchange -> {
          seen.add(exchange.getRequestMethod());
          seen.add(exchange.getRequestHeaders().getFirst("Content-Type"));
          seen.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] body = "{\"access_token\":\"t\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, 0); // chunked answer
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    HttpRequest post =
        HttpRequest.newBuilder(URI.create(local("/token")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build();

    OutboundResponse response = guard(OutboundPolicy.development()).send(post, 1024);

    assertEquals(
        List.of("POST", "application/x-www-form-urlencoded", "grant_type=client_credentials"),
        seen);
    assertEquals("{\"access_token\":\"t\"}", response.text());
  }

  /** Accepts one connection, writes {@code answer}, then holds the connection open. */
  private static Thread serveOnce(ServerSocket raw, String answer, Duration hold) {
    Thread peer =
        new Thread(
            () -> {
              try (Socket socket = raw.accept()) {
                socket.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                // Part of the scenario: a peer that answers, then keeps the connection open.
                Thread.sleep(hold.toMillis());
              } catch (IOException | InterruptedException ended) {
                // the test is over
              }
            });
    peer.setDaemon(true);
    peer.start();
    return peer;
  }
}
