package org.rapport.lti.assessment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.admin.CurrentAdmin;
import org.rapport.lti.registration.TenantDirectory;
import org.rapport.lti.security.Roles;
import org.rapport.lti.web.ConflictException;
import org.rapport.lti.web.ConstraintViolationMapper;
import org.rapport.lti.web.FieldProblems;
import org.rapport.lti.web.InvalidRequestException;
import org.rapport.lti.web.Pages;

/**
 * The administrators' student pages: find a student of a tenant by pseudonymous id or LMS user,
 * correct their cohort, link a pseudonymous student to an LMS user, export or delete their data. A
 * cohort move and a deletion are asked for on a confirmation step first. Every action goes through
 * {@link StudentRecords}, as the JSON API's do, and is audited there.
 */
@Path("admin/students")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.TEXT_HTML)
public class StudentAdminPages {
  static final String CONFIRM = "confirm";
  static final String EDIT = "edit";

  @Inject Pages pages;
  @Inject StudentRecords records;
  @Inject TenantDirectory registrations;
  @Inject Validator validator;
  @Context ContainerRequestContext request;

  @GET
  @Operation(hidden = true)
  public Response lookup(
      @QueryParam("registration") Long registration,
      @QueryParam("by") String by,
      @QueryParam("value") String value) {
    boolean bySubject = "subject".equals(by);
    if (value == null) {
      return page(200, lookupPage(registration, StudentAdminPage.Lookup.EMPTY, null, null));
    }
    String typed = value.strip();
    if (typed.isEmpty()) {
      return page(
          400,
          lookupPage(
              registration,
              new StudentAdminPage.Lookup(
                  bySubject,
                  "",
                  bySubject
                      ? "Type the LMS user's LTI subject (sub) to search for."
                      : "Type the pseudonymous id from the import file to search for."),
              null,
              null));
    }
    if (registration == null) {
      return page(
          400,
          lookupPage(
              null,
              new StudentAdminPage.Lookup(bySubject, typed, null),
              null,
              List.of("Choose the tenant (LMS registration) the student belongs to.")));
    }
    try {
      StudentView found =
          records.find(
              registration,
              bySubject ? null : typed,
              bySubject ? typed : null,
              CurrentAdmin.of(request));
      return page(200, studentPage(found, null, null, null, List.of()));
    } catch (jakarta.ws.rs.NotFoundException missing) {
      return page(
          404,
          lookupPage(
              registration,
              new StudentAdminPage.Lookup(
                  bySubject,
                  typed,
                  "No student of this tenant has this "
                      + (bySubject ? "LMS subject" : "pseudonymous id")
                      + ". Check the tenant and the spelling."),
              null,
              null));
    }
  }

  @GET
  @Path("{id: [0-9]+}")
  @Operation(hidden = true)
  public Response student(@PathParam("id") long id) {
    try {
      return page(
          200, studentPage(records.get(id, CurrentAdmin.of(request)), null, null, null, null));
    } catch (jakarta.ws.rs.NotFoundException missing) {
      return noSuchStudent(id);
    }
  }

  @POST
  @Path("{id: [0-9]+}/cohort")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response correctCohort(
      @PathParam("id") long id,
      @FormParam("matriculationYear") String year,
      @FormParam("reason") String reason,
      @FormParam("decision") String decision) {
    String typedYear = year == null ? "" : year.strip();
    String typedReason = reason == null ? "" : reason;
    StudentView student;
    try {
      student = records.get(id, CurrentAdmin.of(request));
    } catch (jakarta.ws.rs.NotFoundException missing) {
      return noSuchStudent(id);
    }
    CohortCorrectionView body = new CohortCorrectionView(parseYear(typedYear), typedReason);
    FieldProblems problems =
        new FieldProblems(ConstraintViolationMapper.problems(validator.validate(body)));
    if (!problems.isEmpty()) {
      return page(
          400,
          studentPage(
              student,
              null,
              cohortForm(typedYear, typedReason, problems),
              null,
              problems.others(COHORT_FIELDS)));
    }
    if (EDIT.equals(decision)) {
      return page(
          200,
          studentPage(student, null, cohortForm(typedYear, typedReason, problems), null, null));
    }
    if (!CONFIRM.equals(decision)) {
      return confirmPage(
          new StudentConfirmPage(student, tenantName(student), false, typedYear, typedReason));
    }
    try {
      StudentView moved = records.correctCohort(id, body, CurrentAdmin.of(request));
      return page(
          200,
          studentPage(
              moved,
              "The student is now in the cohort of "
                  + moved.cohort()
                  + "; the move is in their history.",
              null,
              null,
              null));
    } catch (InvalidRequestException refused) {
      FieldProblems why = new FieldProblems(refused.problems());
      return page(
          400,
          studentPage(
              student,
              null,
              cohortForm(typedYear, typedReason, why),
              null,
              why.others(COHORT_FIELDS)));
    }
  }

