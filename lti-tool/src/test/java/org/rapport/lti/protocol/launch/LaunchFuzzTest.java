package org.rapport.lti.protocol.launch;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rapport.lti.protocol.LaunchRejected;
import org.rapport.lti.protocol.ToolOrigin;
import org.rapport.lti.protocol.claims.LtiClaims;
import org.rapport.lti.protocol.deeplinking.DeepLinkingRequest;
import org.rapport.lti.protocol.keys.RemotePlatformKeys;
import org.rapport.lti.protocol.oidc.LoginFlow;
import org.rapport.lti.protocol.oidc.LoginInitiation;
import org.rapport.lti.protocol.outbound.OutboundHttp;
import org.rapport.lti.protocol.outbound.OutboundPolicy;
import org.rapport.lti.protocol.registration.DeploymentPolicy;
import org.rapport.lti.protocol.registration.DynamicRegistration;
import org.rapport.lti.protocol.registration.DynamicRegistrationFailed;
import org.rapport.lti.protocol.registration.PlatformConfiguration;
import org.rapport.lti.protocol.registration.Registration;
import org.rapport.lti.protocol.registration.RegistrationId;
import org.rapport.lti.protocol.registration.ToolDescription;
import org.rapport.lti.protocol.testdata.InMemoryDeploymentStore;
import org.rapport.lti.protocol.testdata.InMemoryNonceStore;
import org.rapport.lti.protocol.testdata.InMemoryRegistrationStore;
import org.rapport.lti.testdata.ExampleLaunch;
import org.rapport.lti.testdata.LtiTestPlatform;
import org.rapport.lti.testdata.TestKeys;

/**
 * Generated hostile id_tokens and login requests against the launch pipeline, in process: junk and
 * bad base64, claims of the wrong type, huge and deeply nested values, unicode, duplicated claims,
 * truncated tokens, tokens re-signed with other keys or algorithms, keys of another registration,
 * and platform key sets that are malformed or huge. Every id_token must be refused with a {@link
 * LaunchRejected} (what the launch endpoint turns into a 4xx page); any other exception would be a
 * 5xx. A control launch, unmutated, is accepted, so the harness would notice an accepted token.
 *
 * <p>The same for the two other doors a platform opens: deep-linking requests (signed by the
 * platform's own key, with hostile {@code deep_linking_settings}) must be refused by the launch
 * pipeline, and dynamic registration must refuse hostile OpenID configurations and registration
 * answers served by a platform on loopback with {@link DynamicRegistrationFailed} (the registration
 * page's 4xx), never another exception. Each door's cases, acceptances and would-be 5xx answers are
 * counted and printed.
 */
class LaunchFuzzTest {
  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
  private static final String STATE = "state-bound-to-browser";
  private static final int MUTATIONS = 12;
  private static final int ID_TOKEN_CASES = 9000;
  private static final int LOGIN_CASES = 2000;
  private static final int DEEP_LINKING_MUTATIONS = 11;
  private static final int DEEP_LINKING_CASES = 1100;
  private static final int REGISTRATION_MUTATIONS = 11;
  private static final int REGISTRATION_CASES = 1100;

  /**
   * Each run tries new cases; {@code -Dfuzz.seed=…} repeats a run (a failure names its case's seed,
   * and that seed alone reproduces it).
   */
  private static final long RUN_SEED = Long.getLong("fuzz.seed", System.nanoTime());

  private static LtiTestPlatform platform;
  private static final String HOSTILE_JWKS = "/hostile/jwks";
  private static final AtomicInteger nonces = new AtomicInteger();
  private static final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
  private static final LongAdder tokens = new LongAdder();
  private static final LongAdder logins = new LongAdder();

  /** Per door (deep linking, dynamic registration): cases tried, accepted, would-be 5xx. */
  private static final Map<String, LongAdder[]> doors = new ConcurrentHashMap<>();

  /** What the hostile platform answers at a path. */
  private record PlatformAnswer(int status, String body) {}

  private static final ToolDescription RAPPORT =
      new ToolDescription(
          "Rapport",
          URI.create("https://rapport.example.edu/lti/login"),
          URI.create("https://rapport.example.edu/lti/launch"),
          URI.create("https://rapport.example.edu/lti/launch"),
          URI.create("https://rapport.example.edu/lti/deep-link"),
          URI.create("https://rapport.example.edu/.well-known/jwks.json"),
          null,
          null,
          null,
          List.of());
  private static RSAKey rogueWithSameKid;
  private static ECKey ecKey;
  private static RemotePlatformKeys keys;
  private static InMemoryNonceStore nonceStore;
  private static InMemoryDeploymentStore deployments;

