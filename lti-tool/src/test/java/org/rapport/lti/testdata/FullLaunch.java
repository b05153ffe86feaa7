package org.rapport.lti.testdata;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.rapport.lti.protocol.claims.LtiClaims;

/**
 * One complete LTI launch as an LMS and a browser make it, over real HTTP: OIDC login initiation at
 * Rapport, the platform's signed RS256 id_token (signed here with the test platform's key, as its
 * authorization endpoint would), the form post to Rapport's launch endpoint with the state cookie,
 * and the first page the launch redirects to. Thread-safe; used by the load test and benchmark.
 */
public final class FullLaunch {
  /** What happened: the status of the step that ended the launch, and which step it was. */
  public record Outcome(String step, int status, String detail, String session) {
    Outcome(String step, int status, String detail) {
      this(step, status, detail, null);
    }

    public boolean ok() {
      return step.equals("page") && status == 200;
    }
  }

  private final URI base;
  private final LtiTestPlatform platform;
  private final String clientId;
  private final HttpClient http;

  public FullLaunch(URI base, LtiTestPlatform platform, String clientId) {
    this.base = base;
    this.platform = platform;
    this.clientId = clientId;
    this.http =
        HttpClient.newBuilder()
            // HTTP/1.1 as browsers speak it to a plain-http address (they never upgrade to h2c).
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Launches a student {@code subject}, with the launch's custom parameters. */
  public Outcome launch(String subject, Map<String, String> custom) {
    try {
      HttpResponse<String> login =
          get(
              "/lti/login?iss="
                  + enc(platform.issuer())
                  + "&login_hint="
                  + enc(subject)
                  + "&target_link_uri="
                  + enc(base + "/app")
                  + "&client_id="
                  + enc(clientId)
                  + "&lti_deployment_id="
                  + LtiTestPlatform.DEPLOYMENT_ID,
              null);
      if (login.statusCode() != 303) {
        return new Outcome("login", login.statusCode(), login.body());
      }
      Map<String, String> q =
          LmsHttpServer.query(
              URI.create(login.headers().firstValue("Location").orElseThrow()).getRawQuery());
      String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
      String cookie = setCookie.substring(0, setCookie.indexOf(';'));
      JWTClaimsSet.Builder claims =
          platform.launchClaims(clientId, subject, q.get("nonce"), base + "/app");
      if (!custom.isEmpty()) {
        claims.claim(LtiClaims.CUSTOM, custom);
      }
      String form =
          "id_token=" + enc(platform.sign(claims.build())) + "&state=" + enc(q.get("state"));
      HttpResponse<String> launch =
          http.send(
              HttpRequest.newBuilder(base.resolve("/lti/launch"))
                  .timeout(Duration.ofSeconds(60))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("Cookie", cookie)
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (launch.statusCode() != 303) {
        return new Outcome("launch", launch.statusCode(), launch.body());
      }
      String location = launch.headers().firstValue("Location").orElseThrow();
      HttpResponse<String> page = get(location, null);
      String session = LmsHttpServer.query(URI.create(location).getRawQuery()).get("s");
      return new Outcome(
          "page", page.statusCode(), page.statusCode() == 200 ? "" : page.body(), session);
    } catch (java.io.IOException e) {
      return new Outcome("io", 0, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome("interrupted", 0, e.toString());
    }
  }

  /** A GET of {@code path} (or an absolute URL) on Rapport. */
  public HttpResponse<String> get(String path, String accept)
      throws java.io.IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET();
    if (accept != null) {
      request.header("Accept", accept);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
