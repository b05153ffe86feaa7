package org.rapport.lti.protocol.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rapport.lti.protocol.LaunchFailure.*;
import static org.rapport.lti.testdata.ExampleLaunch.CLIENT_ID;
import static org.rapport.lti.testdata.ExampleLaunch.DEPLOYMENT_ID;
import static org.rapport.lti.testdata.ExampleLaunch.ISSUER;
import static org.rapport.lti.testdata.ExampleLaunch.ROLE;
import static org.rapport.lti.testdata.TestKeys.KEY_1;
import static org.rapport.lti.testdata.TestKeys.KEY_2;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.lti.protocol.LaunchFailure;
import org.rapport.lti.protocol.LaunchRejected;
import org.rapport.lti.protocol.ToolOrigin;
import org.rapport.lti.protocol.claims.LtiClaims;
import org.rapport.lti.protocol.claims.LtiRole;
import org.rapport.lti.protocol.keys.RemotePlatformKeys;
import org.rapport.lti.protocol.outbound.OutboundHttp;
import org.rapport.lti.protocol.outbound.OutboundPolicy;
import org.rapport.lti.protocol.registration.DeploymentPolicy;
import org.rapport.lti.protocol.registration.Registration;
import org.rapport.lti.protocol.registration.RegistrationId;
import org.rapport.lti.protocol.registration.RegistrationStore;
import org.rapport.lti.protocol.testdata.InMemoryDeploymentStore;
import org.rapport.lti.protocol.testdata.InMemoryNonceStore;
import org.rapport.lti.protocol.testdata.InMemoryRegistrationStore;
import org.rapport.lti.protocol.testdata.MutableClock;
import org.rapport.lti.testdata.ExampleLaunch;
import org.rapport.lti.testdata.LtiTestPlatform;
import org.rapport.lti.testdata.TestKeys;

/**
 * The launch pipeline against a test platform: one table row per invalid launch, named after what
 * is wrong, each asserting the exact {@link LaunchFailure} and whether the nonce was consumed.
 */
class LaunchValidatorTest {
  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
  private static final String NONCE = "nonce-issued-at-login";
  private static final String STATE = "state-bound-to-browser";
  private static final RegistrationId REGISTRATION = new RegistrationId(1);

  private Fixture f;

  @BeforeEach
  void startPlatform() {
    f = new Fixture(LtiTestPlatform.startWith(TestKeys.KEY_1));
  }

  @AfterEach
  void stopPlatform() {
    f.platform.close();
  }

  /** What the browser posts and holds. */
  record Launch(String idToken, String expectedState, String receivedState) {}

  /**
   * One invalid launch.
   *
   * @param consumesNonce whether the pipeline reaches {@link NonceStore#consume} before failing
   */
  record Case(
      String name,
      LaunchFailure expected,
      boolean consumesNonce,
      Function<Fixture, Launch> launch) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** The platform, the stores and the clock of one test; rows may change them before launching. */
  static final class Fixture {
    final LtiTestPlatform platform;
    RegistrationStore registrations;
    final InMemoryDeploymentStore deployments = new InMemoryDeploymentStore();
    final InMemoryNonceStore nonces = new InMemoryNonceStore();
    final MutableClock keysClock = new MutableClock(NOW);
    final RemotePlatformKeys keys =
        new RemotePlatformKeys(
            new OutboundHttp(OutboundPolicy.development()),
            keysClock,
            Duration.ofSeconds(5),
            RemotePlatformKeys.DEFAULT_MIN_REFETCH_INTERVAL,
            RemotePlatformKeys.DEFAULT_TTL);

    Fixture(LtiTestPlatform platform) {
      this.platform = platform;
      this.registrations =
          new InMemoryRegistrationStore(
              ExampleLaunch.registration(
                  platform, REGISTRATION.value(), DeploymentPolicy.REJECT_UNKNOWN, true));
      deployments.add(REGISTRATION, DEPLOYMENT_ID);
      nonces.issue(NONCE, NOW.plus(Duration.ofMinutes(5)));
    }

