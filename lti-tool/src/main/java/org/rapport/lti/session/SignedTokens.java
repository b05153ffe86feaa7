package org.rapport.lti.session;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Issues and checks compact HS256 tokens for one audience ("session", "admin"...). A token carries
 * only identifiers and an expiry; anything else is looked up server-side.
 *
 * <p>The MAC is computed by {@link HmacSha256} (a {@code Mac} per thread) rather than by the JOSE
 * library's signer and verifier, which look up a new {@code Mac} for every token.
 */
public final class SignedTokens {
  private final Supplier<List<byte[]>> keys;
  private final String audience;
  private final Clock clock;

  public SignedTokens(byte[] key, String audience, Clock clock) {
    this(fixed(key.clone()), audience, clock);
  }

  /**
   * Tokens under a rotating key: the first key signs, every key verifies, so that tokens signed
   * before a rotation stay valid until they expire ({@link ServerSecrets#keys}).
   */
  public SignedTokens(Supplier<List<byte[]>> keys, String audience, Clock clock) {
    this.keys = keys;
    this.audience = audience;
    this.clock = clock;
  }

  private static Supplier<List<byte[]>> fixed(byte[] key) {
    List<byte[]> one = List.of(key);
    return () -> one;
  }

  public String issue(String subject, Map<String, Object> claims, Duration lifetime) {
    Instant now = clock.instant();
    JWTClaimsSet.Builder builder =
        new JWTClaimsSet.Builder()
            .subject(subject)
            .audience(audience)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(lifetime)));
    claims.forEach(builder::claim);
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), builder.build());
    byte[] signingInput = jwt.getSigningInput();
    try {
      return new String(signingInput, StandardCharsets.US_ASCII)
          + "."
          + Base64URL.encode(HmacSha256.of(keys.get().get(0), signingInput));
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("Could not sign a session token", e);
    }
  }

  /**
   * Whether one of the keys made the token's signature. A token naming critical header parameters
   * is refused: Rapport understands none.
   */
  private boolean signedByAny(SignedJWT jwt) {
    if (jwt.getHeader().getCriticalParams() != null
        && !jwt.getHeader().getCriticalParams().isEmpty()) {
      return false;
    }
    byte[] signingInput = jwt.getSigningInput();
    byte[] signature = jwt.getSignature().decode();
    for (byte[] key : keys.get()) {
      if (HmacSha256.matches(key, signingInput, signature)) {
        return true;
      }
    }
    return false;
  }

  /** The token's claims when its signature, audience and expiry are good; empty otherwise. */
  public Optional<JWTClaimsSet> verify(String token) {
    if (token == null || token.isBlank() || token.length() > 4096) {
      return Optional.empty();
    }
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !signedByAny(jwt)) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Date expiry = claims.getExpirationTime();
      if (claims.getAudience() == null
          || !claims.getAudience().contains(audience)
          || expiry == null
          || !expiry.toInstant().isAfter(clock.instant())) {
        return Optional.empty();
      }
      return Optional.of(claims);
    } catch (ParseException e) {
      return Optional.empty();
    }
  }
}
