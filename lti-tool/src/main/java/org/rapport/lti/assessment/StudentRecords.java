package org.rapport.lti.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import org.rapport.curriculum.cohorts.MatriculationYear;
import org.rapport.lti.audit.AuditAction;
import org.rapport.lti.audit.AuditLog;
import org.rapport.lti.cohorts.Cohort;
import org.rapport.lti.cohorts.CohortMove;
import org.rapport.lti.cohorts.CohortSource;
import org.rapport.lti.cohorts.Cohorts;
import org.rapport.lti.cohorts.Student;
import org.rapport.lti.cohorts.Students;
import org.rapport.lti.registration.RegistrationRepository;
import org.rapport.lti.settings.RapportSettings;
import org.rapport.lti.web.ConflictException;
import org.rapport.lti.web.InvalidRequestException;
import org.rapport.lti.web.MissingException;

/**
 * Administrators' work on students of the self-assessment, each in one transaction: look one up,
 * correct their cohort (recorded with who and why), link a pseudonymous student to an LMS user,
 * export or delete a student's data. Every access is audited, in the same transaction as what it
 * records. Answers and scores never appear here except in the audited export.
 */
@ApplicationScoped
@Transactional
public class StudentRecords {
  @Inject Students students;
  @Inject Cohorts cohorts;
  @Inject Responses responses;
  @Inject StudentLinking linking;
  @Inject StudentData data;
  @Inject AuditLog audit;
  @Inject RegistrationRepository registrations;
  @Inject RapportSettings settings;

  /**
   * The student of tenant {@code registrationId} with this pseudonymous id or LMS subject (exactly
   * one of them); the look-up is audited.
   */
  public StudentView find(Long registrationId, String pseudonym, String subject, String admin) {
    if (registrationId == null || ((pseudonym == null) == (subject == null))) {
      throw new InvalidRequestException(
          List.of(
              "Give the tenant (?registration=id) and either ?pseudonym= or ?subject= to find a"
                  + " student."));
    }
    Optional<Student> found =
        pseudonym != null
            ? students.byPseudonym(registrationId, pseudonym)
            : students.bySubject(registrationId, subject);
    Student student =
        found.orElseThrow(() -> new MissingException("No student of this tenant matches."));
    audit.admin(admin, AuditAction.STUDENT_VIEWED, registrationId, student.getId(), null);
    return view(student);
  }

  /** One student with their cohort history; the look-up is audited. */
  public StudentView get(long id, String admin) {
    Student student = student(id);
    audit.admin(admin, AuditAction.STUDENT_VIEWED, student.getRegistrationId(), id, null);
    return view(student);
  }

  /**
   * Moves a student to the cohort of another matriculation year, recording who moved them and why.
   */
  public StudentView correctCohort(long id, CohortCorrectionView body, String admin) {
    Student student = student(id);
    Optional<String> implausible =
        MatriculationYear.problem(body.matriculationYear(), Year.from(settings.today()));
    if (implausible.isPresent()) {
      throw new InvalidRequestException(List.of("matriculationYear: " + implausible.get() + "."));
    }
    MatriculationYear year = new MatriculationYear(body.matriculationYear());
    Cohort cohort = cohorts.findOrCreate(student.getRegistrationId(), year);
    boolean moved =
        students.placeIn(student, cohort, CohortSource.ADMIN, admin, body.reason().strip());
    audit.admin(
        admin,
        AuditAction.COHORT_CORRECTED,
        student.getRegistrationId(),
        id,
        moved ? "moved to the cohort of " + year : "already in the cohort of " + year);
    return view(students.find(id).orElseThrow());
  }

  /** Links a pseudonymous student (from an import) to an LMS user of the same tenant. */
  public StudentView link(StudentLinkView body, String admin) {
    if (registrations.find(body.registrationId()).isEmpty()) {
      throw new InvalidRequestException(
          List.of(
              "registrationId: there is no registration (tenant) with id "
                  + body.registrationId()
                  + "."));
    }
    try {
      Student linked =
          linking.link(
              body.registrationId(),
              body.studentId().strip(),
              body.lmsSubject().strip(),
              false,
              admin);
      return view(students.find(linked.getId()).orElseThrow());
    } catch (StudentLinking.LinkRefused refused) {
      if (refused.notFound()) {
        throw new MissingException(refused.getMessage());
      }
      throw new ConflictException(refused.getMessage());
    }
  }

  /** Everything stored about one student, answers and scores included; audited. */
  public StudentData.Export export(long id, String admin) {
    Student student = student(id);
    StudentData.Export export = data.export(student, false);
    audit.admin(
        admin,
        AuditAction.STUDENT_EXPORTED_BY_ADMIN,
        student.getRegistrationId(),
        id,
        export.responses().size() + " responses");
    return export;
  }

  /** Deletes a student's data; one audit row lists what was removed. */
  public StudentData.Deletion delete(long id, String admin) {
    return data.delete(id, admin)
        .orElseThrow(() -> new MissingException("There is no student " + id + "."));
  }

  private Student student(long id) {
    return students
        .find(id)
        .orElseThrow(() -> new MissingException("There is no student " + id + "."));
  }

  private StudentView view(Student s) {
    Integer year =
        Optional.ofNullable(s.getCohortId())
            .flatMap(cohorts::find)
            .map(Cohort::getMatriculationYear)
            .orElse(null);
    List<StudentView.MoveView> history =
        students.history(s.getId()).stream().map(this::move).toList();
    return new StudentView(
        s.getId(),
        s.getRegistrationId(),
        s.getPseudonym(),
        s.getLmsSubject(),
        year,
        s.getCohortSource() == null ? null : s.getCohortSource().name(),
        s.getConsentAt() == null ? null : s.getConsentAt().toString(),
        responses.of(s.getId()).size(),
        history);
  }

  private StudentView.MoveView move(CohortMove m) {
    return new StudentView.MoveView(
        m.getFromCohortId() == null
            ? null
            : cohorts.find(m.getFromCohortId()).map(Cohort::getMatriculationYear).orElse(null),
        cohorts.find(m.getToCohortId()).map(Cohort::getMatriculationYear).orElse(null),
        m.getSource().name(),
        m.getMovedBy(),
        m.getReason(),
        m.getMovedAt().toString());
  }
}
