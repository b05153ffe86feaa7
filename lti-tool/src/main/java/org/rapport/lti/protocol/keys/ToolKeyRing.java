package org.rapport.lti.protocol.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Rapport's signing keys and their rotation (Security Framework §6.1 and §6.3; LTI Advantage
 * platforms such as Canvas cache the tool's JWKS, so a key must be published before it signs). Pure
 * logic over a list of {@link ToolKey}s and a clock; storing keys is the caller's business.
 *
 * <p>Rotation with overlap {@code d} at time {@code t}: the next key is published at {@code t} and
 * signs from {@code t + d}; the current key keeps signing until then and leaves the JWKS at {@code
 * t + 2d}, so tokens it signed just before the switch still verify at platforms that cached the
 * JWKS.
 */
public final class ToolKeyRing {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Comparator<ToolKey> NEWEST_FIRST =
      Comparator.comparing(ToolKey::activatesAt).thenComparing(ToolKey::createdAt).reversed();

  private final List<ToolKey> keys;
  private final Clock clock;

  public ToolKeyRing(List<ToolKey> keys, Clock clock) {
    this.keys = List.copyOf(keys);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A new RSA 2048 key with a random kid, {@code alg RS256} and {@code use sig}. */
  public static ToolKey generate(Instant now, Instant activatesAt) {
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    String kid = Base64URL.encode(id).toString();
    try {
      RSAKey jwk =
          new RSAKeyGenerator(2048)
              .keyID(kid)
              .algorithm(JWSAlgorithm.RS256)
              .keyUse(KeyUse.SIGNATURE)
              .generate();
      return new ToolKey(kid, jwk, now, activatesAt, null);
    } catch (JOSEException e) {
      throw new IllegalStateException("Could not generate an RSA key", e);
    }
  }

  public List<ToolKey> keys() {
    return keys;
  }

  /** The newest key that is active now. */
  public ToolKey signingKey() {
    Instant now = clock.instant();
    return keys.stream()
        .filter(key -> key.isActiveAt(now))
        .min(NEWEST_FIRST)
        .orElseThrow(
            () -> new IllegalStateException("Rapport has no active signing key; rotate the keys"));
  }

  /**
   * Every key not retired, the next not-yet-active key included, public parts only, each with kid,
   * alg and use.
   */
  public JWKSet publicJwks() {
    Instant now = clock.instant();
    List<JWK> published = new ArrayList<>();
    keys.stream()
        .filter(key -> !key.isRetiredAt(now))
        .sorted(NEWEST_FIRST)
        .forEach(key -> published.add(key.publicJwk()));
    return new JWKSet(published);
  }

  /**
   * Starts a rotation: a new key published now and signing after {@code overlap}; the current key
   * retiring {@code overlap} after that. With no current key the new key signs at once.
   *
   * @throws IllegalStateException if a published key is still waiting to activate
   */
  public Rotation rotate(Duration overlap) {
    if (overlap.isNegative()) {
      throw new IllegalArgumentException("The overlap must not be negative");
    }
    Instant now = clock.instant();
    boolean pending =
        keys.stream().anyMatch(key -> key.activatesAt().isAfter(now) && !key.isRetiredAt(now));
    if (pending) {
      throw new IllegalStateException("A key rotation is already in progress");
    }
    Optional<ToolKey> current = keys.stream().filter(key -> key.isActiveAt(now)).min(NEWEST_FIRST);
    if (current.isEmpty()) {
      return new Rotation(generate(now, now), Optional.empty());
    }
    ToolKey next = generate(now, now.plus(overlap));
    return new Rotation(
        next, Optional.of(current.get().retiringAt(next.activatesAt().plus(overlap))));
  }

  /** The ring after {@code rotation}: the retiring key replaced, the next key added. */
  public ToolKeyRing apply(Rotation rotation) {
    List<ToolKey> updated = new ArrayList<>();
    for (ToolKey key : keys) {
      updated.add(rotation.retiring().filter(r -> r.kid().equals(key.kid())).orElse(key));
    }
    updated.add(rotation.next());
    return new ToolKeyRing(updated, clock);
  }
}
