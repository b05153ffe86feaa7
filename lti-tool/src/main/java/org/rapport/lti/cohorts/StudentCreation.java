package org.rapport.lti.cohorts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import org.rapport.lti.persistence.InsertIfAbsent;

/**
 * Creates a student record in the caller's transaction, so that two first requests of the same
 * student at once end with one record: the insert does nothing when the other request's row is
 * there (by LMS user when there is one, else by pseudonym) and both read that row.
 */
@ApplicationScoped
public class StudentCreation {
  @Inject Clock clock;

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Inject InsertIfAbsent inserts;

  /** The id of the student with {@code subject} (or, without one, {@code pseudonym}). */
  @Transactional(Transactional.TxType.MANDATORY)
  public long create(long registrationId, String pseudonym, String subject) {
    LinkedHashMap<String, Object> row = new LinkedHashMap<>();
    row.put("registration_id", registrationId);
    row.put("pseudonym", pseudonym);
    if (subject != null) {
      row.put("lms_subject", subject);
    }
    row.put("created_at", OffsetDateTime.now(clock));
    String key = subject != null ? "lms_subject" : "pseudonym";
    inserts.insert("student", row, List.of("registration_id", key), registrationId);
    String field = subject != null ? "lmsSubject" : "pseudonym";
    return em.createQuery(
            "select s.id from Student s where s.registrationId = :r and s." + field + " = :v",
            Long.class)
        .setParameter("r", registrationId)
        .setParameter("v", subject != null ? subject : pseudonym)
        .getSingleResult();
  }
}
