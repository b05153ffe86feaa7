package org.rapport.lti.launch;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.lti.security.Roles;

/** Admin API: the launch log. */
@Path("api/admin")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Launches")
public class LaunchLogResource {
  @Inject LaunchLog log;

  /** One launch as the log shows it. */
  public record LaunchView(
      String occurredAt,
      boolean accepted,
      String failure,
      String reason,
      String detail,
      String issuer,
      String clientId,
      Long registrationId,
      String deploymentId,
      String messageType) {}

  @GET
  @Path("launches")
  @Operation(summary = "The most recent launches, with the failed check for each rejection")
  public List<LaunchView> launches(@QueryParam("limit") @DefaultValue("50") int limit) {
    int bounded = Math.max(1, Math.min(limit, 500));
    return log.recent(bounded).stream()
        .map(
            l ->
                new LaunchView(
                    l.getOccurredAt().toString(),
                    l.isAccepted(),
                    l.getFailure(),
                    l.getFailure() == null
                        ? null
                        : org.rapport.lti.protocol.LaunchFailure.valueOf(l.getFailure()).sentence(),
                    l.getDetail(),
                    l.getIssuer(),
                    l.getClientId(),
                    l.getRegistrationId(),
                    l.getDeploymentId(),
                    l.getMessageType()))
        .toList();
  }
}
