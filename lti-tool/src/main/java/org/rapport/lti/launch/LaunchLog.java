package org.rapport.lti.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;
import org.rapport.lti.protocol.LaunchRejected;
import org.rapport.lti.protocol.launch.ValidatedLaunch;

/**
 * The launch log an administrator reads: every accepted launch and every rejection with the check
 * that failed. An accepted launch is logged in the launch's own transaction; a rejection in a
 * transaction of its own after the launch's was rolled back, so it is logged while everything else
 * the launch touched is undone.
 */
@ApplicationScoped
public class LaunchLog {
  @Inject Clock clock;
  private static final Logger LOG = Logger.getLogger(LaunchLog.class.getName());

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Transactional(Transactional.TxType.MANDATORY)
  public void accepted(ValidatedLaunch launch) {
    em.persist(
        new LaunchRecord(
            now(),
            true,
            null,
            null,
            launch.registration().issuer(),
            launch.registration().clientId(),
            launch.registration().id().value(),
            launch.deploymentId(),
            launch.messageType().name()));
  }

  /** Records a rejection; answers the log entry's id, which the refusal page gives as reference. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public long rejected(LaunchRejected rejection, Long registrationId) {
    LOG.warning(
        () ->
            "LTI launch rejected: "
                + rejection.failure()
                + " ("
                + rejection.detail()
                + ") issuer="
                + rejection.issuer().orElse("?")
                + " client_id="
                + rejection.clientId().orElse("?"));
    LaunchRecord record =
        new LaunchRecord(
            now(),
            false,
            rejection.failure().name(),
            rejection.detail(),
            rejection.issuer().orElse(null),
            rejection.clientId().orElse(null),
            registrationId,
            null,
            null);
    em.persist(record);
    em.flush();
    return record.getId();
  }

  @Transactional
  public List<LaunchRecord> recent(int limit) {
    return em.createQuery("select l from LaunchRecord l order by l.id desc", LaunchRecord.class)
        .setMaxResults(limit)
        .getResultList();
  }

  /** The latest launch, accepted or rejected, received for a registration. */
  @Transactional
  public java.util.Optional<LaunchRecord> lastFor(long registrationId) {
    return em.createQuery(
            "select l from LaunchRecord l where l.registrationId = :r order by l.id desc",
            LaunchRecord.class)
        .setParameter("r", registrationId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** Deletes entries older than {@code cutoff}; answers how many. */
  @Transactional
  public int sweep(java.time.Instant cutoff) {
    return em.createQuery("delete from LaunchRecord l where l.occurredAt < :cutoff")
        .setParameter("cutoff", cutoff.atOffset(ZoneOffset.UTC))
        .executeUpdate();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
