package org.rapport.lti.testdata;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real HTTP to a deployed Rapport on 127.0.0.1 (the Arquillian connector reports a network-card
 * address; only the port is taken from it).
 */
public final class RapportClient {
  public static final String ADMIN_PASSWORD = "integration-test-admin-password";

  private static final ConcurrentMap<Integer, String> API_TOKENS = new ConcurrentHashMap<>();
  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static final Pattern INVITE_URL =
      Pattern.compile("id=\"dynamic-registration-url\">([^<]+)<");
  private static final Pattern NEW_TOKEN =
      Pattern.compile("<pre id=\"new-api-token\">([^<]+)</pre>");

  private final URI base;
  private final String origin;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  public RapportClient(URL deployed) {
    this(URI.create("http://127.0.0.1:" + deployed.getPort()));
  }

  private RapportClient(URI base) {
    this(base, base.getScheme() + "://" + base.getHost() + ":" + base.getPort());
  }

  private RapportClient(URI base, String origin) {
    this.base = base;
    this.origin = origin;
  }

  /**
   * The same Rapport as its administrators' browsers see it at {@code publicUrl} (its {@code
   * rapport.public-url}), while the test reaches it here: admin forms carry that origin.
   */
  public RapportClient atPublicUrl(String publicUrl) {
    URI url = URI.create(publicUrl);
    return new RapportClient(
        base,
        url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()));
  }

  /**
   * The same Rapport addressed as {@code localhost}: its built-in test platform then has another
   * issuer, so launches through this client belong to a second tenant (registration).
   */
  public static RapportClient secondTenant(URL deployed) {
    return new RapportClient(URI.create("http://localhost:" + deployed.getPort()));
  }

  public URI base() {
    return base;
  }

  public URI uri(String path) {
    return base.resolve(path);
  }

  public HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.GET().build());
  }

  public HttpResponse<String> adminGet(String path) {
    return adminGet(path, "application/json");
  }

  public HttpResponse<String> adminGet(String path, String accept) {
    return sendAsAdmin(
        authorization ->
            HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Accept", accept)
                .GET()
                .build());
  }

  public HttpResponse<String> adminDelete(String path) {
    return sendAsAdmin(
        authorization ->
            HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .DELETE()
                .build());
  }

  public HttpResponse<String> adminPost(String path, String json) {
    return sendAsAdmin(
        authorization ->
            HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
  }

  public HttpResponse<String> adminPut(String path, String json) {
    return sendAsAdmin(
        authorization ->
            HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
  }

  /**
   * Sends a request built for the {@code Authorization} value of the administrator's API token. The
   * token is created once per Rapport (port) through the admin pages, as a script's owner would; if
   * Rapport no longer knows it (another process on the same port), a new one is made.
   */
  public HttpResponse<String> sendAsAdmin(Function<String, HttpRequest> request) {
    HttpResponse<String> response = send(request.apply(adminAuthorization()));
    if (response.statusCode() == 401) {
      API_TOKENS.remove(base.getPort());
      response = send(request.apply(adminAuthorization()));
    }
    return response;
  }

  /** {@code Bearer <token>} of an API token of administrator {@code admin}. */
  public String adminAuthorization() {
    return "Bearer "
        + API_TOKENS.computeIfAbsent(
            base.getPort(),
            port -> createApiToken(signIn("admin", ADMIN_PASSWORD), "integration tests"));
  }

  /** Rapport's own origin for this client, as a browser on the admin pages would send it. */
  public String origin() {
    return origin;
  }

  /** An administrator's browser session: the cookie to send and the page's CSRF token. */
  public record AdminSession(String cookie, String csrf) {}

  /** Signs in on the admin sign-in page and reads the CSRF token from the admin page. */
  public AdminSession signIn(String username, String password) {
    HttpResponse<String> login =
        postForm(
            "/admin/login",
            "username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8),
            "Origin",
            origin());
    if (login.statusCode() != 303) {
      throw new IllegalStateException(
          "Sign-in as " + username + " answered " + login.statusCode() + ": " + login.body());
    }
    String cookie =
        login.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.contains("rapport-admin"))
            .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("No admin session cookie was set"));
    HttpResponse<String> page = get("/admin", "Cookie", cookie);
    Matcher csrf = CSRF_FIELD.matcher(page.body());
    if (page.statusCode() != 200 || !csrf.find()) {
      throw new IllegalStateException("The admin page shows no CSRF token: " + page.statusCode());
    }
    return new AdminSession(cookie, csrf.group(1));
  }

  /** Creates an API token on the admin page of a signed-in session; answers its value. */
  public String createApiToken(AdminSession session, String name) {
    HttpResponse<String> created =
        postForm(
            "/admin/api-tokens",
            "name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&csrf=" + session.csrf(),
            "Origin",
            origin(),
            "Cookie",
            session.cookie());
    Matcher token = NEW_TOKEN.matcher(created.body());
    if (created.statusCode() != 200 || !token.find()) {
      throw new IllegalStateException(
          "Creating an API token answered " + created.statusCode() + ": " + created.body());
    }
    return token.group(1);
  }

  /**
   * Makes a dynamic registration invite on the admin page of a signed-in session; answers the
   * registration URL's path and query (shown once), relative to {@link #base()}.
   */
  public String registrationInvite(AdminSession session, int expiryDays, boolean enableOnArrival) {
    HttpResponse<String> made =
        postForm(
            "/admin/registration-invites",
            "expiryDays="
                + expiryDays
                + (enableOnArrival ? "&enableOnArrival=true" : "")
                + "&csrf="
                + session.csrf(),
            "Origin",
            origin(),
            "Cookie",
            session.cookie());
    Matcher url = INVITE_URL.matcher(made.body());
    if (made.statusCode() != 200 || !url.find()) {
      throw new IllegalStateException(
          "Making a registration invite answered " + made.statusCode() + ": " + made.body());
    }
    return DevLaunch.html(url.group(1)).replace(base.toString(), "");
  }

  public HttpResponse<String> postForm(String path, String form, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded");
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.POST(HttpRequest.BodyPublishers.ofString(form)).build());
  }

  /**
   * Moves Rapport's clock forward (development mode's {@code /dev/clock}), so that a test sees a
   * token, lease or retry delay run out without waiting for it. Pair with {@link #resetClock()}.
   */
  public void moveClockForward(Duration by) {
    HttpResponse<String> moved = postForm("/dev/clock", "seconds=" + by.toSeconds());
    if (moved.statusCode() != 200) {
      throw new IllegalStateException("Could not move the clock: " + moved.body());
    }
  }

  /** Puts Rapport's clock back in step with the system clock. */
  public void resetClock() {
    HttpResponse<String> reset = send(HttpRequest.newBuilder(uri("/dev/clock")).DELETE().build());
    if (reset.statusCode() != 200) {
      throw new IllegalStateException("Could not reset the clock: " + reset.body());
    }
  }

  /**
   * Sends the request. A refused connection is tried again for a few seconds: Payara Micro can
   * restart its HTTP listener just after it reports the deployment ready, and a refused connection
   * never reached Rapport, so trying again cannot repeat anything.
   */
  public HttpResponse<String> send(HttpRequest request) {
    // Only refused connections are bounded here: an answer that takes long (Rapport waiting for
    // its database) is waited for, as a browser would.
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (true) {
      try {
        return sendOnce(request);
      } catch (java.net.ConnectException refused) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("No connection to " + request.uri(), refused);
        }
        pauseBeforeConnectingAgain();
      }
    }
  }

  private static void pauseBeforeConnectingAgain() {
    try {
      // A pause between connection attempts, not a wait with a deadline of its own: the loop in
      // send bounds refused connections only, while an answer that takes long is waited for.
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private HttpResponse<String> sendOnce(HttpRequest request) throws java.net.ConnectException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (java.net.ConnectException refused) {
      throw refused;
    } catch (IOException e) {
      throw new IllegalStateException("Request to " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** HTTP Basic credentials of the test administrator: Rapport refuses them (kept to show it). */
  public static String basicAdmin() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
  }
}
