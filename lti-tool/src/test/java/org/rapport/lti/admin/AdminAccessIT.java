package org.rapport.lti.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rapport.lti.testdata.AssessmentDriver;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.RapportWar;
import org.rapport.lti.testdata.ResourceRoutes;

/**
 * Administrator access over real HTTP: every state-changing admin route refuses a request on a
 * valid session that lacks the CSRF token or comes from another origin (also a same-site one);
 * Basic credentials are refused; API tokens work until revoked; password guessing is throttled.
 */
@ExtendWith(ArquillianExtension.class)
class AdminAccessIT {
  /** The sign-in forms have no session yet; they are checked for their Origin separately. */
  private static final List<String> SIGN_IN_FORMS = List.of("/admin/login", "/admin/setup");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RapportWar.shipped();
  }

  @ArquillianResource URL deployed;

  private RapportClient rapport() {
    return new RapportClient(deployed);
  }

  /** A state-changing route of the admin area, found by reflection over the resource classes. */
  record Route(String method, String path, String contentType, String resource) {
    @Override
    public String toString() {
      return method + " " + path + " (" + resource + ")";
    }
  }

  @Test
  void routeDiscoveryFindsTheKnownStateChangingAdminRoutes() throws Exception {
    List<String> found = stateChangingAdminRoutes().stream().map(Route::toString).toList();
    for (String expected :
        List.of(
            "POST /admin/keys/rotate",
            "POST /admin/registrations",
            "POST /admin/imports",
            "POST /api/admin/imports",
            "POST /api/admin/keys/rotate",
            "PUT /api/admin/registrations/1",
            "POST /admin/api-tokens",
            "POST /admin/logout")) {
      assertTrue(
          found.stream().anyMatch(r -> r.startsWith(expected + " ")), expected + " in " + found);
    }
  }

  @Test
  void theImportsPageTakesAFileFromItsFormAndShowsTheImportAndAFormWithoutAFileIsRefused() {
    RapportClient rapport = rapport();
    AssessmentDriver driver = new AssessmentDriver(rapport);
    long tenant = driver.devRegistration();
    RapportClient.AdminSession session = rapport.signIn("admin", RapportClient.ADMIN_PASSWORD);
    String csv =
        AssessmentDriver.header(18)
            + "\r\n"
            + AssessmentDriver.rapportRow("PAGE-1", 1991, "Y3", "2019-05-03", 4)
            + "\r\n";
    String boundary = "----page" + System.nanoTime();
    String form =
        field(boundary, "csrf", session.csrf())
            + field(boundary, "registration", String.valueOf(tenant))
            + "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"page upload.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n"
            + csv
            + "\r\n--"
            + boundary
            + "--\r\n";
    HttpResponse<String> uploaded = postMultipart(rapport, session, boundary, form);
    assertEquals(303, uploaded.statusCode(), uploaded.body());
    String job = uploaded.headers().firstValue("Location").orElseThrow();
    assertTrue(job.matches(".*/admin/imports/[0-9]+$"), job);
    long id = Long.parseLong(job.substring(job.lastIndexOf('/') + 1));
    assertEquals("COMPLETED", driver.awaitJob(id).get("state"));
    HttpResponse<String> page =
        rapport.get("/admin/imports/" + id, "Cookie", session.cookie(), "Accept", "text/html");
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains("<h1>Import " + id + ": page upload.csv</h1>"), page.body());
    assertTrue(page.body().contains("1 of 1 rows."), page.body());
    assertTrue(page.body().contains("1 results imported, 0 already in Rapport."), page.body());

    String noFile =
        field(boundary, "csrf", session.csrf())
            + field(boundary, "registration", String.valueOf(tenant))
            + "--"
            + boundary
            + "--\r\n";
    HttpResponse<String> refused = postMultipart(rapport, session, boundary, noFile);
    assertEquals(400, refused.statusCode(), refused.body());
    assertTrue(
        refused.body().contains("file: the form has no file; choose the CSV file"), refused.body());
    assertTrue(refused.body().contains("<h1>Import historical results</h1>"), refused.body());
  }

  private static String field(String boundary, String name, String value) {
    return "--"
        + boundary
        + "\r\nContent-Disposition: form-data; name=\""
        + name
        + "\"\r\n\r\n"
        + value
        + "\r\n";
  }

  private static HttpResponse<String> postMultipart(
      RapportClient rapport, RapportClient.AdminSession session, String boundary, String form) {
    return rapport.send(
        HttpRequest.newBuilder(rapport.uri("/admin/imports"))
            .header("Cookie", session.cookie())
            .header("Origin", rapport.origin())
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  @Test
  void everyStateChangingAdminRouteNeedsTheCsrfTokenAndRapportsOwnOrigin() throws Exception {
    RapportClient rapport = rapport();
    RapportClient.AdminSession session = rapport.signIn("admin", RapportClient.ADMIN_PASSWORD);
    String sameSiteOtherOrigin = "http://127.0.0.1:" + (rapport.base().getPort() + 1);
    List<Route> routes = stateChangingAdminRoutes();
    assertTrue(routes.size() >= 20, "found " + routes);
    List<String> failures = new ArrayList<>();
    for (Route route : routes) {
      expect403(
          failures,
          route,
          "no CSRF token",
          rapport,
          route.contentType(),
          session,
          null,
          rapport.origin(),
          null);
      expect403(
          failures,
          route,
          "foreign Origin",
          rapport,
          route.contentType(),
          session,
          session.csrf(),
          "https://attacker.example",
          null);
      expect403(
          failures,
          route,
          "same-site Origin on another port",
          rapport,
          route.contentType(),
          session,
          session.csrf(),
          sameSiteOtherOrigin,
          null);
      expect403(
          failures,
          route,
          "Sec-Fetch-Site same-site",
          rapport,
          route.contentType(),
          session,
          session.csrf(),
          rapport.origin(),
          "same-site");
      expect403(
          failures,
          route,
          "wrong CSRF token",
          rapport,
          route.contentType(),
          session,
          "not-the-token",
          rapport.origin(),
          null);
      HttpResponse<String> allowed =
          send(
              rapport,
              route,
              route.contentType(),
              session,
              session.csrf(),
              rapport.origin(),
              "same-origin");
      if (allowed.statusCode() == 403 || allowed.statusCode() == 401) {
        failures.add(
            route
                + " with token and own origin answered "
                + allowed.statusCode()
                + ": "
                + allowed.body());
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void theSignInFormsRefuseOtherOrigins() {
    RapportClient rapport = rapport();
    for (String form : SIGN_IN_FORMS) {
      for (String origin : List.of("https://attacker.example", "http://127.0.0.1:1")) {
        HttpResponse<String> refused =
            rapport.postForm(form, "username=admin&password=x", "Origin", origin);
        assertEquals(403, refused.statusCode(), form + " from " + origin);
      }
    }
    HttpResponse<String> wrong =
        rapport.postForm(
            "/admin/login", "username=admin&password=wrong", "Origin", rapport.origin());
    assertEquals(401, wrong.statusCode(), "own origin reaches the password check");
  }

  @Test
  void basicCredentialsAreRefusedWithoutABasicChallenge() {
    HttpResponse<String> refused =
        rapport()
            .get(
                "/api/admin/registrations",
                "Accept",
                "application/json",
                "Authorization",
                RapportClient.basicAdmin());
    assertEquals(401, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("API token"), refused.body());
    assertFalse(
        refused.headers().allValues("WWW-Authenticate").stream()
            .anyMatch(v -> v.regionMatches(true, 0, "Basic", 0, 5)),
        refused.headers().map().toString());
    HttpResponse<String> page =
        rapport().get("/admin", "Authorization", RapportClient.basicAdmin());
    assertEquals(401, page.statusCode());
  }

  @Test
  void anApiTokenWorksWithoutCsrfTokenUntilItIsRevoked() {
    RapportClient rapport = rapport();
    RapportClient.AdminSession session = rapport.signIn("admin", RapportClient.ADMIN_PASSWORD);
    String name = "revocation test " + System.nanoTime();
    String token = rapport.createApiToken(session, name);
    String bearer = "Bearer " + token;
    HttpResponse<String> list =
        rapport.get(
            "/api/admin/registrations", "Accept", "application/json", "Authorization", bearer);
    assertEquals(200, list.statusCode(), list.body());
    HttpResponse<String> rotate =
        rapport.send(
            HttpRequest.newBuilder(rapport.uri("/api/admin/keys/rotate"))
                .header("Authorization", bearer)
                .header("Accept", "application/json")
                .header("Origin", "https://attacker.example")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertNotEquals(
        403, rotate.statusCode(), "a bearer token needs no CSRF token: " + rotate.body());
    assertNotEquals(401, rotate.statusCode(), rotate.body());

    HttpResponse<String> page = rapport.get("/admin", "Cookie", session.cookie());
    Matcher revoke =
        Pattern.compile(
                "action=\"/admin/api-tokens/([0-9]+)/revoke\">[^<]*<input[^>]*>\\s*<button[^>]*>Revoke "
                    + Pattern.quote(name))
            .matcher(page.body());
    assertTrue(revoke.find(), page.body());
    assertFalse(page.body().contains(token), "the token is shown once, never again");
    HttpResponse<String> revoked =
        rapport.postForm(
            "/admin/api-tokens/" + revoke.group(1) + "/revoke",
            "csrf=" + session.csrf(),
            "Origin",
            rapport.origin(),
            "Cookie",
            session.cookie());
    assertEquals(200, revoked.statusCode(), revoked.body());
    HttpResponse<String> after =
        rapport.get(
            "/api/admin/registrations", "Accept", "application/json", "Authorization", bearer);
    assertEquals(401, after.statusCode(), after.body());

    String audit = rapport.adminGet("/api/admin/audit?limit=1000").body();
    for (String action :
        List.of(
            "ADMIN_SIGNED_IN",
            "API_TOKEN_CREATED",
            "API_TOKEN_USED",
            "API_TOKEN_REVOKED",
            "TOOL_KEYS_ROTATED")) {
      assertTrue(audit.contains(action), action + " in " + audit);
    }
  }

  @Test
  void signingOutEndsTheSessionOnTheServer() {
    RapportClient rapport = rapport();
    RapportClient.AdminSession session = rapport.signIn("admin", RapportClient.ADMIN_PASSWORD);
    assertEquals(200, rapport.get("/admin", "Cookie", session.cookie()).statusCode());
    HttpResponse<String> out =
        rapport.postForm(
            "/admin/logout",
            "csrf=" + session.csrf(),
            "Origin",
            rapport.origin(),
            "Cookie",
            session.cookie());
    assertEquals(303, out.statusCode(), out.body());
    // The old cookie value, replayed, no longer opens anything.
    HttpResponse<String> replay = rapport.get("/admin", "Cookie", session.cookie());
    assertEquals(303, replay.statusCode());
    assertEquals(
        "/admin/login",
        replay.headers().firstValue("Location").orElse("").replaceAll("^https?://[^/]+", ""));
  }

  @Test
  void theSessionCookieIsHostPrefixedOverHttpsAndNamedForDevelopmentOnlyOverPlainHttp() {
    RapportClient rapport = rapport();
    String form = "username=admin&password=" + RapportClient.ADMIN_PASSWORD;
    HttpResponse<String> plain = rapport.postForm("/admin/login", form, "Origin", rapport.origin());
    String devCookie = cookie(plain, "rapport-admin-dev");
    assertTrue(devCookie.contains("HttpOnly"), devCookie);
    assertTrue(devCookie.toLowerCase().contains("samesite=strict"), devCookie);
    assertTrue(devCookie.contains("Path=/"), devCookie);
    assertFalse(devCookie.contains("Secure"), "plain http in development mode: " + devCookie);

    String httpsOrigin = "https://127.0.0.1:" + rapport.base().getPort();
    HttpResponse<String> proxied =
        rapport.postForm("/admin/login", form, "Origin", httpsOrigin, "X-Forwarded-Proto", "https");
    String hostCookie = cookie(proxied, "__Host-rapport-admin");
    assertTrue(hostCookie.contains("Secure"), hostCookie);
    assertTrue(hostCookie.contains("HttpOnly"), hostCookie);
    assertTrue(hostCookie.toLowerCase().contains("samesite=strict"), hostCookie);
    assertTrue(hostCookie.contains("Path=/"), hostCookie);
    assertFalse(hostCookie.toLowerCase().contains("domain="), hostCookie);
  }

  @Test
  void theSixthWrongPasswordIsAnsweredWith429AndRetryAfter() throws Exception {
    // From 127.0.0.2, so that this address's lock does not affect the other tests' sign-ins.
    String user = "guesser-" + System.nanoTime();
    for (int attempt = 1; attempt <= 5; attempt++) {
      String answer = rawLogin(user, "wrong password " + attempt);
      assertTrue(
          answer.startsWith("HTTP/1.1 401"), "attempt " + attempt + ": " + firstLine(answer));
    }
    String sixth = rawLogin(user, "wrong password 6");
    assertTrue(sixth.startsWith("HTTP/1.1 429"), firstLine(sixth));
    Matcher retryAfter = Pattern.compile("(?im)^Retry-After:\\s*([0-9]+)\\s*$").matcher(sixth);
    assertTrue(retryAfter.find(), sixth);
    assertTrue(Integer.parseInt(retryAfter.group(1)) > 0);
  }

  private String rawLogin(String user, String password) throws IOException {
    int port = rapport().base().getPort();
    String body = "username=" + user + "&password=" + password.replace(' ', '+');
    String request =
        "POST /admin/login HTTP/1.1\r\nHost: 127.0.0.1:"
            + port
            + "\r\nOrigin: http://127.0.0.1:"
            + port
            + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
            + body.length()
            + "\r\nConnection: close\r\n\r\n"
            + body;
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
      socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 10_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String firstLine(String answer) {
    int end = answer.indexOf('\r');
    return end < 0 ? answer : answer.substring(0, end);
  }

  private static String cookie(HttpResponse<String> response, String name) {
    assertEquals(303, response.statusCode(), response.body());
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + response.headers().map()));
  }

  private static void expect403(
      List<String> failures,
      Route route,
      String why,
      RapportClient rapport,
      String contentType,
      RapportClient.AdminSession session,
      String csrf,
      String origin,
      String fetchSite) {
    HttpResponse<String> answer =
        send(rapport, route, contentType, session, csrf, origin, fetchSite);
    if (answer.statusCode() != 403) {
      failures.add(route + " with " + why + " answered " + answer.statusCode());
    }
  }

  /**
   * Sends the route a request on the session. The CSRF token goes where that route's clients put
   * it: the form field for forms, the header for JSON and bodiless requests.
   */
  private static HttpResponse<String> send(
      RapportClient rapport,
      Route route,
      String contentType,
      RapportClient.AdminSession session,
      String csrf,
      String origin,
      String fetchSite) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(rapport.uri(route.path()))
            .header("Cookie", session.cookie())
            .header("Origin", origin);
    if (fetchSite != null) {
      request.header("Sec-Fetch-Site", fetchSite);
    }
    String body;
    if (contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED)) {
      body = "name=probe" + (csrf == null ? "" : "&csrf=" + csrf);
      request.header("Content-Type", contentType);
    } else if (contentType.startsWith(MediaType.MULTIPART_FORM_DATA)) {
      body =
          (csrf == null
                  ? ""
                  : "--b0\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n")
              + "--b0\r\nContent-Disposition: form-data; name=\"registration\"\r\n\r\n0\r\n--b0--\r\n";
      request.header("Content-Type", "multipart/form-data; boundary=b0");
    } else {
      body = contentType.equals(MediaType.APPLICATION_JSON) ? "{}" : "x";
      request.header("Content-Type", contentType);
      if (csrf != null) {
        request.header("X-CSRF-Token", csrf);
      }
    }
    request.header("Accept", route.path().startsWith("/api/") ? "application/json" : "text/html");
    return rapport.send(
        request.method(route.method(), HttpRequest.BodyPublishers.ofString(body)).build());
  }

  /**
   * Every POST, PUT, DELETE and PATCH method of every JAX-RS resource class whose address is in the
   * admin area ({@code /admin…} or {@code /api/admin…}), whatever its annotations say: a new admin
   * route is covered without touching this test. Sign-out comes last (it ends the session).
   */
  static List<Route> stateChangingAdminRoutes() {
    List<Route> routes = new ArrayList<>();
    for (ResourceRoutes.Route route : ResourceRoutes.all()) {
      String path = route.path();
      if (!route.changesState()
          || !(path.startsWith("/admin") || path.startsWith("/api/admin"))
          || SIGN_IN_FORMS.contains(path)) {
        continue;
      }
      routes.add(new Route(route.method(), path, route.contentType(), route.resource()));
    }
    routes.sort(
        Comparator.comparing((Route r) -> r.path().equals("/admin/logout"))
            .thenComparing(Route::path)
            .thenComparing(Route::method));
    return routes;
  }
}