  @POST
  @Path("links")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response link(
      @FormParam("registrationId") String registration,
      @FormParam("studentId") String studentId,
      @FormParam("lmsSubject") String lmsSubject) {
    Long tenant = parseId(registration);
    StudentLinkView body = new StudentLinkView(tenant, studentId, lmsSubject);
    FieldProblems problems =
        new FieldProblems(ConstraintViolationMapper.problems(validator.validate(body)));
    if (problems.isEmpty()) {
      try {
        StudentView linked = records.link(body, CurrentAdmin.of(request));
        return page(
            200,
            studentPage(
                linked,
                "Pseudonymous id "
                    + linked.pseudonym()
                    + " is linked to LMS user "
                    + linked.lmsSubject()
                    + ".",
                null,
                null,
                null));
      } catch (InvalidRequestException refused) {
        problems = new FieldProblems(refused.problems());
      } catch (jakarta.ws.rs.NotFoundException missing) {
        problems = new FieldProblems(List.of("studentId: " + missing.getMessage()));
      } catch (ConflictException conflict) {
        problems = new FieldProblems(conflict.problems());
      }
    }
    StudentAdminPage.LinkForm form =
        new StudentAdminPage.LinkForm(
            nz(studentId),
            nz(lmsSubject),
            problems.of("registrationId"),
            problems.of("studentId"),
            problems.of("lmsSubject"));
    StudentAdminPage page =
        lookupPage(tenant, StudentAdminPage.Lookup.EMPTY, form, problems.others(LINK_FIELDS));
    return page(problems.isEmpty() ? 200 : 400, page);
  }

  @GET
  @Path("{id: [0-9]+}/export")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(hidden = true)
  public Response export(@PathParam("id") long id) {
    StudentData.Export export = records.export(id, CurrentAdmin.of(request));
    return Response.ok(export)
        .header("Content-Disposition", "attachment; filename=\"student-" + id + ".json\"")
        .header("Cache-Control", "no-store")
        .build();
  }

  @POST
  @Path("{id: [0-9]+}/delete")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response delete(@PathParam("id") long id, @FormParam("decision") String decision) {
    StudentView student;
    try {
      student = records.get(id, CurrentAdmin.of(request));
    } catch (jakarta.ws.rs.NotFoundException missing) {
      return noSuchStudent(id);
    }
    if (!CONFIRM.equals(decision)) {
      return confirmPage(new StudentConfirmPage(student, tenantName(student), true, "", ""));
    }
    StudentData.Deletion deletion = records.delete(id, CurrentAdmin.of(request));
    int removed = deletion.removed().values().stream().mapToInt(Integer::intValue).sum();
    StudentAdminPage page =
        lookupPage(student.registrationId(), StudentAdminPage.Lookup.EMPTY, null, null);
    return page(
        200,
        new StudentAdminPage(
            "Student "
                + deletion.pseudonym()
                + " is deleted: their record, "
                + deletion.responses()
                + " response(s) and "
                + removed
                + " other row(s) about them. The audit log lists what was removed.",
            page.problems(),
            page.tenants(),
            page.lookup(),
            null,
            null,
            page.cohortForm(),
            page.linkForm()));
  }

  private static final Set<String> COHORT_FIELDS = Set.of("matriculationYear", "reason");
  private static final Set<String> LINK_FIELDS =
      Set.of("registrationId", "studentId", "lmsSubject");

  private Response noSuchStudent(long id) {
    return page(
        404,
        lookupPage(
            null,
            StudentAdminPage.Lookup.EMPTY,
            null,
            List.of("There is no student " + id + "; they may have been deleted. Search again.")));
  }

  private StudentAdminPage lookupPage(
      Long registration,
      StudentAdminPage.Lookup lookup,
      StudentAdminPage.LinkForm linkForm,
      List<String> problems) {
    return new StudentAdminPage(
        null,
        problems == null ? List.of() : problems,
        tenants(registration),
        lookup,
        null,
        null,
        StudentAdminPage.CohortForm.EMPTY,
        linkForm == null ? StudentAdminPage.LinkForm.EMPTY : linkForm);
  }

  private StudentAdminPage studentPage(
      StudentView student,
      String notice,
      StudentAdminPage.CohortForm cohortForm,
      StudentAdminPage.LinkForm linkForm,
      List<String> problems) {
    return new StudentAdminPage(
        notice,
        problems == null ? List.of() : problems,
        tenants(student.registrationId()),
        new StudentAdminPage.Lookup(false, nz(student.pseudonym()), null),
        student,
        tenantName(student),
        cohortForm == null ? StudentAdminPage.CohortForm.EMPTY : cohortForm,
        linkForm == null
            ? new StudentAdminPage.LinkForm(
                nz(student.pseudonym()), nz(student.lmsSubject()), null, null, null)
            : linkForm);
  }

  private static StudentAdminPage.CohortForm cohortForm(
      String year, String reason, FieldProblems problems) {
    return new StudentAdminPage.CohortForm(
        year, reason, problems.of("matriculationYear"), problems.of("reason"));
  }

  private List<StudentAdminPage.TenantOption> tenants(Long selected) {
    return registrations.all().stream()
        .map(
            r ->
                new StudentAdminPage.TenantOption(
                    r.id(), r.name(), selected != null && r.id() == selected))
        .toList();
  }

  private String tenantName(StudentView student) {
    return registrations
        .name(student.registrationId())
        .orElse("tenant " + student.registrationId());
  }

  private Response confirmPage(StudentConfirmPage page) {
    String title =
        page.deletion()
            ? "Delete student " + page.student().pseudonym() + "?"
            : "Move student " + page.student().pseudonym() + "?";
    return Response.ok(pages.render("admin-student-confirm", title, page))
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .header("Cache-Control", "no-store")
        .build();
  }

  private Response page(int status, StudentAdminPage page) {
    String title = page.student() == null ? "Students" : "Student " + page.student().pseudonym();
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .header("Cache-Control", "no-store")
        .entity(pages.render("admin-students", title, page))
        .build();
  }

  private static Integer parseYear(String year) {
    return year.matches("[0-9]{4}") ? Integer.valueOf(year) : null;
  }

  private static Long parseId(String id) {
    return id != null && id.strip().matches("[0-9]{1,18}") ? Long.valueOf(id.strip()) : null;
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }
}
