package org.rapport.lti.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.RapportWar;

/**
 * Security headers on every answer, including those Payara writes itself (checked with a raw HTTP
 * client, so that nothing is added or hidden by a client library), and refusal pages that keep
 * registered values to the administrator.
 */
@ExtendWith(ArquillianExtension.class)
class SecurityHeadersIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return RapportWar.shipped();
  }

  @ArquillianResource URL deployed;

  private RapportClient rapport() {
    return new RapportClient(deployed);
  }

  @Test
  void containerAnswersCarryTheHeadersAndNoBanner() throws IOException {
    for (String request :
        List.of(
            "GET /no/such/page HTTP/1.1",
            "GET /WEB-INF/beans.xml HTTP/1.1",
            "DELETE /health/ready HTTP/1.1",
            "GET / HTTP/1.1",
            "GET /assets/rapport.css HTTP/1.1")) {
      String answer = raw(request, "");
      String head =
          answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).toLowerCase(Locale.ROOT);
      assertFalse(head.contains("\r\nserver:"), request + ": " + head);
      assertFalse(head.contains("\r\nx-powered-by:"), request + ": " + head);
      assertTrue(head.contains("\r\ncontent-security-policy:"), request + ": " + head);
      assertTrue(head.contains("frame-ancestors"), request + ": " + head);
      assertTrue(head.contains("\r\nx-content-type-options: nosniff"), request + ": " + head);
      assertFalse(answer.contains("Payara"), request + " names the container: " + answer);
      assertFalse(answer.contains("\tat "), request + " shows a stack trace");
      assertEquals(1, count(head, "\r\ncontent-security-policy:"), "one policy: " + head);
    }
  }

  @Test
  void traceIsRefusedByTheListenerWithoutBodyOrBanner() throws IOException {
    // Grizzly refuses TRACE before any servlet runs, so no application header can be added; the
    // answer has no body to render or frame, and names nothing.
    String answer = raw("TRACE / HTTP/1.1", "");
    String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
    assertTrue(head.startsWith("http/1.1 405"), head);
    assertFalse(head.contains("\r\nserver:"), head);
    assertFalse(head.contains("\r\nx-powered-by:"), head);
    assertEquals("", answer.substring(answer.indexOf("\r\n\r\n") + 4));
  }

  @Test
  void htstIsSentOverHttpsOnly() throws IOException {
    assertFalse(
        raw("GET / HTTP/1.1", "").toLowerCase(Locale.ROOT).contains("strict-transport-security"));
    String proxied = raw("GET / HTTP/1.1", "X-Forwarded-Proto: https\r\n").toLowerCase(Locale.ROOT);
    assertTrue(proxied.contains("\r\nstrict-transport-security: max-age=31536000"), proxied);
    String proxied404 =
        raw("GET /WEB-INF/beans.xml HTTP/1.1", "X-Forwarded-Proto: https\r\n")
            .toLowerCase(Locale.ROOT);
    assertTrue(proxied404.contains("\r\nstrict-transport-security: max-age=31536000"), proxied404);
  }

  @Test
  void adminPagesCannotBeFramedAndLaunchedPagesOnlyByRegisteredPlatforms() {
    RapportClient rapport = rapport();
    String csp =
        rapport.get("/admin/login").headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(csp.contains("frame-ancestors 'none'"), csp);
    assertTrue(csp.contains("form-action 'self';"), csp);

    String issuer = "https://lms-" + UUID.randomUUID() + ".example.edu";
    HttpResponse<String> created =
        rapport.adminPost(
            "/api/admin/registrations",
            """
            {"name": "Framing test", "platformKind": "MOODLE", "issuer": "%s", "clientId": "f1",
             "authEndpoint": "https://auth.example.org/mod/lti/auth.php", "jwksUri": "%s/certs"}
            """
                .formatted(issuer, issuer));
    assertEquals(201, created.statusCode(), created.body());
    String landing =
        Awaitility.await("the new platform among the frame ancestors")
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () ->
                    rapport.get("/app").headers().firstValue("Content-Security-Policy").orElse(""),
                header -> header.contains(issuer));
    Matcher ancestors = Pattern.compile("frame-ancestors ([^;]*)").matcher(landing);
    assertTrue(ancestors.find(), landing);
    List<String> sources = List.of(ancestors.group(1).strip().split(" "));
    assertTrue(sources.contains("'self'"), landing);
    assertTrue(sources.contains(issuer), landing);
    assertTrue(sources.contains("https://auth.example.org"), landing);
    assertFalse(sources.contains("*"), landing);
    assertFalse(landing.contains("form-action *"), landing);
  }

  @Test
  void aRefusedLaunchShowsACodeAndAReferenceButNoRegisteredValues() {
    RapportClient rapport = rapport();
    String issuer = "https://lms-" + UUID.randomUUID() + ".example.edu";
    String clientId = "secret-client-" + UUID.randomUUID();
    String jwks = issuer + "/private/keyset-location";
    HttpResponse<String> created =
        rapport.adminPost(
            "/api/admin/registrations",
            """
            {"name": "Refusal test", "platformKind": "MOODLE", "issuer": "%s", "clientId": "%s",
             "authEndpoint": "%s/auth", "jwksUri": "%s"}
            """
                .formatted(issuer, clientId, issuer, jwks));
    assertEquals(201, created.statusCode(), created.body());
    String probe = "probe-" + UUID.randomUUID();
    HttpResponse<String> refused =
        rapport.get(
            "/lti/login?iss="
                + URLEncoder.encode(issuer, StandardCharsets.UTF_8)
                + "&client_id="
                + probe
                + "&login_hint=x&target_link_uri="
                + URLEncoder.encode(rapport.uri("/app").toString(), StandardCharsets.UTF_8));
    assertEquals(400, refused.statusCode(), refused.body());
    String page = refused.body();
    assertTrue(page.contains("CLIENT_ID_UNKNOWN"), page);
    Matcher reference = Pattern.compile("<code>(L-[0-9]+)</code>").matcher(page);
    assertTrue(reference.find(), page);
    assertFalse(page.contains(clientId), "no registered client id");
    assertFalse(page.contains(jwks), "no JWKS URL");
    assertFalse(page.contains(probe), "the technical detail stays in the launch log");
    assertFalse(page.contains("No registration for"), page);

    HttpResponse<String> log = rapport.adminGet("/admin", "text/html");
    assertEquals(200, log.statusCode());
    Matcher row =
        Pattern.compile("<code>" + reference.group(1) + "</code>.*?</tr>", Pattern.DOTALL)
            .matcher(log.body());
    assertTrue(row.find(), "the admin finds the reference in the launch log");
    assertTrue(row.group().contains(probe), row.group());
  }

  private String raw(String requestLine, String extraHeaders) throws IOException {
    int port = rapport().base().getPort();
    String request =
        requestLine
            + "\r\nHost: 127.0.0.1:"
            + port
            + "\r\n"
            + extraHeaders
            + "Content-Length: 0\r\nConnection: close\r\n\r\n";
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 10_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
