package org.rapport.lti.keys;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;
import org.rapport.lti.protocol.keys.Rotation;
import org.rapport.lti.protocol.keys.ToolKey;
import org.rapport.lti.protocol.keys.ToolKeyRing;

/**
 * The tool's key ring, read from the database so every node signs with the same key and publishes
 * the same set; or, when the operator supplies it ({@value #EXTERNAL}: a JWK set of RSA private
 * keys in {@code rapport.secrets.tool-keys} or the file {@code tool-keys} of {@code
 * rapport.secrets.dir}), from there: its first key signs and every key is published, so the
 * operator rotates by adding the new key second, moving it first once platforms have fetched it,
 * and removing the old one later.
 */
@ApplicationScoped
public class ToolKeys {
  private static final Logger LOG = Logger.getLogger(ToolKeys.class.getName());

  /** How long a retired key stays published after its successor starts signing. */
  public static final Duration OVERLAP = Duration.ofDays(2);

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  /** The secret name of operator-supplied tool keys. */
  public static final String EXTERNAL = "tool-keys";

  @jakarta.inject.Inject org.rapport.lti.settings.ExternalSecrets external;
  @jakarta.inject.Inject org.rapport.lti.persistence.CreationLock creation;

  @Inject Clock clock;

  /** Whether the operator supplies the keys (then they are rotated by the operator, not here). */
  public boolean external() {
    return external.value(EXTERNAL).isPresent();
  }

  @Transactional
  public ToolKeyRing ring() {
    java.util.Optional<String> configured = external.value(EXTERNAL);
    if (configured.isPresent()) {
      return new ToolKeyRing(fromJwkSet(configured.get()), clock);
    }
    List<ToolKey> keys =
        em
            .createQuery(
                "select k from StoredToolKey k order by k.activatesAt", StoredToolKey.class)
            .getResultList()
            .stream()
            .map(ToolKeys::toKey)
            .toList();
    return new ToolKeyRing(keys, clock);
  }

  public ToolKey signingKey() {
    return ring().signingKey();
  }

  public JWKSet publicJwks() {
    return ring().publicJwks();
  }

  /** Generates the first key when there is none (first start). */
  @Transactional
  public void ensureKey() {
    if (external()) {
      LOG.info(
          () -> "Tool keys come from the configuration: " + ring().publicJwks().size() + " key(s)");
      return;
    }
    creation.lock("tool-key");
    Long count =
        em.createQuery("select count(k) from StoredToolKey k", Long.class).getSingleResult();
    if (count == 0) {
      Instant now = clock.instant();
      ToolKey first = ToolKeyRing.generate(now, now);
      em.persist(toRow(first));
      LOG.info(() -> "Generated the tool's first signing key, kid " + first.kid());
    }
  }

  /**
   * Publishes a new key now, which signs once every platform has had time to fetch it; the current
   * key retires after the overlap.
   */
  @Transactional
  public Rotation rotate() {
    em.createQuery("select k from StoredToolKey k", StoredToolKey.class)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
    Rotation rotation = ring().rotate(OVERLAP);
    em.persist(toRow(rotation.next()));
    rotation
        .retiring()
        .ifPresent(old -> em.find(StoredToolKey.class, old.kid()).retireAt(utc(old.retiresAt())));
    LOG.info(() -> "Tool key rotation: published kid " + rotation.next().kid());
    return rotation;
  }

  /** The operator's keys: the first signs; the others are only published (activation far off). */
  static List<ToolKey> fromJwkSet(String json) {
    JWKSet set;
    try {
      set = JWKSet.parse(json);
    } catch (ParseException e) {
      throw new IllegalStateException(
          "The configured tool keys (rapport.secrets." + EXTERNAL + ") are not a JWK set");
    }
    List<ToolKey> keys = new java.util.ArrayList<>();
    Instant published = Instant.EPOCH;
    Instant never = Instant.parse("9999-01-01T00:00:00Z");
    for (int i = 0; i < set.getKeys().size(); i++) {
      if (!(set.getKeys().get(i) instanceof RSAKey rsa)
          || !rsa.isPrivate()
          || rsa.getKeyID() == null) {
        throw new IllegalStateException(
            "Key "
                + (i + 1)
                + " of the configured tool keys (rapport.secrets."
                + EXTERNAL
                + ") is not an RSA private key with a kid");
      }
      keys.add(new ToolKey(rsa.getKeyID(), rsa, published, i == 0 ? published : never, null));
    }
    if (keys.isEmpty()) {
      throw new IllegalStateException(
          "The configured tool keys (rapport.secrets." + EXTERNAL + ") hold no key");
    }
    return List.copyOf(keys);
  }

  private static ToolKey toKey(StoredToolKey row) {
    try {
      return new ToolKey(
          row.getKid(),
          RSAKey.parse(row.getJwk()),
          row.getCreatedAt().toInstant(),
          row.getActivatesAt().toInstant(),
          row.getRetiresAt() == null ? null : row.getRetiresAt().toInstant());
    } catch (ParseException e) {
      throw new IllegalStateException("Tool key " + row.getKid() + " is unreadable", e);
    }
  }

  private static StoredToolKey toRow(ToolKey key) {
    return new StoredToolKey(
        key.kid(),
        key.jwk().toJSONString(),
        utc(key.createdAt()),
        utc(key.activatesAt()),
        key.retiresAt() == null ? null : utc(key.retiresAt()));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