  @BeforeAll
  static void start() throws Exception {
    platform = LtiTestPlatform.startWith(TestKeys.KEY_1);
    rogueWithSameKid = TestKeys.fresh(TestKeys.KEY_1.getKeyID());
    ecKey = new ECKeyGenerator(Curve.P_256).keyID(TestKeys.KEY_1.getKeyID()).generate();
    keys =
        new RemotePlatformKeys(
            new OutboundHttp(OutboundPolicy.development()),
            Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofSeconds(5),
            RemotePlatformKeys.DEFAULT_MIN_REFETCH_INTERVAL,
            RemotePlatformKeys.DEFAULT_TTL);
    nonceStore = new InMemoryNonceStore();
    deployments = new InMemoryDeploymentStore();
    deployments.add(new RegistrationId(1), ExampleLaunch.DEPLOYMENT_ID);
    // The same test LMS is the hostile platform: its key set and configuration are scripted.
    platform.answer(HOSTILE_JWKS, LaunchFuzzTest::hostileJwksAnswer);
    // The control: an unmutated launch through the same harness is accepted.
    String nonce = freshNonce();
    validator(ExampleLaunch.registration(platform, 1, DeploymentPolicy.REJECT_UNKNOWN, true))
        .validate(
            ExampleLaunch.sign(ExampleLaunch.resourceLinkClaims(NOW, nonce).build()), STATE, STATE);
    // The controls of the other doors: a deep-linking request and a registration, unmutated.
    DeepLinkingRequest.of(
        validator(ExampleLaunch.registration(platform, 1, DeploymentPolicy.REJECT_UNKNOWN, true))
            .validate(
                ExampleLaunch.sign(ExampleLaunch.deepLinkingClaims(NOW, freshNonce()).build()),
                STATE,
                STATE));
    String control = "/control";
    script(control + "/openid-configuration", json(200, platformConfiguration(control)));
    script(control + "/register", json(201, Map.of("client_id", "from-platform")));
    DynamicRegistration registration = new DynamicRegistration(Duration.ofSeconds(5));
    OutboundHttp http = new OutboundHttp(OutboundPolicy.development());
    PlatformConfiguration configuration =
        registration.fetchConfiguration(platformUri(control + "/openid-configuration"), http);
    registration.register(
        configuration, registration.toolRegistrationRequest(RAPPORT), "token", http);
  }

  @AfterAll
  static void stop() {
    platform.close();
    new TreeMap<>(doors)
        .forEach(
            (door, counts) ->
                System.out.println(
                    "Fuzzing "
                        + door
                        + " (run seed "
                        + RUN_SEED
                        + "): tried "
                        + counts[0].sum()
                        + ", accepted "
                        + counts[1].sum()
                        + ", 5xx "
                        + counts[2].sum()));
    System.out.println(
        "Launch fuzzing (run seed "
            + RUN_SEED
            + "): "
            + tokens.sum()
            + " id_tokens, "
            + logins.sum()
            + " login requests; outcomes "
            + new TreeMap<>(outcomes));
  }

  private static LaunchValidator validator(Registration registration) {
    return new LaunchValidator(
        new InMemoryRegistrationStore(registration),
        deployments,
        nonceStore,
        keys,
        Clock.fixed(NOW, ZoneOffset.UTC),
        Duration.ofSeconds(60),
        new ToolOrigin(ExampleLaunch.TOOL_BASE));
  }

  private static String freshNonce() {
    String nonce = "nonce-" + nonces.incrementAndGet();
    nonceStore.issue(nonce, NOW.plus(Duration.ofMinutes(5)));
    return nonce;
  }

  @Test
  void noGeneratedIdTokenIsAccepted() {
    Random seeds = new Random(RUN_SEED);
    for (int i = 0; i < ID_TOKEN_CASES; i++) {
      int mutation = i % MUTATIONS;
      long seed = seeds.nextLong();
      try {
        tryIdToken(mutation, seed);
      } catch (AssertionError e) {
        throw new AssertionError(
            "case " + i + " (mutation " + mutation + ", seed " + seed + "): " + e.getMessage(), e);
      }
    }
  }

