package org.rapport.lti.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.rapport.lti.protocol.launch.NonceStore;

/**
 * Nonces in the database, shared by every node: issued at login, consumed atomically at launch (a
 * single conditional UPDATE, so two nodes can never both accept the same nonce).
 */
@ApplicationScoped
public class NonceRepository implements NonceStore {
  /** How long a user has between login initiation and launch. */
  public static final Duration LIFETIME = Duration.ofMinutes(10);

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Inject Clock clock;

  @Transactional
  public void issue(String nonce, long registrationId, String storageTarget, Instant now) {
    em.persist(
        new IssuedNonce(nonce, registrationId, storageTarget, utc(now), utc(now.plus(LIFETIME))));
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean consume(String nonce, Instant now) {
    return em.createQuery(
                "update IssuedNonce n set n.usedAt = :now"
                    + " where n.nonce = :nonce and n.usedAt is null and n.expiresAt > :now")
            .setParameter("now", utc(now))
            .setParameter("nonce", nonce)
            .executeUpdate()
        == 1;
  }

  /** The nonce as issued at login (to find its platform-storage frame), if it exists. */
  @Transactional
  public Optional<IssuedNonce> find(String nonce) {
    return Optional.ofNullable(nonce == null ? null : em.find(IssuedNonce.class, nonce));
  }

  /**
   * The nonce as issued at login when it is unused and unexpired by the application clock, if it
   * exists.
   */
  @Transactional
  public Optional<IssuedNonce> awaitingLaunch(String nonce) {
    return find(nonce).filter(issued -> issued.awaitsLaunch(clock.instant()));
  }

  /** Deletes nonces that expired more than a day ago. */
  @Transactional
  public int sweep(Instant now) {
    return sweep(now, Duration.ofDays(1));
  }

  /** Deletes nonces that expired more than {@code retention} ago. */
  @Transactional
  public int sweep(Instant now, Duration retention) {
    return em.createQuery("delete from IssuedNonce n where n.expiresAt < :cutoff")
        .setParameter("cutoff", utc(now.minus(retention)))
        .executeUpdate();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