    LaunchValidator validator() {
      return new LaunchValidator(
          registrations,
          deployments,
          nonces,
          keys,
          Clock.fixed(NOW, java.time.ZoneOffset.UTC),
          Duration.ofSeconds(60),
          new ToolOrigin(ExampleLaunch.TOOL_BASE));
    }

    ValidatedLaunch validate(Launch launch) {
      return validator().validate(launch.idToken(), launch.expectedState(), launch.receivedState());
    }

    static JWTClaimsSet.Builder claims() {
      return ExampleLaunch.resourceLinkClaims(NOW, NONCE);
    }

    static Launch launch(String idToken) {
      return new Launch(idToken, STATE, STATE);
    }

    /** A valid resource-link launch changed by {@code change}, signed with the platform key. */
    static Launch launchWith(UnaryOperator<JWTClaimsSet.Builder> change) {
      return launch(ExampleLaunch.sign(change.apply(claims()).build()));
    }

    void useRegistration(Registration registration) {
      registrations = new InMemoryRegistrationStore(registration);
    }
  }

  private static Named<Case> before(
      String name, LaunchFailure expected, Function<Fixture, Launch> launch) {
    return Named.of(name, new Case(name, expected, false, launch));
  }

  private static Named<Case> afterNonce(
      String name, LaunchFailure expected, Function<Fixture, Launch> launch) {
    return Named.of(name, new Case(name, expected, true, launch));
  }

