package org.rapport.lti.modules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Creates a learner's progress row for a module in a transaction of its own, so that when two
 * requests start the same module at once, the loser's unique-key failure does not spoil the request
 * that is waiting for the row.
 */
@ApplicationScoped
public class ProgressStarter {
  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void start(
      long registrationId, long learnerId, Long courseId, String moduleId, String stepId) {
    em.persist(
        new ModuleProgress(
            registrationId,
            learnerId,
            courseId,
            moduleId,
            stepId,
            OffsetDateTime.now(ZoneOffset.UTC)));
    em.flush();
  }
}
