package org.rapport.lti.protocol.keys;

import com.nimbusds.jose.jwk.RSAKey;
import java.time.Instant;
import java.util.Objects;

/**
 * One of Rapport's RSA signing keys (Security Framework §6.1), with its life cycle: published from
 * {@code createdAt}, signs from {@code activatesAt}, withdrawn at {@code retiresAt}. {@link
 * #toString()} never shows the private part.
 *
 * @param jwk the key pair, private part included; its key id equals {@code kid}
 * @param retiresAt when it leaves the published JWKS, or {@code null} while it has no successor
 */
public record ToolKey(
    String kid, RSAKey jwk, Instant createdAt, Instant activatesAt, Instant retiresAt) {

  public ToolKey {
    Objects.requireNonNull(kid, "kid");
    Objects.requireNonNull(jwk, "jwk");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(activatesAt, "activatesAt");
    if (!kid.equals(jwk.getKeyID())) {
      throw new IllegalArgumentException("The kid must equal the JWK's key id");
    }
    if (!jwk.isPrivate()) {
      throw new IllegalArgumentException("A tool key needs its private part to sign");
    }
  }

  public boolean isRetiredAt(Instant now) {
    return retiresAt != null && !now.isBefore(retiresAt);
  }

  /** Signs at {@code now}: activated and not retired. */
  public boolean isActiveAt(Instant now) {
    return !now.isBefore(activatesAt) && !isRetiredAt(now);
  }

  /** The public part only, with kid, alg and use, as published in the JWKS. */
  public RSAKey publicJwk() {
    return jwk.toPublicJWK();
  }

  /** This key, leaving the JWKS at {@code when} (or earlier, if already scheduled to). */
  public ToolKey retiringAt(Instant when) {
    Instant at = retiresAt != null && retiresAt.isBefore(when) ? retiresAt : when;
    return new ToolKey(kid, jwk, createdAt, activatesAt, at);
  }

  @Override
  public String toString() {
    return "ToolKey[kid="
        + kid
        + ", createdAt="
        + createdAt
        + ", activatesAt="
        + activatesAt
        + ", retiresAt="
        + retiresAt
        + "]";
  }
}
