package org.rapport.lti.observed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rapport.lti.launch.CourseRole;

/**
 * What planning an encounter session reads: the course's students and faculty (active members, as
 * launches and the roster recorded them), a course's sessions with their counts, a session's raters
 * and ratings, and the mail queued for the raters' links.
 */
@ApplicationScoped
public class PlanningRepository {
  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  /** The course's active students, by name. */
  public List<PlanCsv.Person> students(long courseId) {
    return members(courseId, true);
  }

  /** The course's active faculty (instructors, assistants, course administrators), by name. */
  public List<PlanCsv.Person> faculty(long courseId) {
    return members(courseId, false);
  }

  private List<PlanCsv.Person> members(long courseId, boolean students) {
    List<Object[]> rows =
        em.createQuery(
                "select l.id, l.subject, l.name, l.email from Learner l, Membership m"
                    + " where m.courseId = :c and m.learnerId = l.id and m.active = true and m.role"
                    + (students ? " = " : " <> ")
                    + ":student order by l.name, l.subject",
                Object[].class)
            .setParameter("c", courseId)
            .setParameter("student", CourseRole.STUDENT)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new PlanCsv.Person(
                    ((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3]))
        .toList();
  }

  /** A learner of a tenant by id, as a person. */
  public Optional<PlanCsv.Person> learner(long learnerId) {
    List<Object[]> rows =
        em.createQuery(
                "select l.id, l.subject, l.name, l.email from Learner l where l.id = :id",
                Object[].class)
            .setParameter("id", learnerId)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            r ->
                new PlanCsv.Person(
                    ((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3]));
  }

  /** A course's sessions, latest day first. */
  public List<EncounterSession> sessions(long registrationId, long courseId) {
    return em.createQuery(
            "select s from EncounterSession s where s.registrationId = :r and s.courseId = :c"
                + " order by s.heldOn desc, s.id desc",
            EncounterSession.class)
        .setParameter("r", registrationId)
        .setParameter("c", courseId)
        .getResultList();
  }

  /** Counts of a session: encounters, raters invited, ratings received. */
  public record Counts(long encounters, long raters, long ratings) {}

  public Counts counts(long sessionId) {
    long encounters =
        em.createQuery("select count(e) from Encounter e where e.sessionId = :s", Long.class)
            .setParameter("s", sessionId)
            .getSingleResult();
    long raters =
        em.createQuery(
                "select count(r) from EncounterRater r, Encounter e"
                    + " where e.sessionId = :s and r.encounterId = e.id",
                Long.class)
            .setParameter("s", sessionId)
            .getSingleResult();
    long ratings =
        em.createQuery(
                "select count(o) from ObservedRating o, EncounterRater r, Encounter e"
                    + " where e.sessionId = :s and r.encounterId = e.id and o.raterId = r.id",
                Long.class)
            .setParameter("s", sessionId)
            .getSingleResult();
    return new Counts(encounters, raters, ratings);
  }

  /** Every rater of a session's encounters. */
  public List<EncounterRater> raters(long sessionId) {
    return em.createQuery(
            "select r from EncounterRater r, Encounter e"
                + " where e.sessionId = :s and r.encounterId = e.id order by r.id",
            EncounterRater.class)
        .setParameter("s", sessionId)
        .getResultList();
  }

  /** The ratings given to a session's encounters, by rater id. */
  public Map<Long, ObservedRating> ratings(long sessionId) {
    Map<Long, ObservedRating> byRater = new HashMap<>();
    em.createQuery(
            "select o from ObservedRating o, EncounterRater r, Encounter e"
                + " where e.sessionId = :s and r.encounterId = e.id and o.raterId = r.id",
            ObservedRating.class)
        .setParameter("s", sessionId)
        .getResultList()
        .forEach(o -> byRater.put(o.getRaterId(), o));
    return byRater;
  }

  /** How the mail of one link stands. */
  public record LinkMail(int issue, OffsetDateTime sentAt, OffsetDateTime deadAt, String error) {}

  /** The mail queued for the raters of a session, by rater id (the newest issue). */
  public Map<Long, LinkMail> linkMail(long sessionId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT m.rater_id, m.link_issue, m.sent_at, m.dead_at, m.last_error"
                    + " FROM mail_outbox m JOIN encounter_rater r ON r.id = m.rater_id"
                    + " JOIN encounter e ON e.id = r.encounter_id WHERE e.session_id = ?"
                    + " ORDER BY m.link_issue, m.id")
            .setParameter(1, sessionId)
            .getResultList();
    Map<Long, LinkMail> byRater = new HashMap<>();
    for (Object[] r : rows) {
      byRater.put(
          ((Number) r[0]).longValue(),
          new LinkMail(((Number) r[1]).intValue(), time(r[2]), time(r[3]), (String) r[4]));
    }
    return byRater;
  }

  private static OffsetDateTime time(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime t) {
      return t;
    }
    if (value instanceof Timestamp t) {
      return t.toInstant().atOffset(ZoneOffset.UTC);
    }
    if (value instanceof java.time.Instant i) {
      return i.atOffset(ZoneOffset.UTC);
    }
    return OffsetDateTime.parse(value.toString());
  }
}