  private void tryIdToken(int mutation, long seed) {
    Random random = new Random(seed);
    Registration registration =
        ExampleLaunch.registration(platform, 1, DeploymentPolicy.REJECT_UNKNOWN, true);
    String nonce = freshNonce();
    String token;
    String kind;
    switch (mutation) {
      case 0 -> {
        kind = "junk";
        token = junk(random, random.nextInt(3) == 0 ? 70_000 : 300);
      }
      case 1 -> {
        kind = "bad base64";
        token = junk(random, 40) + "." + junk(random, 200) + "." + junk(random, 60);
      }
      case 2 -> {
        kind = "wrong claim type";
        token = signed(wrongType(random, nonce));
      }
      case 3 -> {
        kind = "huge or deeply nested value";
        token = signedRaw(hugeOrNested(random, nonce));
      }
      case 4 -> {
        kind = "unicode in a checked claim";
        token = signed(unicodeClaim(random, nonce));
      }
      case 5 -> {
        kind = "duplicated claim";
        token = signedRaw(duplicated(random, nonce));
      }
      case 6 -> {
        kind = "truncated";
        String valid = ExampleLaunch.sign(claims(nonce).build());
        token = valid.substring(0, random.nextInt(valid.length() - 1));
      }
      case 7 -> {
        kind = "re-signed";
        token = resigned(random, claims(nonce).build());
      }
      case 8 -> {
        kind = "key of another registration";
        token = TestKeys.sign(claims(nonce).build(), TestKeys.KEY_2);
      }
      case 9 -> {
        kind = "payload swapped under a valid signature";
        String valid = ExampleLaunch.sign(claims(nonce).build());
        String[] parts = valid.split("\\.");
        JWTClaimsSet forged = claims(nonce).subject("someone-else-" + random.nextInt()).build();
        token =
            parts[0]
                + "."
                + Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(forged.toString().getBytes(StandardCharsets.UTF_8))
                + "."
                + parts[2];
      }
      case 10 -> {
        kind = "malformed or huge key set";
        registration =
            ExampleLaunch.registration(
                URI.create(
                    platform.uri(HOSTILE_JWKS)
                        + "?variant="
                        + random.nextInt(6)
                        + "&n="
                        + nonces.get()),
                1,
                DeploymentPolicy.REJECT_UNKNOWN,
                true);
        token = ExampleLaunch.sign(claims(nonce).build());
      }
      default -> {
        kind = "replayed nonce";
        String used = "nonce-used-" + seed;
        nonceStore.issue(used, NOW.plus(Duration.ofMinutes(5)));
        String valid = ExampleLaunch.sign(claims(used).build());
        try {
          validator(registration).validate(valid, STATE, STATE);
        } catch (LaunchRejected e) {
          throw new AssertionError("the first use of a fresh nonce was refused: " + e.getMessage());
        }
        token = valid;
      }
    }
    tokens.increment();
    String outcome;
    try {
      validator(registration).validate(token, STATE, STATE);
      outcome = "ACCEPTED";
    } catch (LaunchRejected e) {
      outcome = e.failure().name();
    } catch (RuntimeException | StackOverflowError e) {
      outcome = "ERROR " + e.getClass().getSimpleName();
      count(kind, outcome);
      throw new AssertionError(kind + ": would be a 5xx: " + e, e);
    }
    count(kind, outcome);
    if (outcome.equals("ACCEPTED")) {
      throw new AssertionError(kind + ": a hostile id_token was accepted: " + token);
    }
  }

  @Test
  void noGeneratedLoginRequestFailsUnexpectedly() {
    Random seeds = new Random(RUN_SEED + 1);
    for (int i = 0; i < LOGIN_CASES; i++) {
      long seed = seeds.nextLong();
      try {
        tryLogin(seed);
      } catch (AssertionError e) {
        throw new AssertionError("login case " + i + " (seed " + seed + "): " + e.getMessage(), e);
      }
    }
  }

