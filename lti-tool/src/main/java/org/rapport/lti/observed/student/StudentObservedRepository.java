package org.rapport.lti.observed.student;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.rapport.curriculum.instruments.RaterType;
import org.rapport.lti.launch.CourseRole;
import org.rapport.lti.launch.Learner;
import org.rapport.lti.observed.Encounter;
import org.rapport.lti.observed.SessionOrigin;

/**
 * What the student's observed-practice pages read beyond {@link
 * org.rapport.lti.observed.ObservedRepository}: a student's encounters, a course's students, and a
 * student's open peer requests.
 */
@ApplicationScoped
public class StudentObservedRepository {
  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  /** Every encounter of a student, in any session; the use case checks tenant and release. */
  public List<Encounter> encountersOf(long studentId) {
    return em.createQuery(
            "select e from Encounter e where e.studentId = :s order by e.id", Encounter.class)
        .setParameter("s", studentId)
        .getResultList();
  }

  /** The LMS subject of a learner of a tenant; empty for another tenant's learner. */
  public Optional<String> subjectOf(long registrationId, long learnerId) {
    return Optional.ofNullable(em.find(Learner.class, learnerId))
        .filter(l -> l.getRegistrationId() == registrationId)
        .map(Learner::getSubject);
  }

  /** A classmate: a learner's id and the name the LMS gave. */
  public record Classmate(long learnerId, String name) {}

  /** The active students of a course other than {@code learnerId}, by name. */
  public List<Classmate> classmates(long courseId, long learnerId) {
    return em
        .createQuery(
            "select l from Learner l, Membership m where m.courseId = :c and m.learnerId = l.id"
                + " and m.active = true and m.role = :role and l.id <> :me order by l.name, l.id",
            Learner.class)
        .setParameter("c", courseId)
        .setParameter("role", CourseRole.STUDENT)
        .setParameter("me", learnerId)
        .getResultList()
        .stream()
        .map(
            l ->
                new Classmate(
                    l.getId(),
                    l.getName() == null || l.getName().isBlank() ? "Unnamed student" : l.getName()))
        .toList();
  }

  /**
   * The raters of a student's peer requests for one practice (module and station) who have not
   * rated yet, by their learner id.
   */
  public List<Long> openPeerRequests(long studentId, String moduleId, String station) {
    return em.createQuery(
            "select r.learnerId from EncounterRater r, Encounter e, EncounterSession s"
                + " where e.studentId = :st and e.moduleId = :m and e.station = :station"
                + " and s.id = e.sessionId and s.origin = :origin and r.encounterId = e.id"
                + " and r.raterType = :peer"
                + " and not exists (select o from ObservedRating o where o.raterId = r.id)",
            Long.class)
        .setParameter("st", studentId)
        .setParameter("m", moduleId)
        .setParameter("station", station)
        .setParameter("origin", SessionOrigin.PEER_REQUEST)
        .setParameter("peer", RaterType.PEER)
        .getResultList();
  }
}
