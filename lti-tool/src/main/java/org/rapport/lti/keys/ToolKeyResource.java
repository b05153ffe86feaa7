package org.rapport.lti.keys;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.lti.protocol.keys.Rotation;
import org.rapport.lti.protocol.keys.ToolKeyRing;
import org.rapport.lti.security.Roles;

/** Admin API: see the tool keys' life spans and rotate them. */
@Path("api/admin/keys")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tool keys")
public class ToolKeyResource {
  @Inject ToolKeys keys;

  /** Why keys supplied by the operator are not rotated here. */
  public static final String CONFIGURED_KEYS =
      "The tool keys come from the configuration (rapport.secrets.tool-keys); rotate them there.";

  @Inject RotateToolKeys rotations;
  @jakarta.ws.rs.core.Context jakarta.ws.rs.container.ContainerRequestContext context;

  /** One key's public facts (never its private part). */
  public record ToolKeyView(String kid, String activatesAt, String retiresAt, boolean signing) {}

  @GET
  @Operation(summary = "The tool keys: which signs now, which are published, when each retires")
  public List<ToolKeyView> list() {
    ToolKeyRing ring = keys.ring();
    String signing = ring.signingKey().kid();
    return ring.keys().stream()
        .map(
            k ->
                new ToolKeyView(
                    k.kid(),
                    k.activatesAt().toString(),
                    k.retiresAt() == null ? null : k.retiresAt().toString(),
                    k.kid().equals(signing)))
        .toList();
  }

  @POST
  @Path("rotate")
  @Operation(summary = "Publish a new key now; it signs after the overlap and the old key retires")
  public Map<String, Object> rotate() {
    Rotation rotation;
    try {
      rotation = rotations.rotate(org.rapport.lti.admin.CurrentAdmin.of(context));
    } catch (RotateToolKeys.Refused refused) {
      throw new jakarta.ws.rs.ClientErrorException(
          jakarta.ws.rs.core.Response.status(409)
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(
                  Map.of(
                      "status",
                      409,
                      "error",
                      refused.reason() == RotateToolKeys.Refusal.CONFIGURED
                          ? CONFIGURED_KEYS
                          : "A rotation is already in progress: the next key is published and"
                              + " starts signing at its activation time. Rotate again after"
                              + " that."))
              .build());
    }
    return Map.of(
        "published", rotation.next().kid(),
        "activatesAt", rotation.next().activatesAt().toString(),
        "retiring", rotation.retiring().map(k -> k.kid()).orElse(""),
        "retiresAt", rotation.retiresAt().map(Object::toString).orElse(""));
  }
}
