package org.rapport.lti.grades;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.lti.security.Roles;

/** JSON API over the score outbox: counts and lists per registration, resending dead letters. */
@Path("api/admin/scores")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Grades", description = "Scores sent to the LMS gradebooks (AGS)")
public class ScoresAdminResource {
  static final int MAX_LIMIT = 1000;

  @Inject ScoreReports reports;
  @Inject ScoreOutbox outbox;

  @GET
  @Operation(summary = "Queued, delivered, dead-lettered and superseded scores per registration")
  public List<ScoreCountsView> summary() {
    return reports.summary();
  }

  @GET
  @Path("registrations/{id: [0-9]+}")
  @Operation(
      summary = "A registration's score counts and its latest queued, delivered and dead-lettered")
  public ScoreReportView report(
      @PathParam("id") long id, @QueryParam("limit") @DefaultValue("50") int limit) {
    return reports
        .report(id, Math.max(1, Math.min(limit, MAX_LIMIT)))
        .orElseThrow(() -> notFound("There is no registration with id " + id + "."));
  }

  @POST
  @Path("{id: [0-9]+}/resend")
  @Operation(summary = "Queue a dead-lettered score again (after fixing its cause)")
  public Map<String, Object> resend(@PathParam("id") long id) {
    if (outbox.registrationOf(id) < 0) {
      throw notFound("There is no score with id " + id + ".");
    }
    if (!outbox.resend(id)) {
      throw new ClientErrorException(
          Response.status(409)
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(
                  Map.of(
                      "status",
                      409,
                      "error",
                      "Score "
                          + id
                          + " is not in the dead-letter list; only dead letters are"
                          + " resent."))
              .build());
    }
    return Map.of("resent", 1);
  }

  @POST
  @Path("registrations/{id: [0-9]+}/resend")
  @Operation(summary = "Queue every dead-lettered score of a registration again")
  public Map<String, Object> resendAll(@PathParam("id") long id) {
    if (reports.report(id, 1).isEmpty()) {
      throw notFound("There is no registration with id " + id + ".");
    }
    return Map.of("resent", outbox.resendAll(id));
  }

  private static NotFoundException notFound(String message) {
    return new NotFoundException(
        message,
        Response.status(404)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("status", 404, "error", message))
            .build());
  }
}