  private void tryLogin(long seed) {
    Random random = new Random(seed);
    Map<String, String> params = new HashMap<>();
    List<String> names =
        List.of(
            "iss",
            "login_hint",
            "target_link_uri",
            "client_id",
            "lti_message_hint",
            "lti_deployment_id",
            "lti_storage_target",
            junk(random, 10));
    for (String name : names) {
      switch (random.nextInt(5)) {
        case 0 -> {}
        case 1 -> params.put(name, junk(random, random.nextInt(2000)));
        case 2 -> params.put(name, "");
        default ->
            params.put(
                name,
                switch (name) {
                  case "iss" -> ExampleLaunch.ISSUER;
                  case "client_id" -> ExampleLaunch.CLIENT_ID;
                  case "target_link_uri" ->
                      random.nextBoolean()
                          ? ExampleLaunch.TARGET_LINK_URI.toString()
                          : "javascript:alert(1)//" + junk(random, 5);
                  default -> junk(random, 40);
                });
      }
    }
    logins.increment();
    String outcome;
    try {
      new LoginFlow(
              new InMemoryRegistrationStore(
                  ExampleLaunch.registration(platform, 1, DeploymentPolicy.REJECT_UNKNOWN, true)),
              URI.create("https://rapport.example.edu/lti/launch"),
              new ToolOrigin(ExampleLaunch.TOOL_BASE))
          .start(LoginInitiation.from(params), new SecureRandom());
      outcome = "login redirected";
    } catch (LaunchRejected e) {
      outcome = "login " + e.failure().name();
    } catch (RuntimeException | StackOverflowError e) {
      count("login", "ERROR " + e.getClass().getSimpleName());
      throw new AssertionError("login would be a 5xx: " + e, e);
    }
    count("login", outcome);
  }

  @Test
  void noGeneratedDeepLinkingRequestIsAccepted() {
    Random seeds = new Random(RUN_SEED + 2);
    for (int i = 0; i < DEEP_LINKING_CASES; i++) {
      int mutation = i % DEEP_LINKING_MUTATIONS;
      long seed = seeds.nextLong();
      try {
        tryDeepLinking(mutation, seed);
      } catch (AssertionError e) {
        throw new AssertionError(
            "deep-linking case "
                + i
                + " (mutation "
                + mutation
                + ", seed "
                + seed
                + "): "
                + e.getMessage(),
            e);
      }
    }
  }

  private void tryDeepLinking(int mutation, long seed) {
    Random random = new Random(seed);
    String nonce = freshNonce();
    Map<String, Object> settings = new LinkedHashMap<>(deepLinkingSettings());
    Object claim = settings;
    RSAKey key = TestKeys.KEY_1;
    String raw = null;
    String kind;
    switch (mutation) {
      case 0 -> {
        kind = "settings not an object";
        claim =
            pick(
                random,
                "https://platform.example.edu/deep_links",
                List.of(junk(random, 20)),
                random.nextInt(),
                true);
      }
      case 1 -> {
        kind = "settings missing";
        claim = null;
      }
      case 2 -> {
        kind = "return URL missing";
        settings.remove("deep_link_return_url");
      }
      case 3 -> {
        kind = "return URL not an http(s) URL";
        settings.put(
            "deep_link_return_url",
            pick(
                random,
                "javascript:alert(document.cookie)",
                "data:text/html,<script>alert(1)</script>",
                "file:///etc/passwd",
                "ftp://platform.example.edu/deep_links",
                "/deep_links",
                "https:///no-host",
                "\u202ehttps://platform.example.edu",
                "htt ps://" + junk(random, 12)));
      }
      case 4 -> {
        kind = "return URL of the wrong type";
        settings.put(
            "deep_link_return_url",
            pick(
                random,
                random.nextLong(),
                List.of("https://platform.example.edu/deep_links"),
                Map.of("href", "https://platform.example.edu/deep_links"),
                false));
      }
      case 5 -> {
        kind = "accept_types missing or of the wrong type";
        if (random.nextInt(4) == 0) {
          settings.remove("accept_types");
        } else {
          settings.put(
              "accept_types",
              pick(random, "ltiResourceLink", List.of(1, 2), Map.of("t", "link"), 7.5));
        }
      }
      case 6 -> {
        kind = "presentation targets of the wrong type";
        settings.put(
            "accept_presentation_document_targets",
            pick(random, "iframe", List.of(Map.of("a", 1)), 3, List.of(List.of("window"))));
      }
      case 7 -> {
        kind = "flag of the wrong type";
        settings.put(
            random.nextBoolean() ? "accept_multiple" : "accept_lineitem",
            pick(random, "yes", 1, List.of(true), Map.of("v", false), junk(random, 8)));
      }
      case 8 -> {
        kind = "signed with another registration's key";
        key = TestKeys.KEY_2;
        settings.put("data", junk(random, 2000));
      }
      case 9 -> {
        kind = "message type near deep linking";
        settings.put("data", junk(random, 40));
        raw =
            JSONObjectUtils.toJSONString(
                ExampleLaunch.deepLinkingClaims(NOW, nonce)
                    .claim(
                        LtiClaims.MESSAGE_TYPE,
                        pick(
                            random,
                            "LtiDeepLinkingRequest ",
                            "ltideeplinkingrequest",
                            "LtiDeepLinkingResponse",
                            "LtiDeepLinkingRequest\u0000",
                            junk(random, 25)))
                    .claim(LtiClaims.DEEP_LINKING_SETTINGS, settings)
                    .build()
                    .toJSONObject());
      }
      default -> {
        kind = "settings nested thousands deep";
        int depth = 1 + random.nextInt(20_000);
        String base =
            JSONObjectUtils.toJSONString(
                ExampleLaunch.deepLinkingClaims(NOW, nonce)
                    .claim(LtiClaims.DEEP_LINKING_SETTINGS, null)
                    .build()
                    .toJSONObject());
        raw =
            base.substring(0, base.length() - 1)
                + ",\""
                + LtiClaims.DEEP_LINKING_SETTINGS
                + "\":{\"accept_types\":[\"ltiResourceLink\"],\"deep_link_return_url\":"
                + "[".repeat(depth)
                + "]".repeat(depth)
                + "}}";
      }
    }
    String token;
    if (raw != null) {
      token = signedRaw(raw);
    } else {
      token =
          TestKeys.sign(
              ExampleLaunch.deepLinkingClaims(NOW, nonce)
                  .claim(LtiClaims.DEEP_LINKING_SETTINGS, claim)
                  .build(),
              key);
    }
    String door = "deep-linking requests";
    tried(door);
    String outcome;
    try {
      DeepLinkingRequest.of(
          validator(ExampleLaunch.registration(platform, 1, DeploymentPolicy.REJECT_UNKNOWN, true))
              .validate(token, STATE, STATE));
      outcome = "ACCEPTED";
    } catch (LaunchRejected e) {
      outcome = e.failure().name();
    } catch (RuntimeException | StackOverflowError e) {
      count("deep linking " + kind, "ERROR " + e.getClass().getSimpleName());
      doors.get(door)[2].increment();
      throw new AssertionError(kind + ": would be a 5xx: " + e, e);
    }
    count("deep linking " + kind, outcome);
    if (outcome.equals("ACCEPTED")) {
      doors.get(door)[1].increment();
      throw new AssertionError(kind + ": a hostile deep-linking request was accepted: " + token);
    }
  }

