package org.rapport.lti.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rapport.lti.protocol.LaunchFailure;
import org.rapport.lti.protocol.claims.LtiClaims;
import org.rapport.lti.testdata.LmsHttpServer;
import org.rapport.lti.testdata.LtiTestPlatform;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.RapportWar;
import org.rapport.lti.testdata.TestKeys;

/**
 * LTI 1.3 launches from a test platform over real HTTP into the deployed Rapport: the whole
 * validation pipeline as data (each invalid launch is refused with the right status and reason and
 * changes nothing), platform key rotation, tenants, and dynamic registration.
 */
@ExtendWith(ArquillianExtension.class)
class LaunchIT {
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RapportWar.shipped();
  }

  @ArquillianResource URL deployed;

  private static LtiTestPlatform platform;
  private static long accepting;
  private static long rejecting;
  private static long disabled;

  @BeforeAll
  static void startPlatform() throws Exception {
    platform = LtiTestPlatform.start();
  }

  @AfterAll
  static void stopPlatform() {
    platform.close();
  }

  private RapportClient rapport() {
    RapportClient rapport = new RapportClient(deployed);
    synchronized (LaunchIT.class) {
      if (accepting == 0) {
        accepting = register(rapport, platform, "Accepting", "client-a", "ACCEPT_ON_FIRST_SIGHT");
        rejecting = register(rapport, platform, "Rejecting", "client-r", "REJECT_UNKNOWN");
        disabled = register(rapport, platform, "Disabled", "client-d", "ACCEPT_ON_FIRST_SIGHT");
        assertEquals(
            200,
            rapport
                .adminPost("/api/admin/registrations/" + disabled + "/disable", "")
                .statusCode());
      }
    }
    return rapport;
  }

  static long register(
      RapportClient rapport, LtiTestPlatform p, String name, String client, String policy) {
    HttpResponse<String> created =
        rapport.adminPost("/api/admin/registrations", p.registrationJson(name, client, policy));
    assertEquals(201, created.statusCode(), created.body());
    Matcher m = ID.matcher(created.body());
    assertTrue(m.find());
    return Long.parseLong(m.group(1));
  }

  /** The browser's side of a login: the state and nonce Rapport sent, and its state cookie. */
  record Login(String state, String nonce, String cookie, URI authorize) {}

  static Login login(RapportClient rapport, LtiTestPlatform p, String clientId) {
    HttpResponse<String> answer =
        rapport.get(
            "/lti/login?iss="
                + enc(p.issuer())
                + "&login_hint=user-1&target_link_uri="
                + enc(rapport.base() + "/app")
                + "&lti_message_hint=hint-1&client_id="
                + clientId
                + "&lti_deployment_id="
                + LtiTestPlatform.DEPLOYMENT_ID);
    assertEquals(303, answer.statusCode(), answer.body());
    URI location = URI.create(answer.headers().firstValue("Location").orElseThrow());
    assertTrue(location.toString().startsWith(p.issuer() + "/auth?"), location.toString());
    Map<String, String> q = LmsHttpServer.query(location.getRawQuery());
    assertEquals("hint-1", q.get("lti_message_hint"));
    assertEquals(rapport.base() + "/lti/launch", q.get("redirect_uri"));
    String setCookie = answer.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(
        setCookie.contains("SameSite=None")
            && setCookie.contains("Secure")
            && setCookie.contains("Partitioned"),
        setCookie);
    return new Login(
        q.get("state"), q.get("nonce"), setCookie.substring(0, setCookie.indexOf(';')), location);
  }

  static HttpResponse<String> launch(
      RapportClient rapport, String idToken, String state, String cookie) {
    StringBuilder form = new StringBuilder();
    if (idToken != null) {
      form.append("id_token=").append(enc(idToken));
    }
    if (state != null) {
      form.append(form.length() > 0 ? "&" : "").append("state=").append(enc(state));
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(rapport.uri("/lti/launch"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return rapport.send(request.build());
  }

  /** One invalid launch: what is wrong, the expected answer, how to make the request. */
  record Case(String name, int status, LaunchFailure failure, long registration, Attempt attempt) {}

  interface Attempt {
    HttpResponse<String> run(RapportClient rapport);
  }

  private static Attempt mutated(String client, UnaryOperator<JWTClaimsSet.Builder> change) {
    return rapport -> {
      Login login = login(rapport, platform, client);
      JWTClaimsSet claims =
          change
              .apply(
                  platform.launchClaims(
                      client, "sub-" + client, login.nonce(), rapport.base() + "/app"))
              .build();
      return launch(rapport, platform.sign(claims), login.state(), login.cookie());
    };
  }

  private static Attempt valid(String client) {
    return mutated(client, b -> b);
  }

  private static Attempt token(String client, TokenMaker maker) {
    return rapport -> {
      Login login = login(rapport, platform, client);
      JWTClaimsSet claims =
          platform
              .launchClaims(client, "sub-" + client, login.nonce(), rapport.base() + "/app")
              .build();
      try {
        return launch(rapport, maker.make(claims), login.state(), login.cookie());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
  }

  interface TokenMaker {
    String make(JWTClaimsSet claims) throws Exception;
  }

  private static List<Case> invalidLaunches() {
    RSAKey stranger = TestKeys.fresh("not-published");
    List<Case> cases = new ArrayList<>();
    cases.add(
        new Case(
            "no id_token",
            400,
            LaunchFailure.TOKEN_MISSING,
            accepting,
            rapport -> {
              Login login = login(rapport, platform, "client-a");
              return launch(rapport, null, login.state(), login.cookie());
            }));
    cases.add(
        new Case(
            "malformed token",
            400,
            LaunchFailure.TOKEN_MALFORMED,
            accepting,
            token("client-a", c -> "this-is-not-a-jwt")));
    cases.add(
        new Case(
            "oversized token",
            413,
            LaunchFailure.TOKEN_TOO_LARGE,
            accepting,
            token(
                "client-a",
                c ->
                    platform.sign(
                        new JWTClaimsSet.Builder(c).claim("pad", "x".repeat(70_000)).build()))));
    cases.add(
        new Case(
            "alg none",
            401,
            LaunchFailure.ALGORITHM_NOT_ALLOWED,
            accepting,
            token("client-a", c -> new PlainJWT(new PlainHeader(), c).serialize())));
    cases.add(
        new Case(
            "HS256 with a shared secret",
            401,
            LaunchFailure.ALGORITHM_NOT_ALLOWED,
            accepting,
            token(
                "client-a",
                c ->
                    hs256(
                        c,
                        "a-shared-secret-that-is-long-enough-for-hs256"
                            .getBytes(StandardCharsets.UTF_8)))));
    cases.add(
        new Case(
            "HS256 keyed with the platform's public key",
            401,
            LaunchFailure.ALGORITHM_NOT_ALLOWED,
            accepting,
            token(
                "client-a",
                c ->
                    hs256(
                        c,
                        platform
                            .signingKey()
                            .toPublicJWK()
                            .toJSONString()
                            .getBytes(StandardCharsets.UTF_8)))));
    cases.add(
        new Case(
            "unknown kid",
            401,
            LaunchFailure.KEY_UNKNOWN,
            accepting,
            token("client-a", c -> TestKeys.sign(c, stranger))));
    cases.add(
        new Case(
            "bad signature",
            401,
            LaunchFailure.SIGNATURE_INVALID,
            accepting,
            token(
                "client-a",
                c -> {
                  String signed = platform.sign(c);
                  String[] parts = signed.split("\\.");
                  String forged =
                      platform.sign(new JWTClaimsSet.Builder(c).subject("someone-else").build())
                          .split("\\.")[1];
                  return parts[0] + "." + forged + "." + parts[2];
                })));
    cases.add(
        new Case(
            "unknown issuer",
            400,
            LaunchFailure.ISSUER_UNKNOWN,
            accepting,
            mutated("client-a", b -> b.issuer("https://not-registered.example.edu"))));
    cases.add(
        new Case(
            "issuer missing",
            400,
            LaunchFailure.ISSUER_MISSING,
            accepting,
            mutated("client-a", b -> b.issuer(null))));
    cases.add(
        new Case(
            "wrong aud",
            400,
            LaunchFailure.CLIENT_ID_UNKNOWN,
            accepting,
            mutated("client-a", b -> b.audience("some-other-client"))));
    cases.add(
        new Case(
            "several aud without azp",
            400,
            LaunchFailure.AZP_MISSING,
            accepting,
            mutated("client-a", b -> b.audience(List.of("client-a", "client-x")))));
    cases.add(
        new Case(
            "several aud with a wrong azp",
            400,
            LaunchFailure.AZP_MISMATCH,
            accepting,
            mutated(
                "client-a",
                b -> b.audience(List.of("client-a", "client-x")).claim("azp", "client-x"))));
    cases.add(
        new Case(
            "expired",
            401,
            LaunchFailure.TOKEN_EXPIRED,
            accepting,
            mutated(
                "client-a", b -> b.expirationTime(Date.from(Instant.now().minusSeconds(600))))));
    cases.add(
        new Case(
            "exp missing",
            400,
            LaunchFailure.EXPIRATION_MISSING,
            accepting,
            mutated("client-a", b -> b.expirationTime(null))));
    cases.add(
        new Case(
            "iat in the future",
            401,
            LaunchFailure.ISSUED_IN_FUTURE,
            accepting,
            mutated("client-a", b -> b.issueTime(Date.from(Instant.now().plusSeconds(600))))));
    cases.add(
        new Case(
            "iat missing",
            400,
            LaunchFailure.ISSUED_AT_MISSING,
            accepting,
            mutated("client-a", b -> b.issueTime(null))));
    cases.add(
        new Case(
            "state not bound to this browser",
            401,
            LaunchFailure.STATE_NOT_IN_BROWSER,
            accepting,
            rapport -> {
              Login login = login(rapport, platform, "client-a");
              JWTClaimsSet c =
                  platform
                      .launchClaims("client-a", "sub-a", login.nonce(), rapport.base() + "/app")
                      .build();
              return launch(rapport, platform.sign(c), login.state(), null);
            }));
    cases.add(
        new Case(
            "wrong state",
            401,
            LaunchFailure.STATE_MISMATCH,
            accepting,
            rapport -> {
              Login login = login(rapport, platform, "client-a");
              Login other = login(rapport, platform, "client-a");
              JWTClaimsSet c =
                  platform
                      .launchClaims("client-a", "sub-a", login.nonce(), rapport.base() + "/app")
                      .build();
              String cookieForOtherState =
                  login.cookie().substring(0, login.cookie().indexOf('=') + 1) + other.state();
              return launch(rapport, platform.sign(c), login.state(), cookieForOtherState);
            }));
    cases.add(
        new Case(
            "state missing",
            401,
            LaunchFailure.STATE_MISSING,
            accepting,
            rapport -> {
              Login login = login(rapport, platform, "client-a");
              JWTClaimsSet c =
                  platform
                      .launchClaims("client-a", "sub-a", login.nonce(), rapport.base() + "/app")
                      .build();
              return launch(rapport, platform.sign(c), null, login.cookie());
            }));
    cases.add(
        new Case(
            "nonce missing",
            401,
            LaunchFailure.NONCE_MISSING,
            accepting,
            mutated("client-a", b -> b.claim("nonce", null))));
    cases.add(
        new Case(
            "nonce never issued",
            401,
            LaunchFailure.NONCE_REPLAYED,
            accepting,
            mutated("client-a", b -> b.claim("nonce", "made-up-nonce-value"))));
    cases.add(
        new Case(
            "deployment_id missing",
            400,
            LaunchFailure.DEPLOYMENT_ID_MISSING,
            accepting,
            mutated("client-a", b -> b.claim(LtiClaims.DEPLOYMENT_ID, null))));
    cases.add(
        new Case(
            "unknown deployment under reject policy",
            403,
            LaunchFailure.DEPLOYMENT_UNKNOWN,
            rejecting,
            valid("client-r")));
    cases.add(
        new Case(
            "registration disabled",
            403,
            LaunchFailure.REGISTRATION_DISABLED,
            disabled,
            rapport -> {
              JWTClaimsSet c =
                  platform
                      .launchClaims("client-d", "sub-d", "nonce-d", rapport.base() + "/app")
                      .build();
              return launch(rapport, platform.sign(c), "state-d", null);
            }));
    cases.add(
        new Case(
            "message_type missing",
            400,
            LaunchFailure.MESSAGE_TYPE_MISSING,
            accepting,
            mutated("client-a", b -> b.claim(LtiClaims.MESSAGE_TYPE, null))));
    cases.add(
        new Case(
            "unsupported message_type",
            400,
            LaunchFailure.MESSAGE_TYPE_UNSUPPORTED,
            accepting,
            mutated(
                "client-a", b -> b.claim(LtiClaims.MESSAGE_TYPE, "LtiSubmissionReviewRequest"))));
    cases.add(
        new Case(
            "version missing",
            400,
            LaunchFailure.VERSION_MISSING,
            accepting,
            mutated("client-a", b -> b.claim(LtiClaims.VERSION, null))));
    cases.add(
        new Case(
            "wrong version",
            400,
            LaunchFailure.VERSION_UNSUPPORTED,
            accepting,
            mutated("client-a", b -> b.claim(LtiClaims.VERSION, "1.1"))));
    cases.add(
        new Case(
            "sub missing",
            400,
            LaunchFailure.SUBJECT_MISSING,
            accepting,
            mutated("client-a", b -> b.subject(null))));
    cases.add(
        new Case(
            "roles missing",
            400,
            LaunchFailure.ROLES_MISSING,
            accepting,
            mutated("client-a", b -> b.claim(LtiClaims.ROLES, null))));
    cases.add(
        new Case(
            "resource_link missing",
            400,
            LaunchFailure.RESOURCE_LINK_ID_MISSING,
            accepting,
            mutated("client-a", b -> b.claim(LtiClaims.RESOURCE_LINK, null))));
    cases.add(
        new Case(
            "target_link_uri missing",
            400,
            LaunchFailure.TARGET_LINK_URI_MISSING,
            accepting,
            mutated("client-a", b -> b.claim(LtiClaims.TARGET_LINK_URI, null))));
    cases.add(
        new Case(
            "foreign target_link_uri",
            400,
            LaunchFailure.TARGET_LINK_URI_FOREIGN,
            accepting,
            mutated(
                "client-a",
                b -> b.claim(LtiClaims.TARGET_LINK_URI, "https://evil.example/phish"))));
    cases.add(
        new Case(
            "deep linking without settings",
            400,
            LaunchFailure.DEEP_LINKING_SETTINGS_MISSING,
            accepting,
            mutated(
                "client-a",
                b ->
                    b.claim(LtiClaims.MESSAGE_TYPE, "LtiDeepLinkingRequest")
                        .claim(LtiClaims.RESOURCE_LINK, null))));
    return cases;
  }

  @Test
  void everyInvalidLaunchIsRefusedWithItsReasonAndChangesNothing() {
    RapportClient rapport = rapport();
    List<String> wrong = new ArrayList<>();
    List<Case> cases = invalidLaunches();
    assertTrue(cases.size() >= 30, "at least 30 named invalid launches");
    for (Case c : cases) {
      String before = usage(rapport, c.registration());
      HttpResponse<String> answer = c.attempt().run(rapport);
      if (answer.statusCode() != c.status()) {
        wrong.add(
            c.name()
                + ": status "
                + answer.statusCode()
                + " instead of "
                + c.status()
                + " — "
                + excerpt(answer.body()));
        continue;
      }
      if (!answer.body().contains(c.failure().name())
          || !answer.body().contains(escaped(c.failure().sentence()))) {
        wrong.add(
            c.name() + ": page does not name " + c.failure() + " — " + excerpt(answer.body()));
      }
      if (answer.body().contains("Exception") || answer.body().contains("\tat ")) {
        wrong.add(c.name() + ": page shows internals");
      }
      String after = usage(rapport, c.registration());
      if (!before.equals(after)) {
        wrong.add(c.name() + ": stored state changed from " + before + " to " + after);
      }
      String log = rapport.adminGet("/api/admin/launches?limit=1").body();
      if (!log.contains("\"failure\":\"" + c.failure().name() + "\"")) {
        wrong.add(c.name() + ": launch log does not record " + c.failure() + ": " + log);
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  @Test
  void aValidLaunchThroughThePlatformOpensRapportWithTheRole() {
    RapportClient rapport = rapport();
    String before = usage(rapport, accepting);
    Login login = login(rapport, platform, "client-a");
    HttpResponse<String> authorized =
        rapport.send(HttpRequest.newBuilder(login.authorize()).build());
    assertEquals(200, authorized.statusCode(), authorized.body() + platform.authProblems());
    String token = field(authorized.body(), "id_token");
    HttpResponse<String> launched =
        launch(rapport, token, field(authorized.body(), "state"), login.cookie());
    assertEquals(303, launched.statusCode(), launched.body());
    String location = launched.headers().firstValue("Location").orElseThrow();
    assertTrue(location.startsWith(rapport.base() + "/app?s="), location);
    assertEquals("no-referrer", launched.headers().firstValue("Referrer-Policy").orElse(""));
    HttpResponse<String> home = rapport.get(location);
    assertEquals(200, home.statusCode());
    assertTrue(home.body().contains("data-role=\"Student\""), home.body());
    assertFalse(
        before.equals(usage(rapport, accepting)),
        "the launch stored the learner, course and membership");

    HttpResponse<String> replay =
        launch(rapport, token, field(authorized.body(), "state"), login.cookie());
    assertEquals(401, replay.statusCode(), replay.body());
    assertTrue(replay.body().contains(LaunchFailure.NONCE_REPLAYED.name()), replay.body());
  }

  @Test
  void unknownIssuerAtLoginGetsAPageNotARedirect() {
    RapportClient rapport = rapport();
    HttpResponse<String> answer =
        rapport.get(
            "/lti/login?iss="
                + enc("https://unknown.example.edu")
                + "&login_hint=x&target_link_uri="
                + enc(rapport.base() + "/app"));
    assertEquals(400, answer.statusCode());
    assertTrue(answer.headers().firstValue("Location").isEmpty());
    assertTrue(answer.body().contains(LaunchFailure.ISSUER_UNKNOWN.name()), answer.body());
    HttpResponse<String> foreign =
        rapport.get(
            "/lti/login?iss="
                + enc(platform.issuer())
                + "&client_id=client-a&login_hint=x&target_link_uri="
                + enc("https://evil.example/app"));
    assertEquals(400, foreign.statusCode());
    assertTrue(
        foreign.body().contains(LaunchFailure.TARGET_LINK_URI_FOREIGN.name()), foreign.body());
  }

  @Test
  void behindATlsProxyRapportBuildsHttpsUrls() {
    RapportClient rapport = rapport();
    String https = rapport.base().toString().replace("http://", "https://");
    HttpResponse<String> answer =
        rapport.get(
            "/lti/login?iss="
                + enc(platform.issuer())
                + "&client_id=client-a&login_hint=u&target_link_uri="
                + enc(https + "/app"),
            "X-Forwarded-Proto",
            "https");
    assertEquals(303, answer.statusCode(), answer.body());
    String location = answer.headers().firstValue("Location").orElseThrow();
    assertTrue(location.contains("redirect_uri=" + enc(https + "/lti/launch")), location);
  }

  @Test
  void loginWorksByPostToo() {
    RapportClient rapport = rapport();
    HttpResponse<String> answer =
        rapport.postForm(
            "/lti/login",
            "iss="
                + enc(platform.issuer())
                + "&login_hint=u&target_link_uri="
                + enc(rapport.base() + "/app")
                + "&client_id=client-a");
    assertEquals(303, answer.statusCode(), answer.body());
  }

  @Test
  void aPlatformKeyRotationIsFollowedAfterOneRefetch() throws Exception {
    RapportClient rapport = rapport();
    try (LtiTestPlatform rotating = LtiTestPlatform.start()) {
      long id = register(rapport, rotating, "Rotating", "client-rot", "ACCEPT_ON_FIRST_SIGHT");
      assertEquals(303, launchInto(rapport, rotating, "client-rot").statusCode());
      int fetches = rotating.jwksRequests();
      rotating.rotate("tp-key-2");
      HttpResponse<String> afterRotation = launchInto(rapport, rotating, "client-rot");
      assertEquals(303, afterRotation.statusCode(), afterRotation.body());
      assertEquals(fetches + 1, rotating.jwksRequests(), "exactly one refetch for the new kid");
      assertEquals(303, launchInto(rapport, rotating, "client-rot").statusCode());
      assertEquals(fetches + 1, rotating.jwksRequests(), "the new key is cached");
      assertTrue(usage(rapport, id).contains("\"learners\":1"), usage(rapport, id));
    }
  }

  @Test
  void twoClientIdsOfOneIssuerAreSeparateTenants() throws Exception {
    RapportClient rapport = rapport();
    try (LtiTestPlatform canvasLike = LtiTestPlatform.start()) {
      long first =
          register(rapport, canvasLike, "Customer one", "10000000000001", "ACCEPT_ON_FIRST_SIGHT");
      long second =
          register(rapport, canvasLike, "Customer two", "10000000000002", "ACCEPT_ON_FIRST_SIGHT");
      HttpResponse<String> one = launchInto(rapport, canvasLike, "10000000000001");
      HttpResponse<String> two = launchInto(rapport, canvasLike, "10000000000002");
      assertEquals(303, one.statusCode(), one.body());
      assertEquals(303, two.statusCode(), two.body());
      assertTrue(usage(rapport, first).contains("\"learners\":1"), usage(rapport, first));
      assertTrue(usage(rapport, second).contains("\"learners\":1"), usage(rapport, second));
      // The token names only a session; its server-side row says which tenant it belongs to.
      assertEquals(first, sessionRegistration(one), sessionClaims(one));
      assertEquals(second, sessionRegistration(two), sessionClaims(two));
    }
  }

  @Test
  void dynamicRegistrationCreatesAWorkingRegistration() throws Exception {
    RapportClient rapport = rapport();
    try (LtiTestPlatform moodleLike = LtiTestPlatform.start()) {
      HttpResponse<String> admin =
          rapport.get("/admin", "Authorization", rapport.adminAuthorization());
      assertEquals(200, admin.statusCode());
      for (String lms :
          List.of("setup-canvas", "setup-moodle", "setup-blackboard", "setup-d2l", "setup-sakai")) {
        assertTrue(admin.body().contains("id=\"" + lms + "\""), lms);
      }
      assertTrue(admin.body().contains("oidc_initiation_url"), "Canvas developer key JSON shown");
      assertTrue(admin.body().contains("New registration invite"), "invite form shown");
      RapportClient.AdminSession session = rapport.signIn("admin", RapportClient.ADMIN_PASSWORD);
      String registrationUrl = rapport.registrationInvite(session, 7, false);
      assertTrue(registrationUrl.startsWith("/lti/register?invite="), registrationUrl);
      String openid =
          "&openid_configuration=" + enc(moodleLike.issuer() + "/.well-known/openid-configuration");
      HttpResponse<String> refused = rapport.get("/lti/register?invite=wrong" + openid);
      assertEquals(403, refused.statusCode());
      HttpResponse<String> registered =
          rapport.get(registrationUrl + openid + "&registration_token=reg-token-1");
      assertEquals(200, registered.statusCode(), registered.body());
      assertTrue(registered.body().contains("dyn-client-1"), registered.body());
      assertEquals(1, moodleLike.registrationRequests().size());
      String request = moodleLike.registrationRequests().get(0);
      assertTrue(request.contains(rapport.base() + "/lti/login"), request);
      assertTrue(request.contains(rapport.base() + "/.well-known/jwks.json"), request);
      String list = rapport.adminGet("/api/admin/registrations").body();
      assertTrue(list.contains("dyn-client-1") && list.contains("dyn-deployment-1"), list);

      // The invite is used up: a second use is refused before the LMS is contacted again.
      HttpResponse<String> again =
          rapport.get(registrationUrl + openid + "&registration_token=reg-token-2");
      assertEquals(410, again.statusCode(), again.body());
      assertTrue(again.body().contains("already been used"), again.body());
      assertTrue(again.body().contains("new dynamic registration URL"), again.body());
      assertEquals(1, moodleLike.registrationRequests().size());

      // The registration waits for an administrator: sign-ins from the LMS are refused until then.
      long registration = registrationOf(moodleLike.issuer(), "dyn-client-1");
      assertTrue(registered.body().contains("<strong>disabled</strong>"), registered.body());
      assertEquals(403, loginStatus(rapport, moodleLike, "dyn-client-1"));
      assertEquals(
          200,
          rapport
              .adminPost("/api/admin/registrations/" + registration + "/enable", "")
              .statusCode());

      long invite =
          single("select id from registration_invite where registration_id = ?", registration);
      assertEquals(
          1,
          single(
              "select count(*) from audit_log where action = 'REGISTRATION_INVITE_CREATED'"
                  + " and detail like ?",
              "invite " + invite + ",%"));
      assertEquals(
          1,
          single(
              "select count(*) from audit_log where action = 'REGISTRATION_INVITE_USED'"
                  + " and registration_id = ?",
              registration));
      assertEquals(
          1,
          single(
              "select count(*) from audit_log where action = 'REGISTRATION_INVITE_REFUSED'"
                  + " and detail = ?",
              "invite " + invite + " refused: used"));

      Login login = login(rapport, moodleLike, "dyn-client-1");
      JWTClaimsSet claims =
          moodleLike
              .launchClaims("dyn-client-1", "dyn-user", login.nonce(), rapport.base() + "/app")
              .claim(LtiClaims.DEPLOYMENT_ID, "dyn-deployment-1")
              .build();
      HttpResponse<String> launched =
          launch(rapport, moodleLike.sign(claims), login.state(), login.cookie());
      assertEquals(303, launched.statusCode(), launched.body());
    }
  }

  @Test
  void anInviteMadeToEnableOnArrivalGivesAWorkingRegistrationAndRevokedInvitesAreRefused()
      throws Exception {
    RapportClient rapport = rapport();
    RapportClient.AdminSession session = rapport.signIn("admin", RapportClient.ADMIN_PASSWORD);
    try (LtiTestPlatform lms = LtiTestPlatform.start()) {
      String openid =
          "&openid_configuration=" + enc(lms.issuer() + "/.well-known/openid-configuration");
      String revokedUrl = rapport.registrationInvite(session, 1, true);
      long revokedId = single("select max(id) from registration_invite");
      HttpResponse<String> revoke =
          rapport.postForm(
              "/admin/registration-invites/" + revokedId + "/revoke",
              "csrf=" + session.csrf(),
              "Origin",
              rapport.origin(),
              "Cookie",
              session.cookie());
      assertEquals(200, revoke.statusCode(), revoke.body());
      HttpResponse<String> refused = rapport.get(revokedUrl + openid + "&registration_token=t0");
      assertEquals(410, refused.statusCode(), refused.body());
      assertTrue(refused.body().contains("revoked"), refused.body());
      assertEquals(0, lms.registrationRequests().size());
      assertEquals(
          1,
          single(
              "select count(*) from audit_log where action = 'REGISTRATION_INVITE_REVOKED'"
                  + " and detail = ?",
              "invite " + revokedId + " revoked"));

      String url = rapport.registrationInvite(session, 30, true);
      // The LMS refuses a wrong registration token: the invite is given back, not used up.
      HttpResponse<String> failed = rapport.get(url + openid + "&registration_token=wrong-token");
      assertEquals(400, failed.statusCode(), failed.body());
      HttpResponse<String> registered =
          rapport.get(url + openid + "&registration_token=reg-token-1");
      assertEquals(200, registered.statusCode(), registered.body());
      long registration = registrationOf(lms.issuer(), "dyn-client-1");
      assertEquals(
          1,
          single(
              "select count(*) from registration where id = ? and enabled = true", registration));
      Login login = login(rapport, lms, "dyn-client-1");
      JWTClaimsSet claims =
          lms.launchClaims("dyn-client-1", "dyn-user-2", login.nonce(), rapport.base() + "/app")
              .claim(LtiClaims.DEPLOYMENT_ID, "dyn-deployment-1")
              .build();
      HttpResponse<String> launched =
          launch(rapport, lms.sign(claims), login.state(), login.cookie());
      assertEquals(303, launched.statusCode(), launched.body());
    }
  }

  private static int loginStatus(RapportClient rapport, LtiTestPlatform p, String clientId) {
    return rapport
        .get(
            "/lti/login?iss="
                + enc(p.issuer())
                + "&login_hint=user-1&target_link_uri="
                + enc(rapport.base() + "/app")
                + "&client_id="
                + clientId)
        .statusCode();
  }

  private static long registrationOf(String issuer, String clientId) throws Exception {
    try (java.sql.Connection c = org.rapport.lti.testdata.ItDatabase.connect();
        java.sql.PreparedStatement ps =
            c.prepareStatement("select id from registration where issuer = ? and client_id = ?")) {
      ps.setString(1, issuer);
      ps.setString(2, clientId);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), "no registration for " + issuer);
        return rs.getLong(1);
      }
    }
  }

  private static long single(String sql, Object... parameters) throws Exception {
    try (java.sql.Connection c = org.rapport.lti.testdata.ItDatabase.connect();
        java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), sql);
        return rs.getLong(1);
      }
    }
  }

  @Test
  void toolJwksPublishesKidAlgAndUseButNoPrivatePart() {
    HttpResponse<String> jwks = rapport().get("/.well-known/jwks.json");
    assertEquals(200, jwks.statusCode());
    assertTrue(
        jwks.body().contains("\"kid\"")
            && jwks.body().contains("\"alg\":\"RS256\"")
            && jwks.body().contains("\"use\":\"sig\""),
        jwks.body());
    assertFalse(jwks.body().contains("\"d\""), "no private exponent");
    assertFalse(jwks.body().contains("\"p\""), "no private prime");
  }

  private static HttpResponse<String> launchInto(
      RapportClient rapport, LtiTestPlatform p, String client) {
    Login login = login(rapport, p, client);
    JWTClaimsSet claims =
        p.launchClaims(client, "same-subject", login.nonce(), rapport.base() + "/app").build();
    return launch(rapport, p.sign(claims), login.state(), login.cookie());
  }

  private static String sessionClaims(HttpResponse<String> launched) {
    String location = launched.headers().firstValue("Location").orElseThrow();
    String token = location.substring(location.indexOf("s=") + 2);
    return new String(
        java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
  }

  /** The registration of the server-side session the launch's token points to. */
  private static long sessionRegistration(HttpResponse<String> launched) throws Exception {
    Matcher sid = Pattern.compile("\"sid\"\\s*:\\s*\"(\\d+)\"").matcher(sessionClaims(launched));
    assertTrue(sid.find(), sessionClaims(launched));
    try (java.sql.Connection c = org.rapport.lti.testdata.ItDatabase.connect();
        java.sql.PreparedStatement ps =
            c.prepareStatement("select registration_id from tool_session where id = ?")) {
      ps.setLong(1, Long.parseLong(sid.group(1)));
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), "a session row for " + sid.group(1));
        return rs.getLong(1);
      }
    }
  }

  private static String usage(RapportClient rapport, long registration) {
    HttpResponse<String> usage =
        rapport.adminGet("/api/admin/registrations/" + registration + "/usage");
    assertEquals(200, usage.statusCode(), usage.body());
    return usage.body().replace(" ", "");
  }

  private static String hs256(JWTClaimsSet claims, byte[] key) throws JOSEException {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(platform.signingKey().getKeyID())
                .build(),
            claims);
    byte[] padded = key.length >= 32 ? key : java.util.Arrays.copyOf(key, 32);
    jwt.sign(new MACSigner(padded));
    return jwt.serialize();
  }

  private static String field(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
    assertTrue(m.find(), name + " in " + html);
    return m.group(1);
  }

  private static String escaped(String sentence) {
    return sentence
        .replace("&", "&amp;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("=", "&#61;")
        .replace("`", "&#96;");
  }

  private static String excerpt(String body) {
    return body.length() > 400 ? body.substring(0, 400) : body;
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
