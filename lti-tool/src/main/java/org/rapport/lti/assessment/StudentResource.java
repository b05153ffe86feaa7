package org.rapport.lti.assessment;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.curriculum.cohorts.MatriculationYear;
import org.rapport.lti.admin.AdminOnly;
import org.rapport.lti.admin.ConflictException;
import org.rapport.lti.admin.CurrentAdmin;
import org.rapport.lti.admin.InvalidRequestException;
import org.rapport.lti.admin.MissingException;
import org.rapport.lti.admin.RegistrationRepository;
import org.rapport.lti.audit.AuditAction;
import org.rapport.lti.audit.AuditLog;
import org.rapport.lti.cohorts.Cohort;
import org.rapport.lti.cohorts.CohortMove;
import org.rapport.lti.cohorts.CohortSource;
import org.rapport.lti.cohorts.Cohorts;
import org.rapport.lti.cohorts.Student;
import org.rapport.lti.cohorts.Students;
import org.rapport.lti.settings.RapportSettings;

/**
 * Students of the self-assessment for administrators: look one up, correct their cohort (recorded
 * with who and why), link a pseudonymous student to an LMS user, export or delete a student's data.
 * Every access is audited. Answers and scores never appear here except in the audited export.
 */
@Path("api/admin/students")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Students", description = "Pseudonymous students, cohort corrections, links, deletion")
@Transactional
public class StudentResource {
  @Inject Students students;
  @Inject Cohorts cohorts;
  @Inject Responses responses;
  @Inject StudentLinking linking;
  @Inject StudentData data;
  @Inject AuditLog audit;
  @Inject RegistrationRepository registrations;
  @Inject RapportSettings settings;
  @Context ContainerRequestContext request;

  @GET
  @Operation(
      summary =
          "Find a student of a tenant by pseudonymous id (?pseudonym=) or LMS user (?subject=)")
  public StudentView find(
      @QueryParam("registration") Long registrationId,
      @QueryParam("pseudonym") String pseudonym,
      @QueryParam("subject") String subject) {
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
    audit.admin(
        CurrentAdmin.of(request),
        AuditAction.STUDENT_VIEWED,
        registrationId,
        student.getId(),
        null);
    return view(student);
  }

  @GET
  @Path("{id: [0-9]+}")
  @Operation(summary = "One student with their cohort history")
  public StudentView get(@PathParam("id") long id) {
    Student student = student(id);
    audit.admin(
        CurrentAdmin.of(request),
        AuditAction.STUDENT_VIEWED,
        student.getRegistrationId(),
        id,
        null);
    return view(student);
  }

  @PUT
  @Path("{id: [0-9]+}/cohort")
  @Operation(
      summary =
          "Move a student to the cohort of another matriculation year; the move is recorded with"
              + " the reason given")
  public StudentView correctCohort(@PathParam("id") long id, StudentRequestView body) {
    Student student = student(id);
    if (body == null) {
      throw new InvalidRequestException(List.of("Send matriculationYear and reason as JSON."));
    }
    List<String> problems = new java.util.ArrayList<>();
    MatriculationYear year = null;
    if (body.matriculationYear() == null) {
      problems.add("matriculationYear: give the year the student started medical school.");
    } else {
      Optional<String> p =
          MatriculationYear.problem(body.matriculationYear(), Year.from(settings.today()));
      if (p.isPresent()) {
        problems.add("matriculationYear: " + p.get() + ".");
      } else {
        year = new MatriculationYear(body.matriculationYear());
      }
    }
    if (body.reason() == null || body.reason().isBlank()) {
      problems.add(
          "reason: say why the student moves, e.g. 'repeating year 2'; it is kept in the"
              + " history.");
    } else if (body.reason().length() > 1000) {
      problems.add("reason: use at most 1000 characters.");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    Cohort cohort = cohorts.findOrCreate(student.getRegistrationId(), year);
    String admin = CurrentAdmin.of(request);
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

  @POST
  @Path("links")
  @Operation(
      summary =
          "Link a pseudonymous student (studentId, from an import) to an LMS user (lmsSubject ="
              + " the LTI sub), so imported waves appear in their trajectory")
  public StudentView link(StudentRequestView body) {
    if (body == null) {
      throw new InvalidRequestException(
          List.of("Send registrationId, studentId and lmsSubject as JSON."));
    }
    List<String> problems = new java.util.ArrayList<>();
    if (body.registrationId() == null) {
      problems.add("registrationId: give the tenant's registration id.");
    } else if (registrations.find(body.registrationId()).isEmpty()) {
      problems.add(
          "registrationId: there is no registration (tenant) with id "
              + body.registrationId()
              + ".");
    }
    if (body.studentId() == null || !body.studentId().strip().matches("[A-Za-z0-9._:-]{1,64}")) {
      problems.add(
          "studentId: give the pseudonymous id from the import file (1 to 64 letters, digits,"
              + " dots, dashes, underscores or colons).");
    }
    if (body.lmsSubject() == null
        || body.lmsSubject().isBlank()
        || body.lmsSubject().length() > 255) {
      problems.add("lmsSubject: give the LMS user's LTI subject (sub), at most 255 characters.");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    try {
      Student linked =
          linking.link(
              body.registrationId(),
              body.studentId().strip(),
              body.lmsSubject().strip(),
              false,
              CurrentAdmin.of(request));
      return view(students.find(linked.getId()).orElseThrow());
    } catch (StudentLinking.LinkRefused refused) {
      if (refused.notFound()) {
        throw new MissingException(refused.getMessage());
      }
      throw new ConflictException(refused.getMessage());
    }
  }

  @GET
  @Path("{id: [0-9]+}/export")
  @Operation(summary = "Everything stored about one student (answers and scores included); audited")
  public StudentData.Export export(@PathParam("id") long id) {
    Student student = student(id);
    StudentData.Export export = data.export(student);
    audit.admin(
        CurrentAdmin.of(request),
        AuditAction.STUDENT_EXPORTED_BY_ADMIN,
        student.getRegistrationId(),
        id,
        export.responses().size() + " responses");
    return export;
  }

  @DELETE
  @Path("{id: [0-9]+}")
  @Operation(
      summary =
          "Delete a student's data: record, responses, answers, scores and cohort history;"
              + " audited")
  public Map<String, Object> delete(@PathParam("id") long id) {
    StudentData.Deletion deletion =
        data.delete(id, CurrentAdmin.of(request))
            .orElseThrow(() -> new MissingException("There is no student " + id + "."));
    return Map.of(
        "deleted",
        true,
        "studentId",
        deletion.studentId(),
        "pseudonym",
        deletion.pseudonym(),
        "responses",
        deletion.responses());
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
