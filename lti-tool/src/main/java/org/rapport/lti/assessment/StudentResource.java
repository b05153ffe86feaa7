package org.rapport.lti.assessment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.lti.admin.CurrentAdmin;
import org.rapport.lti.security.Roles;

/**
 * Students of the self-assessment for administrators: look one up, correct their cohort (recorded
 * with who and why), link a pseudonymous student to an LMS user, export or delete a student's data.
 * Every access is audited. Answers and scores never appear here except in the audited export.
 */
@Path("api/admin/students")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Students", description = "Pseudonymous students, cohort corrections, links, deletion")
public class StudentResource {
  @Inject StudentRecords records;
  @Context ContainerRequestContext request;

  @GET
  @Operation(
      summary =
          "Find a student of a tenant by pseudonymous id (?pseudonym=) or LMS user (?subject=)")
  public StudentView find(
      @QueryParam("registration") Long registrationId,
      @QueryParam("pseudonym") String pseudonym,
      @QueryParam("subject") String subject) {
    return records.find(registrationId, pseudonym, subject, CurrentAdmin.of(request));
  }

  @GET
  @Path("{id: [0-9]+}")
  @Operation(summary = "One student with their cohort history")
  public StudentView get(@PathParam("id") long id) {
    return records.get(id, CurrentAdmin.of(request));
  }

  @PUT
  @Path("{id: [0-9]+}/cohort")
  @Operation(
      summary =
          "Move a student to the cohort of another matriculation year; the move is recorded with"
              + " the reason given")
  public StudentView correctCohort(
      @PathParam("id") long id,
      @Valid @NotNull(message = "Send matriculationYear and reason as JSON.")
          CohortCorrectionView body) {
    return records.correctCohort(id, body, CurrentAdmin.of(request));
  }

  @POST
  @Path("links")
  @Operation(
      summary =
          "Link a pseudonymous student (studentId, from an import) to an LMS user (lmsSubject ="
              + " the LTI sub), so imported waves appear in their trajectory")
  public StudentView link(
      @Valid @NotNull(message = "Send registrationId, studentId and lmsSubject as JSON.")
          StudentLinkView body) {
    return records.link(body, CurrentAdmin.of(request));
  }

  @GET
  @Path("{id: [0-9]+}/export")
  @Operation(summary = "Everything stored about one student (answers and scores included); audited")
  public StudentData.Export export(@PathParam("id") long id) {
    return records.export(id, CurrentAdmin.of(request));
  }

  @DELETE
  @Path("{id: [0-9]+}")
  @Operation(
      summary =
          "Delete a student's data: record, responses, answers, scores, cohort history, LMS"
              + " user (name, email), memberships, module progress, reflections, queued grades"
              + " and launch-log entries naming them; one audit row lists what was removed")
  public Map<String, Object> delete(@PathParam("id") long id) {
    StudentData.Deletion deletion = records.delete(id, CurrentAdmin.of(request));
    return Map.of(
        "deleted",
        true,
        "studentId",
        deletion.studentId(),
        "pseudonym",
        deletion.pseudonym(),
        "responses",
        deletion.responses(),
        "removed",
        deletion.removed());
  }
}