  static Stream<Named<Case>> invalidLaunches() {
    return Stream.of(
        // size and parsing
        before("no id_token posted", TOKEN_MISSING, f -> Fixture.launch("")),
        before(
            "oversized token (over 64 KiB, validly signed)",
            TOKEN_TOO_LARGE,
            f ->
                Fixture.launchWith(
                    b -> b.claim(LtiClaims.CUSTOM, Map.of("blob", "x".repeat(70_000))))),
        before("not a JWT", TOKEN_MALFORMED, f -> Fixture.launch("this is not a jwt")),
        before("garbage base64", TOKEN_MALFORMED, f -> Fixture.launch("@@@.###.$$$")),
        before(
            "sub is a number (found by LaunchFuzzTest)",
            CLAIM_INVALID,
            f -> Fixture.launchWith(b -> b.claim("sub", 1261890688))),
        before(
            "payload is not JSON",
            TOKEN_MALFORMED,
            f ->
                Fixture.launch(
                    withPayload(ExampleLaunch.sign(Fixture.claims().build()), "not json"))),
        // header algorithm
        before(
            "alg none",
            ALGORITHM_NOT_ALLOWED,
            f -> Fixture.launch(new PlainJWT(Fixture.claims().build()).serialize())),
        before(
            "HS256 with a random secret",
            ALGORITHM_NOT_ALLOWED,
            f -> Fixture.launch(hmac(Fixture.claims().build(), randomBytes(32)))),
        before(
            "HS256 keyed with the platform's public key bytes",
            ALGORITHM_NOT_ALLOWED,
            f -> Fixture.launch(hmac(Fixture.claims().build(), publicKeyBytes(KEY_1)))),
        before(
            "ES256 with a key the JWKS lacks",
            ALGORITHM_NOT_ALLOWED,
            f -> Fixture.launch(es256(Fixture.claims().build()))),
        before(
            "RS512 with the platform's key",
            ALGORITHM_NOT_ALLOWED,
            f -> Fixture.launch(rsa(JWSAlgorithm.RS512, KEY_1, KEY_1.getKeyID()))),
        // issuer and registration
        before("iss missing", ISSUER_MISSING, f -> Fixture.launchWith(b -> b.issuer(null))),
        before(
            "iss unknown",
            ISSUER_UNKNOWN,
            f -> Fixture.launchWith(b -> b.issuer("https://other-platform.example"))),
        before(
            "iss differs from the registered issuer (store ignores a trailing slash)",
            ISSUER_MISMATCH,
            f -> {
              f.registrations = new TrailingSlashTolerantStore(f.registrations);
              return Fixture.launchWith(b -> b.issuer(ISSUER + "/"));
            }),
        before(
            "aud missing",
            AUDIENCE_MISSING,
            f -> Fixture.launchWith(b -> b.audience((String) null))),
        before(
            "aud is not our client_id",
            CLIENT_ID_UNKNOWN,
            f -> Fixture.launchWith(b -> b.audience("someone-elses-client"))),
        before(
            "registration disabled",
            REGISTRATION_DISABLED,
            f -> {
              f.useRegistration(
                  ExampleLaunch.registration(
                      f.platform, REGISTRATION.value(), DeploymentPolicy.REJECT_UNKNOWN, false));
              return Fixture.launchWith(b -> b);
            }),
        // signature
        before(
            "kid missing",
            KEY_ID_MISSING,
            f -> Fixture.launch(rsa(JWSAlgorithm.RS256, KEY_1, null))),
        before(
            "kid unknown, still unknown after refetch",
            KEY_UNKNOWN,
            f -> Fixture.launch(TestKeys.sign(Fixture.claims().build(), KEY_2))),
        before(
            "signed by another key under the platform's kid",
            SIGNATURE_INVALID,
            f -> Fixture.launch(rsa(JWSAlgorithm.RS256, KEY_2, KEY_1.getKeyID()))),
        before(
            "payload altered after signing",
            SIGNATURE_INVALID,
            f ->
                Fixture.launch(
                    withPayload(
                        ExampleLaunch.sign(Fixture.claims().build()),
                        Fixture.claims().subject("admin").build().toString()))),
        before(
            "JWKS unreachable",
            KEYS_UNAVAILABLE,
            f -> {
              f.useRegistration(
                  ExampleLaunch.registration(
                      URI.create("http://127.0.0.1:1/jwks"),
                      1,
                      DeploymentPolicy.REJECT_UNKNOWN,
                      true));
              return Fixture.launchWith(b -> b);
            }),
        // standard claims
        before(
            "several aud without azp",
            AZP_MISSING,
            f -> Fixture.launchWith(b -> b.audience(List.of(CLIENT_ID, "other-client")))),
        before(
            "several aud with a wrong azp",
            AZP_MISMATCH,
            f ->
                Fixture.launchWith(
                    b ->
                        b.audience(List.of(CLIENT_ID, "other-client"))
                            .claim("azp", "other-client"))),
        before(
            "single aud with a wrong azp",
            AZP_MISMATCH,
            f -> Fixture.launchWith(b -> b.claim("azp", "other-client"))),
        before(
            "exp past beyond the skew",
            TOKEN_EXPIRED,
            f -> Fixture.launchWith(b -> b.expirationTime(Date.from(NOW.minusSeconds(61))))),
        before(
            "exp missing",
            EXPIRATION_MISSING,
            f -> Fixture.launchWith(b -> b.expirationTime(null))),
        before(
            "iat in the future beyond the skew",
            ISSUED_IN_FUTURE,
            f -> Fixture.launchWith(b -> b.issueTime(Date.from(NOW.plusSeconds(61))))),
        before("iat missing", ISSUED_AT_MISSING, f -> Fixture.launchWith(b -> b.issueTime(null))),
        before(
            "nbf in the future beyond the skew",
            NOT_YET_VALID,
            f -> Fixture.launchWith(b -> b.notBeforeTime(Date.from(NOW.plusSeconds(61))))),
        // state
        before(
            "state not posted",
            STATE_MISSING,
            f -> new Launch(ExampleLaunch.sign(Fixture.claims().build()), STATE, null)),
        before(
            "state posted blank",
            STATE_MISSING,
            f -> new Launch(ExampleLaunch.sign(Fixture.claims().build()), STATE, " ")),
        before(
            "state not held by the browser (cookie blocked)",
            STATE_NOT_IN_BROWSER,
            f -> new Launch(ExampleLaunch.sign(Fixture.claims().build()), null, STATE)),
        before(
            "state mismatch",
            STATE_MISMATCH,
            f -> new Launch(ExampleLaunch.sign(Fixture.claims().build()), STATE, "another-state")),
        // nonce
        before(
            "nonce missing", NONCE_MISSING, f -> Fixture.launchWith(b -> b.claim("nonce", null))),
        afterNonce(
            "nonce replayed",
            NONCE_REPLAYED,
            f -> {
              f.nonces.consume(NONCE, NOW);
              return Fixture.launchWith(b -> b);
            }),
        afterNonce(
            "nonce unknown",
            NONCE_REPLAYED,
            f -> Fixture.launchWith(b -> b.claim("nonce", "never-issued"))),
        afterNonce(
            "nonce expired",
            NONCE_REPLAYED,
            f -> {
              f.nonces.issue("expired-nonce", NOW.minusSeconds(1));
              return Fixture.launchWith(b -> b.claim("nonce", "expired-nonce"));
            }),
        // LTI claims
        afterNonce(
            "version missing",
            VERSION_MISSING,
            f -> Fixture.launchWith(b -> b.claim(LtiClaims.VERSION, null))),
        afterNonce(
            "version 1.1",
            VERSION_UNSUPPORTED,
            f -> Fixture.launchWith(b -> b.claim(LtiClaims.VERSION, "1.1"))),
        afterNonce(
            "message_type missing",
            MESSAGE_TYPE_MISSING,
            f -> Fixture.launchWith(b -> b.claim(LtiClaims.MESSAGE_TYPE, null))),
        afterNonce(
            "message_type unsupported",
            MESSAGE_TYPE_UNSUPPORTED,
            f ->
                Fixture.launchWith(
                    b -> b.claim(LtiClaims.MESSAGE_TYPE, "LtiSubmissionReviewRequest"))),
        afterNonce(
            "deployment_id missing",
            DEPLOYMENT_ID_MISSING,
            f -> Fixture.launchWith(b -> b.claim(LtiClaims.DEPLOYMENT_ID, null))),
        afterNonce(
            "unknown deployment under REJECT_UNKNOWN",
            DEPLOYMENT_UNKNOWN,
            f -> Fixture.launchWith(b -> b.claim(LtiClaims.DEPLOYMENT_ID, "deployment-2"))),
        afterNonce("sub missing", SUBJECT_MISSING, f -> Fixture.launchWith(b -> b.subject(null))),
        afterNonce("sub blank", SUBJECT_MISSING, f -> Fixture.launchWith(b -> b.subject(" "))),
        afterNonce(
            "roles claim missing",
            ROLES_MISSING,
            f -> Fixture.launchWith(b -> b.claim(LtiClaims.ROLES, null))),
        afterNonce(
            "roles not an array",
            CLAIM_INVALID,
            f -> Fixture.launchWith(b -> b.claim(LtiClaims.ROLES, ROLE + "Learner"))),
        afterNonce(
            "target_link_uri missing",
            TARGET_LINK_URI_MISSING,
            f -> Fixture.launchWith(b -> b.claim(LtiClaims.TARGET_LINK_URI, null))),
        afterNonce(
            "target_link_uri foreign",
            TARGET_LINK_URI_FOREIGN,
            f ->
                Fixture.launchWith(
                    b -> b.claim(LtiClaims.TARGET_LINK_URI, "https://evil.example/phish"))),
        afterNonce(
            "target_link_uri escaping the tool with ..",
            TARGET_LINK_URI_FOREIGN,
            f ->
                Fixture.launchWith(
                    b ->
                        b.claim(LtiClaims.TARGET_LINK_URI, "https://rapport.example.edu/../../x"))),
        afterNonce(
            "target_link_uri not a URL",
            TARGET_LINK_URI_INVALID,
            f -> Fixture.launchWith(b -> b.claim(LtiClaims.TARGET_LINK_URI, "not a url"))),
        afterNonce(
            "resource_link missing on LtiResourceLinkRequest",
            RESOURCE_LINK_ID_MISSING,
            f -> Fixture.launchWith(b -> b.claim(LtiClaims.RESOURCE_LINK, null))),
        afterNonce(
            "resource_link.id missing",
            RESOURCE_LINK_ID_MISSING,
            f ->
                Fixture.launchWith(
                    b -> b.claim(LtiClaims.RESOURCE_LINK, Map.of("title", "No id")))),
        afterNonce(
            "deep_linking_settings missing on LtiDeepLinkingRequest",
            DEEP_LINKING_SETTINGS_MISSING,
            f ->
                Fixture.launch(
                    ExampleLaunch.sign(
                        ExampleLaunch.deepLinkingClaims(NOW, NONCE)
                            .claim(LtiClaims.DEEP_LINKING_SETTINGS, null)
                            .build()))),
        afterNonce(
            "deep_link_return_url missing",
            DEEP_LINKING_SETTINGS_MISSING,
            f ->
                Fixture.launch(
                    ExampleLaunch.sign(
                        ExampleLaunch.deepLinkingClaims(NOW, NONCE)
                            .claim(
                                LtiClaims.DEEP_LINKING_SETTINGS,
                                Map.of("accept_types", List.of("ltiResourceLink")))
                            .build()))),
        afterNonce(
            "context without id",
            CLAIM_INVALID,
            f -> Fixture.launchWith(b -> b.claim(LtiClaims.CONTEXT, Map.of("title", "No id")))),
        afterNonce(
            "launch_presentation return_url with a javascript: scheme",
            CLAIM_INVALID,
            f ->
                Fixture.launchWith(
                    b ->
                        b.claim(
                            LtiClaims.LAUNCH_PRESENTATION,
                            Map.of("return_url", "javascript://x/%0Aalert(1)")))),
        afterNonce(
            "AGS line items URL not a URL",
            CLAIM_INVALID,
            f ->
                Fixture.launchWith(
                    b -> b.claim(LtiClaims.AGS_ENDPOINT, Map.of("lineitems", "::not a url")))),
        afterNonce(
            "AGS line items on a host that is not the platform's",
            SERVICE_URL_FOREIGN,
            f ->
                Fixture.launchWith(
                    b ->
                        b.claim(
                            LtiClaims.AGS_ENDPOINT,
                            Map.of("lineitems", "https://169.254.169.254/latest/meta-data")))),
        afterNonce(
            "NRPS memberships on another organisation's host",
            SERVICE_URL_FOREIGN,
            f ->
                Fixture.launchWith(
                    b ->
                        b.claim(
                            LtiClaims.NRPS,
                            Map.of(
                                "context_memberships_url",
                                "https://intranet.evil.example/members",
                                "service_versions",
                                List.of("2.0"))))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidLaunches")
  void rejectsInvalidLaunch(Case c) {
    Launch launch = c.launch().apply(f);
    int consumedBefore = f.nonces.consumeCalls();

    LaunchRejected rejected =
        assertThrows(
            LaunchRejected.class, () -> f.validate(launch), () -> c.name() + " was accepted");

    assertEquals(c.expected(), rejected.failure(), () -> c.name() + ": " + rejected.getMessage());
    assertEquals(
        c.consumesNonce() ? 1 : 0,
        f.nonces.consumeCalls() - consumedBefore,
        () -> c.name() + ": nonce store calls during the launch");
  }

  @Test
  void tableCoversEveryLaunchCheck() {
    // Login failures, and the platform-storage binding LaunchResource checks before the
    // validator runs (IdentityIT covers those).
    Set<LaunchFailure> loginOnly =
        Set.of(
            LOGIN_ISSUER_MISSING,
            LOGIN_HINT_MISSING,
            ISSUER_AMBIGUOUS,
            LaunchFailure.STORED_STATE_NOT_REQUESTED,
            LaunchFailure.STORED_STATE_FOREIGN_ORIGIN);
    Set<LaunchFailure> covered =
        invalidLaunches()
            .map(named -> named.getPayload().expected())
            .collect(java.util.stream.Collectors.toSet());
    for (LaunchFailure failure : LaunchFailure.values()) {
      if (!loginOnly.contains(failure)) {
        assertTrue(covered.contains(failure), "no invalid-launch row for " + failure);
      }
    }
  }

  @Test
  void acceptsValidResourceLinkLaunch() {
    ValidatedLaunch launch =
        f.validate(
            Fixture.launchWith(
                b ->
                    b.claim(LtiClaims.ROLES, List.of(ROLE + "Learner", ROLE + "Mentor"))
                        .claim(
                            LtiClaims.CUSTOM,
                            Map.of(
                                "module",
                                "breaking-bad-news",
                                "attempts",
                                3,
                                "options",
                                Map.of("mode", "practice")))
                        .claim(
                            LtiClaims.AGS_ENDPOINT,
                            Map.of(
                                "scope",
                                    List.of("https://purl.imsglobal.org/spec/lti-ags/scope/score"),
                                "lineitems", "https://platform.example.edu/course/1/lineitems",
                                "lineitem", "https://platform.example.edu/course/1/lineitems/9"))
                        .claim(
                            LtiClaims.NRPS,
                            Map.of(
                                "context_memberships_url",
                                "https://platform.example.edu/course/1/members",
                                "service_versions",
                                List.of("2.0")))
                        .claim(
                            LtiClaims.LAUNCH_PRESENTATION,
                            Map.of(
                                "document_target",
                                "iframe",
                                "return_url",
                                "https://platform.example.edu/course/1"))));

    assertEquals(REGISTRATION, launch.registration().id());
    assertEquals(DEPLOYMENT_ID, launch.deploymentId());
    assertEquals(MessageType.RESOURCE_LINK, launch.messageType());
    assertEquals("user-42", launch.subject());
    assertEquals(Set.of(LtiRole.STUDENT, LtiRole.MENTOR), launch.roles());
    assertEquals(Set.of(ROLE + "Learner", ROLE + "Mentor"), launch.roleUris());
    assertEquals("course-1", launch.context().orElseThrow().id());
    assertEquals(Optional.of("MED101"), launch.context().orElseThrow().label());
    assertEquals("link-7", launch.resourceLink().orElseThrow().id());
    assertEquals(ExampleLaunch.TARGET_LINK_URI, launch.targetLinkUri());
    assertEquals(
        Map.of(
            "module", "breaking-bad-news", "attempts", "3", "options", "{\"mode\":\"practice\"}"),
        launch.custom());
    assertEquals(Optional.of("Ada Lovelace"), launch.name());
    assertEquals(Optional.of("ada@example.edu"), launch.email());
    assertTrue(
        launch.ags().orElseThrow().allows("https://purl.imsglobal.org/spec/lti-ags/scope/score"));
    assertEquals(
        URI.create("https://platform.example.edu/course/1/lineitems/9"),
        launch.ags().orElseThrow().lineItem().orElseThrow());
    assertEquals(
        URI.create("https://platform.example.edu/course/1/members"),
        launch.nrps().orElseThrow().contextMembershipsUrl());
    assertEquals(Optional.of("iframe"), launch.presentation().orElseThrow().documentTarget());
    assertTrue(launch.deepLinking().isEmpty());
    assertEquals(1, f.nonces.consumeCalls());
    assertFalse(launch.toString().contains("ada@example.edu"), "toString leaks the email");
  }

  @Test
  void refusesARegistrationWhoseJwksIsOnLoopbackWhenLoopbackIsNotAllowed() {
    // rapport.outbound.allow-loopback=false: the test platform's JWKS at 127.0.0.1 must not be
    // fetched, and the launch log says why.
    RemotePlatformKeys guarded =
        new RemotePlatformKeys(
            new OutboundHttp(new OutboundPolicy(false, false)),
            f.keysClock,
            Duration.ofSeconds(5),
            RemotePlatformKeys.DEFAULT_MIN_REFETCH_INTERVAL,
            RemotePlatformKeys.DEFAULT_TTL);
    LaunchValidator validator =
        new LaunchValidator(
            f.registrations,
            f.deployments,
            f.nonces,
            guarded,
            Clock.fixed(NOW, java.time.ZoneOffset.UTC),
            Duration.ofSeconds(60),
            new ToolOrigin(ExampleLaunch.TOOL_BASE));
    Launch launch = Fixture.launch(ExampleLaunch.sign(Fixture.claims().build()));

    LaunchRejected rejected =
        assertThrows(
            LaunchRejected.class,
            () ->
                validator.validate(
                    launch.idToken(), launch.expectedState(), launch.receivedState()));

    assertEquals(KEYS_UNAVAILABLE, rejected.failure());
    assertTrue(rejected.getMessage().contains("loopback address"), rejected.getMessage());
    assertTrue(
        rejected.getMessage().contains("rapport.outbound.allow-loopback"), rejected.getMessage());
    assertEquals(0, f.platform.jwksRequests(), "the JWKS must not have been requested");
  }

  @Test
  void acceptsDeepLinkingLaunch() {
    ValidatedLaunch launch =
        f.validate(
            Fixture.launch(
                ExampleLaunch.sign(ExampleLaunch.deepLinkingClaims(NOW, NONCE).build())));

    assertEquals(MessageType.DEEP_LINKING, launch.messageType());
    assertEquals(Set.of(LtiRole.INSTRUCTOR), launch.roles());
    var settings = launch.deepLinking().orElseThrow();
    assertEquals(
        URI.create("https://platform.example.edu/deep_links"), settings.deepLinkReturnUrl());
    assertEquals(List.of("ltiResourceLink"), settings.acceptTypes());
    assertEquals(List.of("iframe", "window"), settings.acceptPresentationDocumentTargets());
    assertFalse(settings.acceptMultiple());
    assertTrue(settings.acceptLineItem());
    assertEquals(Optional.of("opaque-platform-data"), settings.data());
    assertTrue(launch.resourceLink().isEmpty());
  }

  @Test
  void acceptsUnknownDeploymentOnFirstSight() {
    f.useRegistration(
        ExampleLaunch.registration(
            f.platform, REGISTRATION.value(), DeploymentPolicy.ACCEPT_ON_FIRST_SIGHT, true));

    ValidatedLaunch launch =
        f.validate(Fixture.launchWith(b -> b.claim(LtiClaims.DEPLOYMENT_ID, "deployment-2")));

    assertEquals("deployment-2", launch.deploymentId());
    assertFalse(f.deployments.isKnown(REGISTRATION, "deployment-2"), "validation records nothing");
  }

  @Test
  void acceptsEmptyRoles() {
    ValidatedLaunch launch =
        f.validate(Fixture.launchWith(b -> b.claim(LtiClaims.ROLES, List.of())));

    assertTrue(launch.roles().isEmpty());
    assertTrue(launch.roleUris().isEmpty());
  }

  @Test
  void acceptsSeveralAudiencesWithMatchingAzp() {
    ValidatedLaunch launch =
        f.validate(
            Fixture.launchWith(
                b -> b.audience(List.of("other-client", CLIENT_ID)).claim("azp", CLIENT_ID)));

    assertEquals(CLIENT_ID, launch.registration().clientId());
  }

  @Test
  void acceptsTimesWithinTheSkew() {
    ValidatedLaunch launch =
        f.validate(
            Fixture.launchWith(
                b ->
                    b.expirationTime(Date.from(NOW.minusSeconds(59)))
                        .issueTime(Date.from(NOW.plusSeconds(59)))
                        .notBeforeTime(Date.from(NOW.plusSeconds(59)))));

    assertEquals("user-42", launch.subject());
  }

  @Test
  void acceptsKeysWithoutAlg() throws JOSEException {
    RSAKey withoutAlgOrUse =
        new RSAKey.Builder(KEY_1.toRSAPublicKey()).keyID(KEY_1.getKeyID()).build();
    f.platform.publish(withoutAlgOrUse);

    assertEquals("user-42", f.validate(Fixture.launchWith(b -> b)).subject());
  }

  @Test
  void acceptsNewPlatformKeyAfterExactlyOneRefetch() {
    f.validate(Fixture.launchWith(b -> b));
    assertEquals(1, f.platform.jwksRequests());

    f.platform.publish(KEY_2, KEY_1);
    f.nonces.issue("second-nonce", NOW.plusSeconds(300));
    ValidatedLaunch second =
        f.validate(
            Fixture.launch(
                TestKeys.sign(
                    ExampleLaunch.resourceLinkClaims(NOW, "second-nonce").build(), KEY_2)));

    assertEquals("user-42", second.subject());
    assertEquals(2, f.platform.jwksRequests(), "one refetch for the new kid");

    f.nonces.issue("third-nonce", NOW.plusSeconds(300));
    f.validate(
        Fixture.launch(
            TestKeys.sign(ExampleLaunch.resourceLinkClaims(NOW, "third-nonce").build(), KEY_2)));
    assertEquals(2, f.platform.jwksRequests(), "the new key set is cached");
  }

  @Test
  void refetchesForUnknownKidsAtMostOncePerInterval() {
    String forged = TestKeys.sign(Fixture.claims().build(), KEY_2);

    assertEquals(
        KEY_UNKNOWN,
        assertThrows(LaunchRejected.class, () -> f.validate(Fixture.launch(forged))).failure());
    assertEquals(2, f.platform.jwksRequests(), "first fetch and one refetch");

    assertEquals(
        KEY_UNKNOWN,
        assertThrows(LaunchRejected.class, () -> f.validate(Fixture.launch(forged))).failure());
    assertEquals(2, f.platform.jwksRequests(), "no second refetch within the interval");

    f.keysClock.advance(RemotePlatformKeys.DEFAULT_MIN_REFETCH_INTERVAL);
    assertThrows(LaunchRejected.class, () -> f.validate(Fixture.launch(forged)));
    assertEquals(3, f.platform.jwksRequests(), "refetch allowed again after the interval");
  }

  @Test
  void rejectionNamesIssuerAndClientId() {
    LaunchRejected rejected =
        assertThrows(
            LaunchRejected.class,
            () -> f.validate(Fixture.launchWith(b -> b.claim(LtiClaims.VERSION, "1.1"))));

    assertEquals(Optional.of(ISSUER), rejected.issuer());
    assertEquals(Optional.of(CLIENT_ID), rejected.clientId());
  }

  // --- token forgeries -------------------------------------------------------------------------

  private static String hmac(JWTClaimsSet claims, byte[] secret) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY_1.getKeyID()).build(), claims);
      jwt.sign(new MACSigner(secret));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String es256(JWTClaimsSet claims) {
    try {
      ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec-key").generate();
      SignedJWT jwt =
          new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-key").build(), claims);
      jwt.sign(new ECDSASigner(ec));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String rsa(JWSAlgorithm alg, RSAKey key, String kid) {
    try {
      SignedJWT jwt =
          new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), Fixture.claims().build());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String withPayload(String token, String payload) {
    String[] parts = token.split("\\.");
    return parts[0] + "." + Base64URL.encode(payload) + "." + parts[2];
  }

  private static byte[] publicKeyBytes(RSAKey key) {
    try {
      return key.toRSAPublicKey().getEncoded();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  /** A sloppy store (e.g. a normalising query) that also finds the issuer with a trailing slash. */
  private record TrailingSlashTolerantStore(RegistrationStore delegate)
      implements RegistrationStore {
    @Override
    public Optional<Registration> find(String issuer, String clientId) {
      return delegate.find(strip(issuer), clientId);
    }

    @Override
    public List<Registration> findByIssuer(String issuer) {
      return delegate.findByIssuer(strip(issuer));
    }

    private static String strip(String issuer) {
      return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }
  }
}
