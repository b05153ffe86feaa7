package org.rapport.lti.testdata;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Launches into a deployed Rapport through its built-in test platform over real HTTP, the way a
 * browser would (mock course page → OIDC login → platform authorization → form post), and returns
 * the session token of the launched user. Needs development mode (on in the integration tests).
 */
public final class DevLaunch {
  private static final Pattern IFRAME = Pattern.compile("<iframe[^>]*src=\"([^\"]*)\"");
  private static final Pattern REDIRECT = Pattern.compile("data-redirect=\"([^\"]*)\"");
  private static final Pattern ID_TOKEN = Pattern.compile("name=\"id_token\" value=\"([^\"]*)\"");
  private static final Pattern STATE = Pattern.compile("name=\"state\" value=\"([^\"]*)\"");
  private static final Pattern SESSION = Pattern.compile("[?&]s=([A-Za-z0-9._-]+)");

  private DevLaunch() {}

  /** Launches {@code role} ("student" or "instructor") named {@code user} into {@code target}. */
  public static String session(RapportClient rapport, String role, String user, String target) {
    return session(rapport, role, user, target, (String) null);
  }

  /** As {@link #session(RapportClient, String, String, String)}, with LTI custom parameters. */
  public static String session(
      RapportClient rapport,
      String role,
      String user,
      String target,
      java.util.Map<String, String> custom) {
    return session(rapport, role, user, target, null, custom);
  }

  /**
   * Launches {@code role} named {@code user} into {@code target} from the test platform's course
   * with context id {@code course} (the demo course when null).
   */
  public static String session(
      RapportClient rapport, String role, String user, String target, String course) {
    return session(rapport, role, user, target, course, java.util.Map.of());
  }

  /** The launch with a course and LTI custom parameters ({@code custom_<name>} on the platform). */
  public static String session(
      RapportClient rapport,
      String role,
      String user,
      String target,
      String course,
      java.util.Map<String, String> custom) {
    StringBuilder extra = new StringBuilder();
    custom.forEach((k, v) -> extra.append("&custom_").append(k).append('=').append(enc(v)));
    CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    String page =
        get(
            http,
            rapport.uri(
                "/dev/platform/launch?role="
                    + role
                    + "&user="
                    + user
                    + "&target="
                    + enc(target)
                    + (course == null ? "" : "&course=" + enc(course))
                    + extra));
    String login = html(find(IFRAME, page, "test platform page"));
    String loginPage = get(http, URI.create(login));
    String auth = html(find(REDIRECT, loginPage, "login page"));
    String post = get(http, URI.create(auth));
    String form =
        "id_token="
            + enc(html(find(ID_TOKEN, post, "authorization answer")))
            + "&state="
            + enc(html(find(STATE, post, "authorization answer")));
    HttpResponse<String> launched =
        send(
            http,
            HttpRequest.newBuilder(rapport.uri("/lti/launch"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    if (launched.statusCode() == 200 && launched.body().contains("lti-relaunch")) {
      // No cookie over plain http: answer as the platform's storage frame would, with the state
      // the login page stored there.
      String state = html(find(STATE, launched.body(), "platform-storage page"));
      launched =
          send(
              http,
              HttpRequest.newBuilder(rapport.uri("/lti/launch"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form + "&stored_state=" + enc(state)))
                  .build());
    }
    if (launched.statusCode() != 303) {
      throw new AssertionError("Launch refused: " + launched.statusCode() + " " + launched.body());
    }
    String location = launched.headers().firstValue("Location").orElseThrow();
    return find(SESSION, location, "launch redirect");
  }

  private static String get(HttpClient http, URI uri) {
    HttpResponse<String> answer = send(http, HttpRequest.newBuilder(uri).GET().build());
    if (answer.statusCode() != 200) {
      throw new AssertionError(
          "GET " + uri + " answered " + answer.statusCode() + ": " + answer.body());
    }
    return answer.body();
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException("Request to " + request.uri() + " failed", e);
    }
  }

  private static String find(Pattern pattern, String text, String where) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      throw new AssertionError("Nothing matching " + pattern + " in the " + where + ": " + text);
    }
    return m.group(1);
  }

  /** Undoes the HTML escaping Mustache applies to attribute values. */
  public static String html(String value) {
    return value
        .replace("&#61;", "=")
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#x2F;", "/")
        .replace("&#96;", "`");
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
