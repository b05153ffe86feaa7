package org.rapport.lti.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapport.lti.testdata.TestClock;

/** Session and admin tokens: what is accepted, and every way a token is refused. */
class SignedTokensTest {
  private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
  private final byte[] key = key(7);
  private final TestClock clock = new TestClock(START);
  private final SignedTokens tokens = new SignedTokens(key, "rapport-session", clock);

  @Test
  void aFreshTokenCarriesItsSubjectClaimsAudienceAndLifetime() throws Exception {
    String token = tokens.issue("42", Map.of("sid", "9"), Duration.ofMinutes(120));
    JWTClaimsSet claims = tokens.verify(token).orElseThrow();
    assertEquals("42", claims.getSubject());
    assertEquals("9", claims.getStringClaim("sid"));
    assertEquals(java.util.List.of("rapport-session"), claims.getAudience());
    assertEquals(START, claims.getIssueTime().toInstant());
    assertEquals(START.plus(Duration.ofMinutes(120)), claims.getExpirationTime().toInstant());
  }

  @Test
  void aTokenIsGoodUntilTheSecondBeforeItsExpiryAndRefusedFromThen() {
    String token = tokens.issue("42", Map.of(), Duration.ofMinutes(30));
    clock.advance(Duration.ofMinutes(30).minusSeconds(1));
    assertTrue(tokens.verify(token).isPresent(), "one second left");
    clock.advance(Duration.ofSeconds(1));
    assertTrue(tokens.verify(token).isEmpty(), "expired at its expiry time");
  }

  @Test
  void aTokenWhosePayloadWasChangedIsRefused() {
    String token = tokens.issue("42", Map.of("sid", "9"), Duration.ofMinutes(5));
    String[] parts = token.split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"sid\":\"9\"", "\"sid\":\"1\"");
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertTrue(tokens.verify(tampered).isEmpty());
  }

  @Test
  void aTokenWithAChangedSignatureIsRefused() {
    String token = tokens.issue("42", Map.of(), Duration.ofMinutes(5));
    char last = token.charAt(token.length() - 2);
    String tampered =
        token.substring(0, token.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + token.charAt(token.length() - 1);
    assertTrue(tokens.verify(tampered).isEmpty());
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused() {
    String foreign =
        new SignedTokens(key(8), "rapport-session", clock)
            .issue("42", Map.of(), Duration.ofMinutes(5));
    assertTrue(tokens.verify(foreign).isEmpty());
  }

  @Test
  void aTokenForAnotherAudienceIsRefusedEvenUnderTheSameKey() {
    String admin =
        new SignedTokens(key, "rapport-admin", clock).issue("42", Map.of(), Duration.ofMinutes(5));
    assertTrue(tokens.verify(admin).isEmpty());
  }

  @Test
  void anUnsignedTokenIsRefused() {
    String unsigned =
        new PlainJWT(
                new JWTClaimsSet.Builder()
                    .subject("42")
                    .audience("rapport-session")
                    .expirationTime(Date.from(START.plusSeconds(300)))
                    .build())
            .serialize();
    assertTrue(tokens.verify(unsigned).isEmpty());
  }

  @Test
  void aTokenSignedWithTheRightKeyButAnotherAlgorithmIsRefused() throws Exception {
    SignedJWT hs512 =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.HS512),
            new JWTClaimsSet.Builder()
                .subject("42")
                .audience("rapport-session")
                .expirationTime(Date.from(START.plusSeconds(300)))
                .build());
    byte[] longKey = new byte[64];
    System.arraycopy(key, 0, longKey, 0, key.length);
    hs512.sign(new MACSigner(longKey));
    SignedTokens withLongKey = new SignedTokens(longKey, "rapport-session", clock);
    assertTrue(withLongKey.verify(hs512.serialize()).isEmpty());
  }

  @Test
  void aTokenWithoutExpiryIsRefused() throws Exception {
    SignedJWT forever =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.HS256),
            new JWTClaimsSet.Builder().subject("42").audience("rapport-session").build());
    forever.sign(new MACSigner(key));
    assertTrue(tokens.verify(forever.serialize()).isEmpty());
  }

  @Test
  void missingBlankGarbledAndOversizedTokensAreRefused() {
    assertTrue(tokens.verify(null).isEmpty());
    assertTrue(tokens.verify("  ").isEmpty());
    assertTrue(tokens.verify("not-a-token").isEmpty());
    assertTrue(tokens.verify("a.b.c").isEmpty());
    String valid = tokens.issue("42", Map.of("pad", "x".repeat(4000)), Duration.ofMinutes(5));
    assertTrue(valid.length() > 4096);
    assertTrue(tokens.verify(valid).isEmpty(), "longer than any token Rapport issues");
  }

  @Test
  void tokensAreStandardHs256BothWays() throws Exception {
    String issued = tokens.issue("42", Map.of("sid", "9"), Duration.ofMinutes(5));
    assertTrue(
        SignedJWT.parse(issued).verify(new com.nimbusds.jose.crypto.MACVerifier(key)),
        "a standard verifier accepts Rapport's token");
    SignedJWT standard =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.HS256),
            new JWTClaimsSet.Builder()
                .subject("42")
                .audience("rapport-session")
                .expirationTime(Date.from(START.plusSeconds(300)))
                .build());
    standard.sign(new MACSigner(key));
    assertEquals("42", tokens.verify(standard.serialize()).orElseThrow().getSubject());
  }

  @Test
  void aTokenNamingCriticalHeaderParametersIsRefused() throws Exception {
    SignedJWT critical =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256)
                .customParam("exp-policy", "strict")
                .criticalParams(java.util.Set.of("exp-policy"))
                .build(),
            new JWTClaimsSet.Builder()
                .subject("42")
                .audience("rapport-session")
                .expirationTime(Date.from(START.plusSeconds(300)))
                .build());
    critical.sign(new MACSigner(key));
    assertTrue(tokens.verify(critical.serialize()).isEmpty());
  }

  @Test
  void aKeyShorterThan256BitsNeitherSignsNorVerifies() {
    byte[] shortKey = java.util.Arrays.copyOf(key, 16);
    SignedTokens weak = new SignedTokens(shortKey, "rapport-session", clock);
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalStateException.class, () -> weak.issue("42", Map.of(), Duration.ofMinutes(5)));
    String token = tokens.issue("42", Map.of(), Duration.ofMinutes(5));
    assertTrue(weak.verify(token).isEmpty());
  }

  private static byte[] key(int seed) {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (seed * 17 + i);
    }
    return key;
  }
}
