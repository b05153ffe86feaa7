package org.rapport.lti.console;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.lti.security.Roles;

/** The status panel of the administration page, for scripts and monitoring. */
@Path("api/admin/status")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Status", description = "Mail server, grade queue, open waves, alert evaluation")
public class StatusResource {
  @Inject SystemStatus status;

  @GET
  @Operation(
      summary =
          "Whether the SMTP server answers now (short timeout), grades queued and dead-lettered,"
              + " waves open today and when alerts were last evaluated, over all tenants")
  public StatusView status() {
    return status.now();
  }
}
