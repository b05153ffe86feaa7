package org.rapport.lti.testdata;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Launches into a deployed Rapport through its built-in test platform over real HTTP, the way a
 * browser would (mock course page → OIDC login → platform authorization → form post), and returns
 * the session token of the launched user. Needs development mode (on in the integration tests).
 */
public final class DevLaunch {
  private static final Pattern IFRAME = Pattern.compile("<iframe[^>]*src=\"([^\"]*)\"");

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
        LaunchSteps.get(
            http,
            rapport.uri(
                "/dev/platform/launch?role="
                    + role
                    + "&user="
                    + user
                    + "&target="
                    + enc(target)
                    + (course == null ? "" : "&course=" + enc(course))
                    + extra),
            "test platform page");
    String login = html(LaunchSteps.find(IFRAME, page, "test platform page"));
    return LaunchSteps.session(LaunchSteps.launch(http, rapport, URI.create(login)));
  }

  /**
   * Starts a content selection (deep-linking request) from the test platform as instructor {@code
   * user}, through the real OIDC login and launch; answers Rapport's redirect, the
   * content-selection page with its session token.
   */
  public static String contentSelection(RapportClient rapport, String user) {
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    String page =
        LaunchSteps.get(
            http,
            rapport.uri(
                "/dev/platform/launch?role=instructor&message=content-selection&user=" + user),
            "test platform page");
    String login = html(LaunchSteps.find(IFRAME, page, "test platform page"));
    return LaunchSteps.launch(http, rapport, URI.create(login));
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
    return LaunchSteps.enc(value);
  }
}
