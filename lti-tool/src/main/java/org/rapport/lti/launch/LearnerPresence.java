package org.rapport.lti.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Whether the LMS user a session was issued to is still known. An administrator's deletion of a
 * student removes that record, and with it every session the student still holds: they launch again
 * from their course and start afresh.
 */
@ApplicationScoped
public class LearnerPresence {
  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Transactional
  public boolean exists(LaunchedUser user) {
    return !em.createNativeQuery("SELECT 1 FROM learner WHERE id = ?1 AND registration_id = ?2")
        .setParameter(1, user.learnerId())
        .setParameter(2, user.registrationId())
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }
}
