package org.rapport.lti.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;
import org.rapport.lti.protocol.LaunchRejected;
import org.rapport.lti.protocol.launch.ValidatedLaunch;

/**
 * The launch log an administrator reads: every accepted launch and every rejection with the check
 * that failed. Written in a transaction of its own, so a rejected launch is logged while everything
 * else it touched is rolled back.
 */
@ApplicationScoped
public class LaunchLog {
  private static final Logger LOG = Logger.getLogger(LaunchLog.class.getName());

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
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

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void rejected(LaunchRejected rejection, Long registrationId) {
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
    em.persist(
        new LaunchRecord(
            now(),
            false,
            rejection.failure().name(),
            rejection.detail(),
            rejection.issuer().orElse(null),
            rejection.clientId().orElse(null),
            registrationId,
            null,
            null));
  }

  @Transactional
  public List<LaunchRecord> recent(int limit) {
    return em.createQuery("select l from LaunchRecord l order by l.id desc", LaunchRecord.class)
        .setMaxResults(limit)
        .getResultList();
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
