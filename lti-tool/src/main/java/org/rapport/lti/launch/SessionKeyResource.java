package org.rapport.lti.launch;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.lti.admin.CurrentAdmin;
import org.rapport.lti.security.Roles;

/**
 * Admin API: rotate the key that signs launched users' session tokens. The previous key keeps
 * verifying, so nobody is signed out; a second rotation waits until every token of the first
 * predecessor has expired ({@code rapport.session.minutes}).
 */
@Path("api/admin/session-keys")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tool keys")
public class SessionKeyResource {
  @Inject RotateSessionKey rotation;
  @Context ContainerRequestContext context;

  @POST
  @Path("rotate")
  @Operation(summary = "Sign new session tokens with a new key; the previous key still verifies")
  public Map<String, Object> rotate() {
    OffsetDateTime verifiesUntil;
    try {
      verifiesUntil = rotation.rotate(CurrentAdmin.of(context));
    } catch (RotateSessionKey.Refused refused) {
      throw new ClientErrorException(
          Response.status(409)
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(Map.of("status", 409, "error", refused.getMessage()))
              .build());
    }
    return Map.of(
        "rotated", ToolSessions.KEY, "previousKeyVerifiesUntil", verifiesUntil.toString());
  }
}
