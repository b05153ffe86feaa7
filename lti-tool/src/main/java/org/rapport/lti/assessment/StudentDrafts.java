package org.rapport.lti.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Which drafts of written work a student has in modules (practice answers and reflections typed but
 * not yet submitted), for the export of their data: module, step and when each was last saved,
 * never the text, which only the student reads (on the step, and in their own download of their
 * reflections).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StudentDrafts {
  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  /** The drafts of the LMS user {@code subject} of the tenant, oldest first; none without one. */
  List<StudentData.DraftPart> of(long registrationId, String subject) {
    List<StudentData.DraftPart> drafts = new ArrayList<>();
    if (subject == null) {
      return drafts;
    }
    List<?> rows =
        em.createNativeQuery(
                "SELECT d.module_id, d.step_id, d.saved_at FROM step_draft d"
                    + " JOIN learner l ON l.id = d.learner_id"
                    + " WHERE l.registration_id = ?1 AND l.subject = ?2"
                    + " AND d.registration_id = ?1 ORDER BY d.saved_at, d.id")
            .setParameter(1, registrationId)
            .setParameter(2, subject)
            .getResultList();
    for (Object row : rows) {
      Object[] columns = (Object[]) row;
      drafts.add(
          new StudentData.DraftPart(
              (String) columns[0], (String) columns[1], instant(columns[2]).toString()));
    }
    return drafts;
  }

  /** H2 answers OffsetDateTime for TIMESTAMP WITH TIME ZONE, the PostgreSQL driver a Timestamp. */
  private static Instant instant(Object value) {
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (value instanceof Timestamp ts) {
      return ts.toInstant();
    }
    if (value instanceof Instant i) {
      return i;
    }
    throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
  }
}
