package org.rapport.lti.imports;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.lti.admin.CurrentAdmin;
import org.rapport.lti.security.Roles;

/** The research export of pseudonymous responses. Administrators only; every export is audited. */
@Path("api/admin/exports/responses.csv")
@RolesAllowed(Roles.ADMINISTRATOR)
@Tag(name = "Imports and exports", description = "Historical results in, research data out")
public class ResponsesExportResource {
  @Inject ResearchExport export;
  @Context ContainerRequestContext request;

  @GET
  @Produces("text/csv")
  @Operation(
      summary =
          "Every submitted or imported response of tenant ?registration=id (optionally"
              + " ?instrument=id) as CSV, students under a research id; nothing identifies them")
  public Response csv(
      @QueryParam("registration") Long registrationId,
      @QueryParam("instrument") String instrument) {
    String body =
        export.csv(
            registrationId,
            instrument == null || instrument.isBlank() ? null : instrument.strip(),
            CurrentAdmin.of(request));
    return Response.ok(body, "text/csv; charset=utf-8")
        .header(
            "Content-Disposition",
            "attachment; filename=\"rapport-responses-" + registrationId + ".csv\"")
        .header("Cache-Control", "no-store")
        .build();
  }
}
