package org.rapport.lti.modules;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.launch.CurrentUser;
import org.rapport.lti.security.Roles;

/**
 * A student's own reflections as one Markdown file to keep: the only way reflections leave Rapport,
 * and only to the student who wrote them. Each export is written to the audit log.
 */
@Path("app/reflections")
@RolesAllowed(Roles.LAUNCHED_USER)
public class ReflectionsResource {
  @Inject ExportReflections reflections;
  @Context ContainerRequestContext request;

  @GET
  @Path("export")
  @Operation(hidden = true)
  public Response export() {
    return Response.ok(reflections.markdown(CurrentUser.of(request)))
        .type("text/markdown; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"rapport-reflections.md\"")
        .header("Cache-Control", "no-store")
        .build();
  }
}
