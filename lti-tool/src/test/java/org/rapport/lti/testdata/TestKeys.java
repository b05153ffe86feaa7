package org.rapport.lti.testdata;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The test suite's RSA keys and signing, in one place: what a platform signs id_tokens with. Key
 * generation is slow, so {@link #KEY_1} and {@link #KEY_2} are generated once for every test that
 * needs a fixed key; a test LMS that must not share its key with another gets a {@link #fresh} one.
 */
public final class TestKeys {
  /** Generated once: RSA key generation is slow and the keys are immutable. */
  public static final RSAKey KEY_1 = fresh("platform-key-1");

  public static final RSAKey KEY_2 = fresh("platform-key-2");

  private TestKeys() {}

  /** A new 2048-bit RS256 signing key named {@code kid}. */
  public static RSAKey fresh(String kid) {
    try {
      return new RSAKeyGenerator(2048)
          .keyID(kid)
          .algorithm(JWSAlgorithm.RS256)
          .keyUse(KeyUse.SIGNATURE)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The claims as a compact RS256 JWT signed with {@code key}, its kid in the header. */
  public static String sign(JWTClaimsSet claims, RSAKey key) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
