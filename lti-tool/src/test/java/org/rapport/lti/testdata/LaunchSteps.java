package org.rapport.lti.testdata;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The browser's part of an LTI launch into Rapport over real HTTP, from Rapport's login URL on: the
 * login page (platform storage, since cookies are Secure and this is plain HTTP), the platform's
 * authorization endpoint, the form post to {@code /lti/launch}, and the relaunch from Rapport's
 * storage page with the state read back from platform storage. Used by the test LMS and by launches
 * through the built-in development platform.
 */
final class LaunchSteps {
  private static final Pattern REDIRECT = Pattern.compile("data-redirect=\"([^\"]*)\"");
  private static final Pattern ID_TOKEN = Pattern.compile("name=\"id_token\" value=\"([^\"]*)\"");
  private static final Pattern STATE = Pattern.compile("name=\"state\" value=\"([^\"]*)\"");
  private static final Pattern SESSION = Pattern.compile("[?&]s=([A-Za-z0-9._-]+)");

  private LaunchSteps() {}

  /** Goes from the login URL to Rapport's launch redirect; answers its Location. */
  static String launch(HttpClient http, RapportClient rapport, URI login) {
    String loginPage = get(http, login, "login initiation");
    String auth = DevLaunch.html(find(REDIRECT, loginPage, "login page"));
    String post = get(http, URI.create(auth), "authorization");
    String state = DevLaunch.html(find(STATE, post, "authorization answer"));
    String form =
        "id_token="
            + enc(DevLaunch.html(find(ID_TOKEN, post, "authorization answer")))
            + "&state="
            + enc(state);
    HttpResponse<String> launched = postForm(http, rapport, form, false);
    if (launched.statusCode() == 200 && launched.body().contains("lti-relaunch")) {
      // Rapport's storage page posts again, from Rapport's origin, with the stored state.
      launched = postForm(http, rapport, form + "&stored_state=" + enc(state), true);
    }
    if (launched.statusCode() != 303) {
      throw new AssertionError("Launch refused: " + launched.statusCode() + " " + launched.body());
    }
    return launched.headers().firstValue("Location").orElseThrow();
  }

  /** The session token in a launch redirect. */
  static String session(String location) {
    return find(SESSION, location, "launch redirect");
  }

  static String get(HttpClient http, URI uri, String what) {
    HttpResponse<String> answer = send(http, HttpRequest.newBuilder(uri).GET().build());
    if (answer.statusCode() != 200) {
      throw new AssertionError(
          what + ": GET " + uri + " answered " + answer.statusCode() + ": " + answer.body());
    }
    return answer.body();
  }

  static String find(Pattern pattern, String text, String where) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      throw new AssertionError("Nothing matching " + pattern + " in the " + where + ": " + text);
    }
    return m.group(1);
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> postForm(
      HttpClient http, RapportClient rapport, String form, boolean fromRapport) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(rapport.uri("/lti/launch"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (fromRapport) {
      request.header("Origin", rapport.base().toString());
    }
    return send(http, request.build());
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Request to " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