  @Test
  void noGeneratedPlatformConfigurationOrRegistrationAnswerIsAccepted() {
    Random seeds = new Random(RUN_SEED + 3);
    for (int i = 0; i < REGISTRATION_CASES; i++) {
      int mutation = i % REGISTRATION_MUTATIONS;
      long seed = seeds.nextLong();
      try {
        tryRegistration(i, mutation, seed);
      } catch (AssertionError e) {
        throw new AssertionError(
            "registration case "
                + i
                + " (mutation "
                + mutation
                + ", seed "
                + seed
                + "): "
                + e.getMessage(),
            e);
      }
    }
  }

  private void tryRegistration(int caseNumber, int mutation, long seed) {
    Random random = new Random(seed);
    String prefix = "/case-" + caseNumber;
    Map<String, Object> configuration = new LinkedHashMap<>(platformConfiguration(prefix));
    PlatformAnswer configAnswer = null;
    PlatformAnswer registerAnswer = json(201, Map.of("client_id", "from-platform"));
    List<String> required =
        List.of(
            "issuer",
            "authorization_endpoint",
            "token_endpoint",
            "jwks_uri",
            "registration_endpoint");
    String member = required.get(random.nextInt(required.size()));
    String kind;
    switch (mutation) {
      case 0 -> {
        kind = "configuration not JSON";
        configAnswer = text(200, junk(random, 1 + random.nextInt(500)));
      }
      case 1 -> {
        kind = "configuration not a JSON object";
        int depth = 1 + random.nextInt(20_000);
        configAnswer =
            text(
                200,
                pick(
                    random,
                    "[1,2,3]",
                    "42",
                    "\"issuer\"",
                    "null",
                    "[".repeat(depth) + "]".repeat(depth)));
      }
      case 2 -> {
        kind = "required member missing";
        configuration.remove(member);
      }
      case 3 -> {
        kind = "required member of the wrong type";
        configuration.put(
            member,
            pick(random, random.nextInt(), List.of("http://127.0.0.1/x"), Map.of(), true, " "));
      }
      case 4 -> {
        kind = "endpoint not a usable URL";
        String endpoint = required.get(1 + random.nextInt(required.size() - 1));
        configuration.put(
            endpoint,
            pick(
                random,
                "javascript:alert(1)",
                "file:///etc/passwd",
                "http://lms.example.edu/plain-http",
                "/relative/path",
                "https:///no-host",
                "gopher://127.0.0.1/x",
                junk(random, 30)));
      }
      case 5 -> {
        kind = "issuer on another site";
        int port = platform.uri("/").getPort();
        configuration.put(
            "issuer",
            pick(
                random,
                "http://127.0.0.1:" + (port == 1 ? 2 : 1),
                "https://127.0.0.1:" + port,
                "http://localhost:" + port,
                "https://platform.example.edu",
                "http://127.0.0.2:" + port));
      }
      case 6 -> {
        kind = "no RS256 among the signing algorithms";
        configuration.put(
            "id_token_signing_alg_values_supported",
            pick(
                random,
                List.of("HS256"),
                List.of("none"),
                List.of("ES256", "PS256"),
                List.of("rs256")));
      }
      case 7 -> {
        kind = "configuration too large";
        configuration.put("padding", "x".repeat(300_000 + random.nextInt(100_000)));
      }
      case 8 -> {
        kind = "configuration answered with an error status";
        configAnswer =
            json(
                pick(random, 400, 401, 403, 404, 410, 500, 502, 503),
                platformConfiguration(prefix));
      }
      case 9 -> {
        kind = "issuer given twice, the last on another site";
        String valid = JSONObjectUtils.toJSONString(configuration);
        configAnswer =
            text(
                200,
                valid.substring(0, valid.length() - 1) + ",\"issuer\":\"https://evil.example\"}");
      }
      default -> {
        kind = "hostile registration answer";
        registerAnswer =
            switch (random.nextInt(7)) {
              case 0 -> text(201, junk(random, 200));
              case 1 -> json(201, Map.of("client_name", "no client id"));
              case 2 ->
                  json(201, Map.of("client_id", pick(random, 42, List.of("a"), Map.of(), true)));
              case 3 ->
                  json(pick(random, 400, 401, 409, 500, 503), Map.of("error", junk(random, 50)));
              case 4 -> text(201, "x".repeat(300_000));
              case 5 -> text(200, "[" + "[".repeat(10_000) + "]".repeat(10_000) + "]");
              default -> json(201, Map.of("client_id", " "));
            };
      }
    }
    script(
        prefix + "/openid-configuration",
        configAnswer != null ? configAnswer : json(200, configuration));
    script(prefix + "/register", registerAnswer);
    String door = "dynamic registration";
    tried(door);
    DynamicRegistration registration = new DynamicRegistration(Duration.ofSeconds(5));
    OutboundHttp http = new OutboundHttp(OutboundPolicy.development());
    String outcome;
    try {
      PlatformConfiguration platformConfiguration =
          registration.fetchConfiguration(platformUri(prefix + "/openid-configuration"), http);
      registration.register(
          platformConfiguration, registration.toolRegistrationRequest(RAPPORT), "token", http);
      outcome = "ACCEPTED";
    } catch (DynamicRegistrationFailed e) {
      outcome = "refused";
    } catch (RuntimeException | StackOverflowError e) {
      count("registration " + kind, "ERROR " + e.getClass().getSimpleName());
      doors.get(door)[2].increment();
      throw new AssertionError(kind + ": would be a 5xx: " + e, e);
    } finally {
      platform.forget(prefix + "/openid-configuration");
      platform.forget(prefix + "/register");
    }
    count("registration " + kind, outcome);
    if (outcome.equals("ACCEPTED")) {
      doors.get(door)[1].increment();
      throw new AssertionError(kind + ": a hostile platform was registered");
    }
  }

