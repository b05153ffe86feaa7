package org.rapport.lti.protocol.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapport.lti.protocol.testdata.MutableClock;

class ToolKeyRingTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final Duration OVERLAP = Duration.ofDays(2);

  private final MutableClock clock = new MutableClock(T0);

  private static List<String> kids(JWKSet set) {
    return set.getKeys().stream().map(JWK::getKeyID).toList();
  }

  @Test
  void generatesRs256SigningKeysWithRandomKids() {
    ToolKey one = ToolKeyRing.generate(T0, T0);
    ToolKey two = ToolKeyRing.generate(T0, T0);

    assertEquals(2048, one.jwk().size());
    assertEquals(JWSAlgorithm.RS256, one.jwk().getAlgorithm());
    assertEquals(KeyUse.SIGNATURE, one.jwk().getKeyUse());
    assertEquals(one.kid(), one.jwk().getKeyID());
    assertNotEquals(one.kid(), two.kid());
    assertTrue(one.jwk().isPrivate());
  }

  @Test
  void firstRotationGivesAKeyThatSignsAtOnce() {
    ToolKeyRing ring = new ToolKeyRing(List.of(), clock);

    Rotation rotation = ring.rotate(OVERLAP);
    ToolKeyRing after = ring.apply(rotation);

    assertTrue(rotation.retiring().isEmpty());
    assertEquals(rotation.next().kid(), after.signingKey().kid());
  }

  @Test
  void rotationPublishesTheNextKeyBeforeItSignsAndRetiresTheOldAfterTheOverlap() {
    ToolKey old = ToolKeyRing.generate(T0, T0);
    clock.advance(Duration.ofDays(30));
    Instant rotatedAt = clock.instant();
    ToolKeyRing ring = new ToolKeyRing(List.of(old), clock);

    Rotation rotation = ring.rotate(OVERLAP);
    ToolKeyRing after = ring.apply(rotation);
    ToolKey next = rotation.next();

    // Published at once, but the old key still signs.
    assertEquals(List.of(next.kid(), old.kid()), kids(after.publicJwks()));
    assertEquals(old.kid(), after.signingKey().kid());
    assertEquals(rotatedAt.plus(OVERLAP), next.activatesAt());
    assertEquals(rotatedAt.plus(OVERLAP).plus(OVERLAP), rotation.retiresAt().orElseThrow());

    // Just before the overlap ends: still the old key.
    clock.set(rotatedAt.plus(OVERLAP).minusSeconds(1));
    assertEquals(old.kid(), after.signingKey().kid());

    // After the overlap: the next key signs, both published.
    clock.set(rotatedAt.plus(OVERLAP));
    assertEquals(next.kid(), after.signingKey().kid());
    assertEquals(List.of(next.kid(), old.kid()), kids(after.publicJwks()));

    // After a second overlap: the old key is gone.
    clock.set(rotation.retiresAt().orElseThrow());
    assertEquals(List.of(next.kid()), kids(after.publicJwks()));
    assertEquals(next.kid(), after.signingKey().kid());
  }

  @Test
  void refusesASecondRotationWhileTheNextKeyWaits() {
    ToolKeyRing ring = new ToolKeyRing(List.of(ToolKeyRing.generate(T0, T0)), clock);
    ToolKeyRing rotated = ring.apply(ring.rotate(OVERLAP));

    assertThrows(IllegalStateException.class, () -> rotated.rotate(OVERLAP));
  }

  @Test
  void publishedJwksHasPublicPartsOnlyWithKidAlgAndUse() {
    ToolKeyRing ring = new ToolKeyRing(List.of(ToolKeyRing.generate(T0, T0)), clock);

    JWKSet published = ring.publicJwks();
    String json = published.toString(false);

    assertFalse(json.contains("\"d\""), "private exponent published");
    assertFalse(json.contains("\"p\""), "private prime published");
    for (JWK key : published.getKeys()) {
      assertFalse(key.isPrivate());
      assertEquals(JWSAlgorithm.RS256, key.getAlgorithm());
      assertEquals(KeyUse.SIGNATURE, key.getKeyUse());
      assertTrue(key.getKeyID() != null);
    }
  }

  @Test
  void withoutAnActiveKeyThereIsNothingToSignWith() {
    ToolKeyRing ring =
        new ToolKeyRing(List.of(ToolKeyRing.generate(T0, T0.plus(Duration.ofDays(1)))), clock);

    assertThrows(IllegalStateException.class, ring::signingKey);
  }

  @Test
  void toStringNeverShowsThePrivateKey() throws Exception {
    ToolKey key = ToolKeyRing.generate(T0, T0);

    String text = key.toString();

    assertFalse(text.contains(key.jwk().getPrivateExponent().toString()));
    assertFalse(text.contains("\"d\""));
    assertTrue(text.contains(key.kid()));
  }

  @Test
  void signerUsesRs256WithKidAndJwtType() throws Exception {
    ToolKey key = ToolKeyRing.generate(T0, T0);
    JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("rapport").build();

    SignedJWT jwt = SignedJWT.parse(new ToolJwtSigner().sign(claims, key));

    assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
    assertEquals(key.kid(), jwt.getHeader().getKeyID());
    assertEquals("JWT", jwt.getHeader().getType().getType());
    RSAKey published =
        (RSAKey) new ToolKeyRing(List.of(key), clock).publicJwks().getKeyByKeyId(key.kid());
    assertTrue(jwt.verify(new RSASSAVerifier(published)));
  }
}
