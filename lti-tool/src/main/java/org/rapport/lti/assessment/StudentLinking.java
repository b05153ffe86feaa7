package org.rapport.lti.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.rapport.lti.audit.AuditAction;
import org.rapport.lti.audit.AuditLog;
import org.rapport.lti.cohorts.Cohort;
import org.rapport.lti.cohorts.CohortSource;
import org.rapport.lti.cohorts.Cohorts;
import org.rapport.lti.cohorts.Student;
import org.rapport.lti.cohorts.Students;
import org.rapport.lti.cohorts.Waves;

/**
 * Links a pseudonymous student (known from an import, by the institution's pseudonymous id) to the
 * LMS user who launches Rapport, so that the student sees their imported waves in their trajectory.
 * Two ways lead here: an administrator's link (admin API) or the custom parameter {@code
 * rapport_student_id} in the launch. When the LMS user already has a record of their own (they used
 * Rapport before the link), its responses, history and consent move to the linked record, unless
 * both hold a response to the same wave.
 */
@ApplicationScoped
@Transactional
public class StudentLinking {
  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Inject Students students;
  @Inject Cohorts cohorts;
  @Inject Waves waves;
  @Inject Responses responses;
  @Inject AuditLog audit;

  /** Why a link was not made. */
  public static class LinkRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean notFound;

    LinkRefused(String message, boolean notFound) {
      super(message);
      this.notFound = notFound;
    }

    public boolean notFound() {
      return notFound;
    }
  }

  /**
   * Links the student known as {@code pseudonym} to the LMS user {@code subject}.
   *
   * @param createMissing create the pseudonymous record when it does not exist (launch parameter);
   *     an administrator's link refuses instead
   * @return the linked student
   * @throws LinkRefused when the pseudonym is unknown (and not created), already linked to another
   *     LMS user, or both records answered the same wave
   */
  public Student link(
      long registrationId, String pseudonym, String subject, boolean createMissing, String by) {
    Optional<Student> found = students.byPseudonym(registrationId, pseudonym);
    Optional<Student> own = students.bySubject(registrationId, subject);
    if (found.isEmpty()) {
      if (!createMissing) {
        throw new LinkRefused(
            "There is no student with pseudonymous id "
                + pseudonym
                + " in this tenant. Import their results first, or check the id.",
            true);
      }
      if (own.isPresent() && own.get().getPseudonym().startsWith("r-")) {
        // The LMS user's own record takes the institution's id.
        em.createQuery("update Student s set s.pseudonym = :p where s.id = :id")
            .setParameter("p", pseudonym)
            .setParameter("id", own.get().getId())
            .executeUpdate();
        audited(by, registrationId, own.get().getId(), pseudonym);
        return students.find(own.get().getId()).orElseThrow();
      }
      found = Optional.of(students.ensureForPseudonym(registrationId, pseudonym));
    }
    Student target = students.lock(found.get().getId()).orElseThrow();
    if (subject.equals(target.getLmsSubject())) {
      return target;
    }
    if (target.getLmsSubject() != null) {
      throw new LinkRefused(
          "The student with pseudonymous id "
              + pseudonym
              + " is already linked to another LMS user; unlink or delete that record first.",
          false);
    }
    if (own.isPresent() && !own.get().getId().equals(target.getId())) {
      merge(students.lock(own.get().getId()).orElseThrow(), target, by);
    }
    students.link(target, subject);
    audited(by, registrationId, target.getId(), pseudonym);
    return target;
  }

  private void merge(Student from, Student into, String by) {
    List<AssessmentResponse> theirs = responses.of(into.getId());
    Set<String> taken = new HashSet<>();
    for (AssessmentResponse r : theirs) {
      taken.add(r.getWaveId() + "/" + r.getInstrumentId());
    }
    List<AssessmentResponse> moving = responses.of(from.getId());
    List<String> clashes =
        moving.stream()
            .filter(r -> taken.contains(r.getWaveId() + "/" + r.getInstrumentId()))
            .map(r -> waves.find(r.getWaveId()).map(w -> waves.stage(w).label()).orElse("a wave"))
            .collect(Collectors.toList());
    if (!clashes.isEmpty()) {
      throw new LinkRefused(
          "Both records hold a response to the same wave ("
              + String.join(", ", clashes)
              + "); delete one of them first so that no answers are lost by accident.",
          false);
    }
    for (AssessmentResponse r : moving) {
      r.reassign(into.getId());
    }
    students.moveHistory(from, into);
    into.takeConsentFrom(from);
    if (from.getCohortId() != null
        && (into.getCohortId() == null
            || from.getCohortSource() == CohortSource.ADMIN
            || from.getCohortSource() == CohortSource.LTI)) {
      Cohort cohort = cohorts.find(from.getCohortId()).orElseThrow();
      students.placeIn(
          into,
          cohort,
          from.getCohortSource(),
          by,
          "Taken over from the LMS user's own record when it was linked to pseudonymous id "
              + into.getPseudonym()
              + ".");
    }
    students.unlink(from);
    em.flush();
    students.delete(from);
  }

  private void audited(String by, long registrationId, long studentId, String pseudonym) {
    if (by.startsWith("admin ")) {
      audit.admin(
          by, AuditAction.STUDENT_LINKED, registrationId, studentId, "pseudonym " + pseudonym);
    } else {
      audit.system(
          by, AuditAction.STUDENT_LINKED, registrationId, studentId, "pseudonym " + pseudonym);
    }
  }
}