  private static void tried(String door) {
    doors
        .computeIfAbsent(
            door, d -> new LongAdder[] {new LongAdder(), new LongAdder(), new LongAdder()})[0]
        .increment();
  }

  @SafeVarargs
  private static <T> T pick(Random random, T... choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static Map<String, Object> deepLinkingSettings() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("deep_link_return_url", "https://platform.example.edu/deep_links");
    settings.put("accept_types", List.of("ltiResourceLink"));
    settings.put("accept_presentation_document_targets", List.of("iframe", "window"));
    settings.put("accept_multiple", false);
    settings.put("accept_lineitem", true);
    return settings;
  }

  private static URI platformUri(String path) {
    return platform.uri(path);
  }

  /** A valid OpenID configuration of the hostile platform, its endpoints under {@code prefix}. */
  private static Map<String, Object> platformConfiguration(String prefix) {
    String origin = platform.issuer();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("issuer", origin);
    json.put("authorization_endpoint", origin + "/auth");
    json.put("token_endpoint", origin + "/token");
    json.put("jwks_uri", origin + "/jwks");
    json.put("registration_endpoint", origin + prefix + "/register");
    json.put("id_token_signing_alg_values_supported", List.of("RS256"));
    json.put("scopes_supported", List.of("openid"));
    json.put(
        DynamicRegistration.PLATFORM_CONFIGURATION,
        Map.of(
            "product_family_code",
            "fuzz",
            "messages_supported",
            List.of(Map.of("type", "LtiResourceLinkRequest"))));
    return json;
  }

