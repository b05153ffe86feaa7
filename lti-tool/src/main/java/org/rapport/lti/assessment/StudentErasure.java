package org.rapport.lti.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes what identifies a student outside their self-assessment record: the LMS user Rapport
 * knows them as (name, email, subject), their course memberships, module progress and step results,
 * private reflections and drafts of written work in modules, grades still waiting to be sent,
 * deep-linking requests, launch-log entries that name their LMS user, and their pseudonym in the
 * problem lists of imports. Runs in the deletion's transaction, before the student record (whose
 * responses, scores and cohort history go with it by foreign key).
 *
 * <p>Earlier audit entries about the student stay (they are the record of who accessed what), with
 * the pseudonym and LMS user replaced: only the internal number is left, which no longer resolves.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StudentErasure {
  /** What the audit row calls each kind of data, in the order it lists them. */
  static final String RESPONSES = "self-assessment responses (with answers and scores)";

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  /**
   * Erases the student's LMS-side data and counts the student's own rows about to go with the
   * record; answers the count per kind, in a stable order, for the audit row.
   */
  Map<String, Integer> erase(
      long registrationId, long studentId, String pseudonym, String subject) {
    Map<String, Integer> removed = new LinkedHashMap<>();
    removed.put(
        RESPONSES,
        count("SELECT COUNT(*) FROM assessment_response WHERE student_id = ?1", studentId));
    removed.put(
        "cohort history entries",
        count("SELECT COUNT(*) FROM cohort_move WHERE student_id = ?1", studentId));
    removed.put(
        "observed encounters (with their ratings and comments)",
        count("SELECT COUNT(*) FROM encounter WHERE student_id = ?1", studentId));
    Long learner = subject == null ? null : learner(registrationId, subject);
    if (learner != null) {
      // Ratings the student was asked to give: those not given go; those given stay with the
      // classmate they rated, no longer naming who gave them.
      removed.put(
          "ratings asked of the student and not given",
          update(
              "DELETE FROM encounter_rater WHERE learner_id = ?1 AND NOT EXISTS"
                  + " (SELECT 1 FROM observed_rating o WHERE o.rater_id = encounter_rater.id)",
              learner));
      update("UPDATE encounter_rater SET learner_id = NULL WHERE learner_id = ?1", learner);
      removed.put(
          "module step results",
          update(
              "DELETE FROM module_step_result WHERE progress_id IN"
                  + " (SELECT id FROM module_progress WHERE learner_id = ?1)",
              learner));
      removed.put(
          "module progress records",
          update("DELETE FROM module_progress WHERE learner_id = ?1", learner));
      removed.put(
          "reflections", update("DELETE FROM reflection_entry WHERE learner_id = ?1", learner));
      removed.put(
          "drafts of module answers and reflections",
          update("DELETE FROM step_draft WHERE learner_id = ?1", learner));
      removed.put(
          "queued or sent gradebook completions",
          update("DELETE FROM score_outbox WHERE learner_id = ?1", learner));
      removed.put(
          "deep-linking requests",
          update("DELETE FROM deep_link_request WHERE learner_id = ?1", learner));
      removed.put(
          "course memberships", update("DELETE FROM membership WHERE learner_id = ?1", learner));
      removed.put(
          "Rapport sessions", update("DELETE FROM tool_session WHERE learner_id = ?1", learner));
    }
    removed.put(
        "student link requests",
        em.createNativeQuery(
                "DELETE FROM student_link_request WHERE registration_id = ?1"
                    + " AND (pseudonym = ?2 OR learner_subject = ?3)")
            .setParameter(1, registrationId)
            .setParameter(2, pseudonym)
            .setParameter(3, subject == null ? "" : subject)
            .executeUpdate());
    // An import's problem list may quote the pseudonym (a row placing the student in another
    // cohort, say); the problem stays in the import's record, without it. A pseudonym that is part
    // of a longer one is replaced there too, which hides more, never less.
    em.createNativeQuery(
            "UPDATE import_problem SET message = REPLACE(message, ?1, '(deleted student)')"
                + " WHERE job_id IN (SELECT id FROM import_job WHERE registration_id = ?2)"
                + " AND POSITION(?3 IN message) > 0")
        .setParameter(1, pseudonym)
        .setParameter(2, registrationId)
        .setParameter(3, pseudonym)
        .executeUpdate();
    removed.put(
        "launch-log entries naming the LMS user",
        subject == null
            ? 0
            : em.createNativeQuery(
                    "DELETE FROM launch_log WHERE registration_id = ?1 AND detail IS NOT NULL"
                        + " AND POSITION(?2 IN detail) > 0")
                .setParameter(1, registrationId)
                .setParameter(2, subject)
                .executeUpdate());
    removed.put(
        "LMS user records (name, email)",
        learner == null ? 0 : update("DELETE FROM learner WHERE id = ?1", learner));
    for (String identifying : subject == null ? List.of(pseudonym) : List.of(pseudonym, subject)) {
      em.createNativeQuery(
              "UPDATE audit_log SET detail = REPLACE(detail, ?1, '(deleted student)')"
                  + " WHERE student_id = ?2 AND detail IS NOT NULL")
          .setParameter(1, identifying)
          .setParameter(2, studentId)
          .executeUpdate();
    }
    return removed;
  }

  private Long learner(long registrationId, String subject) {
    List<?> ids =
        em.createNativeQuery("SELECT id FROM learner WHERE registration_id = ?1 AND subject = ?2")
            .setParameter(1, registrationId)
            .setParameter(2, subject)
            .getResultList();
    return ids.isEmpty() ? null : ((Number) ids.get(0)).longValue();
  }

  private int count(String sql, long id) {
    return ((Number) em.createNativeQuery(sql).setParameter(1, id).getSingleResult()).intValue();
  }

  private int update(String sql, long id) {
    return em.createNativeQuery(sql).setParameter(1, id).executeUpdate();
  }
}
