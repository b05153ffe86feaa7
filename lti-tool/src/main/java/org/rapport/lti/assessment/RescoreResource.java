package org.rapport.lti.assessment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.lti.admin.CurrentAdmin;
import org.rapport.lti.security.Roles;
import org.rapport.lti.web.ConflictException;
import org.rapport.lti.web.InvalidRequestException;

/** Re-scoring with another definition version, an explicit administrator action. */
@Path("api/admin/rescoring")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Scoring", description = "Re-scoring and reliability")
public class RescoreResource {
  @Inject Rescoring rescoring;
  @Context ContainerRequestContext request;

  /** A past run. */
  public record RunView(
      long id,
      String instrument,
      int fromVersion,
      int toVersion,
      String requestedBy,
      String requestedAt,
      int rescored) {}

  @POST
  @Operation(
      summary =
          "Score every submitted or imported response to instrument version fromVersion again"
              + " with version toVersion; earlier scores are kept, the new one becomes current")
  public Rescoring.Outcome rescore(RescoreRequestView body) {
    if (body == null) {
      throw new InvalidRequestException(
          List.of("Send instrument, fromVersion and toVersion as JSON."));
    }
    try {
      return rescoring.rescore(body, CurrentAdmin.of(request));
    } catch (Rescoring.RescoreRefused refused) {
      throw new ConflictException(refused.getMessage());
    }
  }

  @GET
  @Operation(summary = "The latest re-scoring runs")
  public List<RunView> runs() {
    return rescoring.runs().stream()
        .map(
            r ->
                new RunView(
                    r.getId(),
                    r.getInstrumentId(),
                    r.getFromVersion(),
                    r.getToVersion(),
                    r.getRequestedBy(),
                    r.getRequestedAt().toString(),
                    r.getResponsesRescored()))
        .toList();
  }
}