  private static PlatformAnswer json(int status, Map<String, Object> body) {
    return text(status, JSONObjectUtils.toJSONString(body));
  }

  private static PlatformAnswer text(int status, String body) {
    return new PlatformAnswer(status, body);
  }

  /** The hostile platform answers {@code answer} at {@code path} until told to forget it. */
  private static void script(String path, PlatformAnswer answer) {
    platform.answer(path, answer.status(), "application/json", answer.body());
  }

  private static void count(String kind, String outcome) {
    outcomes.computeIfAbsent(kind + " -> " + outcome, k -> new LongAdder()).increment();
  }

  private static JWTClaimsSet.Builder claims(String nonce) {
    return ExampleLaunch.resourceLinkClaims(NOW, nonce);
  }

  private static String signed(JWTClaimsSet claims) {
    return ExampleLaunch.sign(claims);
  }

  /** Signs a payload given as JSON text, exactly as written (duplicates, nesting and all). */
  private static String signedRaw(String payloadJson) {
    try {
      JWSObject jws =
          new JWSObject(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(TestKeys.KEY_1.getKeyID()).build(),
              new Payload(payloadJson));
      jws.sign(new RSASSASigner(TestKeys.KEY_1));
      return jws.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final List<String> CHECKED_CLAIMS =
      List.of(
          "iss",
          "aud",
          "sub",
          "exp",
          "iat",
          "nonce",
          LtiClaims.MESSAGE_TYPE,
          LtiClaims.VERSION,
          LtiClaims.DEPLOYMENT_ID,
          LtiClaims.TARGET_LINK_URI,
          LtiClaims.RESOURCE_LINK,
          LtiClaims.ROLES);

  /** One checked claim replaced by a value of a type it can never have. */
  private static JWTClaimsSet wrongType(Random random, String nonce) {
    String claim = CHECKED_CLAIMS.get(random.nextInt(CHECKED_CLAIMS.size()));
    Object value;
    switch (claim) {
      case "exp", "iat" -> value = random.nextBoolean() ? "tomorrow" : List.of(1, 2);
      case LtiClaims.ROLES -> value = random.nextBoolean() ? Map.of("r", 1) : 42;
      case LtiClaims.RESOURCE_LINK -> value = random.nextBoolean() ? "link-7" : List.of("id");
      default ->
          value =
              switch (random.nextInt(4)) {
                case 0 -> random.nextInt();
                case 1 -> Map.of("nested", List.of(junk(random, 5)));
                case 2 -> true;
                default -> List.of(random.nextDouble());
              };
    }
    if (claim.equals("aud") && value instanceof List) {
      value = 3.5;
    }
    return claims(nonce).claim(claim, value).build();
  }

  /** A checked string claim replaced by unicode text that is not its value. */
  private static JWTClaimsSet unicodeClaim(Random random, String nonce) {
    List<String> strings =
        List.of(
            "iss",
            "aud",
            "nonce",
            LtiClaims.MESSAGE_TYPE,
            LtiClaims.VERSION,
            LtiClaims.DEPLOYMENT_ID,
            LtiClaims.TARGET_LINK_URI);
    String claim = strings.get(random.nextInt(strings.size()));
    return claims(nonce).claim(claim, "\u202e\u0000𝕏" + junk(random, 30)).build();
  }

  /** A payload whose {@code custom} claim is huge or nested thousands deep, or a huge claim. */
  private static String hugeOrNested(Random random, String nonce) {
    Map<String, Object> json = claims(nonce).build().toJSONObject();
    String base = JSONObjectUtils.toJSONString(json);
    int depth = 1 + random.nextInt(20_000);
    String nested = "[".repeat(depth) + "]".repeat(depth);
    String huge = "\"" + "x".repeat(40_000 + random.nextInt(40_000)) + "\"";
    String value =
        switch (random.nextInt(3)) {
          case 0 -> nested;
          case 1 -> huge;
          default -> "{\"a\":" + "{\"a\":".repeat(depth / 2) + "1" + "}".repeat(depth / 2) + "}";
        };
    // Also makes the token invalid when the value itself would pass: the nonce is not the one
    // issued for this launch when the nesting replaces it.
    String claim = random.nextBoolean() ? "nonce" : "iss";
    return base.substring(0, base.length() - 1) + ",\"" + claim + "\":" + value + "}";
  }

  /** A checked claim given twice, the last value wrong (RFC 7519 §4: the last one counts). */
  private static String duplicated(Random random, String nonce) {
    Map<String, Object> json = new LinkedHashMap<>(claims(nonce).build().toJSONObject());
    String base = JSONObjectUtils.toJSONString(json);
    List<String> claims = List.of("iss", "aud", "nonce", LtiClaims.DEPLOYMENT_ID);
    String claim = claims.get(random.nextInt(claims.size()));
    return base.substring(0, base.length() - 1)
        + ",\""
        + claim
        + "\":\"evil-"
        + random.nextInt(1000)
        + "\"}";
  }

  private static String resigned(Random random, JWTClaimsSet claims) {
    try {
      switch (random.nextInt(4)) {
        case 0 -> {
          return TestKeys.sign(claims, rogueWithSameKid);
        }
        case 1 -> {
          return new PlainJWT(claims).serialize();
        }
        case 2 -> {
          com.nimbusds.jwt.SignedJWT jwt =
              new com.nimbusds.jwt.SignedJWT(
                  new JWSHeader.Builder(JWSAlgorithm.HS256)
                      .keyID(TestKeys.KEY_1.getKeyID())
                      .build(),
                  claims);
          byte[] secret =
              TestKeys.KEY_1.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
          jwt.sign(new MACSigner(secret));
          return jwt.serialize();
        }
        default -> {
          com.nimbusds.jwt.SignedJWT jwt =
              new com.nimbusds.jwt.SignedJWT(
                  new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(ecKey.getKeyID()).build(),
                  claims);
          jwt.sign(new ECDSASigner(ecKey));
          return jwt.serialize();
        }
      }
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String junk(Random random, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int pick = random.nextInt(10);
      text.appendCodePoint(
          pick < 5
              ? 0x20 + random.nextInt(0x5f)
              : pick < 8 ? random.nextInt(0x3000) : 0x1F600 + random.nextInt(80));
    }
    return text.toString();
  }

  /** Key sets that are not JSON, not key sets, full of junk keys, or far too large. */
  private static void hostileJwksAnswer(com.sun.net.httpserver.HttpExchange exchange)
      throws IOException {
    String query = exchange.getRequestURI().getQuery();
    int variant =
        query == null ? 0 : Integer.parseInt(query.replaceAll(".*variant=(\\d+).*", "$1"));
    byte[] body =
        switch (variant) {
          case 0 -> "not json at all {".getBytes(StandardCharsets.UTF_8);
          case 1 -> "{\"keys\":\"not a list\"}".getBytes(StandardCharsets.UTF_8);
          case 2 ->
              "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"platform-key-1\",\"n\":\"%%%\",\"e\":7}]}"
                  .getBytes(StandardCharsets.UTF_8);
          case 3 -> ("[".repeat(30_000) + "]".repeat(30_000)).getBytes(StandardCharsets.UTF_8);
          case 4 -> new byte[0];
          default -> null;
        };
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    try (OutputStream out = exchange.getResponseBody()) {
      if (body != null) {
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        out.write(body);
      } else {
        // A huge key set streamed without end-of-length: the guard must stop at 64 KiB.
        exchange.sendResponseHeaders(200, 0);
        byte[] chunk =
            ("{\"keys\":[" + "{\"kty\":\"oct\",\"k\":\"AAAA\"},".repeat(200))
                .getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 200; i++) {
          out.write(chunk);
        }
      }
    } catch (IOException clientStoppedReading) {
      // what the guard does with a huge answer
    }
  }
}
