package org.rapport.lti.protocol.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.lti.protocol.keys.ToolKey;
import org.rapport.lti.protocol.keys.ToolKeyRing;
import org.rapport.lti.testdata.LtiTestPlatform;
import org.rapport.lti.testdata.TestClock;

class ServiceTokensTest {
  private static final String SCORE = LtiTestPlatform.AGS + "score";
  private static final String LINEITEM = LtiTestPlatform.AGS + "lineitem";

  private final ToolKey key = ToolKeyRing.generate(Instant.now(), Instant.now());
  private final TestClock clock = new TestClock(Instant.now());
  private LtiTestPlatform platform;
  private ServiceTokens tokens;

  @BeforeEach
  void start() throws Exception {
    platform = LtiTestPlatform.start(() -> new JWKSet(key.publicJwk()));
    tokens =
        new ServiceTokens(
            new ServiceHttp(
                new org.rapport.lti.protocol.outbound.OutboundHttp(
                    org.rapport.lti.protocol.outbound.OutboundPolicy.development()),
                clock),
            () -> key,
            clock);
  }

  @AfterEach
  void stop() {
    platform.close();
  }

  private TokenRequest request(String... scopes) {
    return new TokenRequest(7, LtiTestPlatform.CLIENT_ID, platform.tokenEndpoint(), Set.of(scopes));
  }

  @Test
  void theAssertionPassesThePlatformsChecksAndTheTokenIsReusedPerScopeSet() {
    AccessToken first = tokens.token(request(SCORE, LINEITEM));
    AccessToken again = tokens.token(request(LINEITEM, SCORE));
    assertSame(first, again, "same scope set in another order: the cached token");
    assertEquals(1, platform.tokenRequestsFor(SCORE, LINEITEM));
    AccessToken other = tokens.token(request(LtiTestPlatform.NRPS_SCOPE));
    assertNotEquals(first.value(), other.value());
    assertEquals(1, platform.tokenRequestsFor(LtiTestPlatform.NRPS_SCOPE));
    assertEquals(Set.of(SCORE, LINEITEM), first.scopes());
    assertTrue(platform.problems().isEmpty(), platform.problems().toString());
  }

  @Test
  void aTokenIsRenewedAMarginBeforeItExpires() {
    platform.tokenLifetime(Duration.ofSeconds(100));
    AccessToken first = tokens.token(request(SCORE));
    clock.advance(Duration.ofSeconds(79));
    assertSame(first, tokens.token(request(SCORE)), "still usable 21 s before expiry");
    clock.advance(Duration.ofSeconds(2));
    AccessToken renewed = tokens.token(request(SCORE));
    assertNotEquals(first.value(), renewed.value(), "renewed within the 20 s margin");
    assertEquals(2, platform.tokenRequestsFor(SCORE));
    assertTrue(platform.problems().isEmpty(), "no jti reused: " + platform.problems());
  }

  @Test
  void marginIsAFifthOfTheLifetimeAtMostAMinute() {
    assertEquals(Duration.ofSeconds(20), ServiceTokens.margin(Duration.ofSeconds(100)));
    assertEquals(Duration.ofSeconds(60), ServiceTokens.margin(Duration.ofHours(1)));
  }

  @Test
  void theClientAssertionFollowsRfc7523() throws Exception {
    URI endpoint = URI.create("https://lms.example.edu/login/oauth2/token");
    Instant now = Instant.parse("2030-01-01T00:00:00Z");
    SignedJWT a = SignedJWT.parse(ClientAssertion.sign("client-9", endpoint, key, now));
    SignedJWT b = SignedJWT.parse(ClientAssertion.sign("client-9", endpoint, key, now));
    assertEquals(key.kid(), a.getHeader().getKeyID());
    assertEquals("RS256", a.getHeader().getAlgorithm().getName());
    assertEquals("client-9", a.getJWTClaimsSet().getIssuer());
    assertEquals("client-9", a.getJWTClaimsSet().getSubject());
    assertEquals(java.util.List.of(endpoint.toString()), a.getJWTClaimsSet().getAudience());
    assertEquals(
        Duration.ofMinutes(5),
        Duration.between(
            a.getJWTClaimsSet().getIssueTime().toInstant(),
            a.getJWTClaimsSet().getExpirationTime().toInstant()));
    assertNotEquals(a.getJWTClaimsSet().getJWTID(), b.getJWTClaimsSet().getJWTID());
    assertTrue(a.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key.publicJwk())));
  }

  @Test
  void aRefusedAssertionIsAPermanentFailureThatNamesTheEndpointNotTheAssertion() {
    ToolKey stranger = ToolKeyRing.generate(Instant.now(), Instant.now());
    ServiceTokens wrongKey =
        new ServiceTokens(
            new ServiceHttp(
                new org.rapport.lti.protocol.outbound.OutboundHttp(
                    org.rapport.lti.protocol.outbound.OutboundPolicy.development()),
                clock),
            () -> stranger,
            clock);
    ServiceCallFailed failure =
        assertThrows(ServiceCallFailed.class, () -> wrongKey.token(request(SCORE)));
    assertTrue(failure.permanent());
    assertTrue(failure.isRegistrationWide(), "the registration, not one score, is at fault");
    assertEquals(400, failure.status());
    assertTrue(failure.reason().contains("/token"), failure.reason());
    assertTrue(failure.reason().contains("invalid_client"), failure.reason());
    assertTrue(!failure.reason().contains("eyJ"), "no JWT in the reason");
  }

  @Test
  void anUnreachableTokenEndpointIsTransient() {
    TokenRequest nowhere =
        new TokenRequest(1, "c", URI.create("http://127.0.0.1:1/token"), Set.of(SCORE));
    ServiceCallFailed failure = assertThrows(ServiceCallFailed.class, () -> tokens.token(nowhere));
    assertTrue(!failure.permanent());
    assertEquals(0, failure.status());
  }

  @Test
  void parsesGrantedScopesAndDefaultsTheLifetime() {
    TokenRequest asked = request(SCORE, LINEITEM);
    Instant now = Instant.parse("2030-01-01T00:00:00Z");
    AccessToken narrowed =
        ServiceTokens.parse(
            "{\"access_token\":\"x\",\"token_type\":\"bearer\",\"scope\":\"" + SCORE + "\"}",
            asked,
            now,
            "t");
    assertEquals(Set.of(SCORE), narrowed.scopes());
    assertEquals(now.plus(ServiceTokens.DEFAULT_LIFETIME), narrowed.expiresAt());
    assertThrows(
        ServiceCallFailed.class,
        () -> ServiceTokens.parse("{\"token_type\":\"Bearer\"}", asked, now, "t"));
    assertThrows(
        ServiceCallFailed.class,
        () ->
            ServiceTokens.parse(
                "{\"access_token\":\"x\",\"token_type\":\"mac\"}", asked, now, "t"));
    assertTrue(!narrowed.toString().contains("x,"), "toString hides the token");
  }
}
