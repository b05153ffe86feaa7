package org.rapport.lti.imports;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.lti.admin.CurrentAdmin;
import org.rapport.lti.security.Roles;
import org.rapport.lti.web.MissingException;

/**
 * Import of past observed ratings (OSCE communication-station results): upload a CSV file (as a
 * {@code text/csv} body, or as the {@code file} field of a {@code multipart/form-data} form) for a
 * tenant. The import runs at once, all or nothing: {@code 201 Created} with what it created, {@code
 * 200} with outcome {@code UNCHANGED} for a file imported into the tenant before, or {@code 400}
 * with outcome {@code REFUSED} and every problem by row and column (nothing imported). {@code
 * release=true} shows the ratings to the students at once.
 */
@Path("api/admin/observed-imports")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports and exports", description = "Historical results in, research data out")
public class ObservedImportResource {
  @Inject ObservedImports imports;
  @Inject ImportUploads uploads;
  @Context ContainerRequestContext request;

  @POST
  @Consumes({"text/csv", "application/csv", MediaType.TEXT_PLAIN})
  @Operation(
      summary =
          "Import a CSV of past observed ratings for tenant ?registration=id (optional ?name= for"
              + " the file name, ?release=true to show them to the students); 201, 200 when"
              + " imported before, 400 with every problem")
  public Response uploadCsv(
      @QueryParam("registration") Long registrationId,
      @QueryParam("name") String name,
      @QueryParam("release") String release,
      InputStream body) {
    ImportSpool file = uploads.spool(body);
    try {
      return answer(
          imports.importFile(
              registrationId, name, file, UploadForm.yes(release), CurrentAdmin.of(request)));
    } finally {
      file.delete();
    }
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary =
          "Import a CSV of past observed ratings as form field 'file' (tenant in field"
              + " 'registration' or ?registration=id; field 'release' to show them to the"
              + " students)")
  public Response uploadForm(
      @QueryParam("registration") Long registrationId,
      @QueryParam("release") String releaseQuery,
      List<EntityPart> parts) {
    UploadForm form = UploadForm.of(parts, registrationId);
    boolean release = UploadForm.yes(releaseQuery) || UploadForm.checked(parts, "release");
    ImportSpool file = uploads.spool(form.file());
    try {
      return answer(
          imports.importFile(
              form.registrationId(), form.fileName(), file, release, CurrentAdmin.of(request)));
    } finally {
      file.delete();
    }
  }

  @GET
  @Operation(summary = "The latest observed-ratings imports, optionally of one tenant")
  public List<ObservedImports.ImportView> list(@QueryParam("registration") Long registrationId) {
    return imports.recent(registrationId);
  }

  @GET
  @Path("{id: [0-9]+}")
  @Operation(summary = "One observed-ratings import: what it created")
  public ObservedImports.ImportView get(@PathParam("id") long id) {
    return imports
        .view(id)
        .orElseThrow(() -> new MissingException("There is no observed-ratings import " + id + "."));
  }

  private static Response answer(ObservedImports.Result result) {
    Response.ResponseBuilder response =
        switch (result.outcome()) {
          case IMPORTED ->
              Response.created(URI.create("/api/admin/observed-imports/" + result.importId()));
          case UNCHANGED -> Response.ok();
          case REFUSED -> Response.status(400);
        };
    return response.entity(result).type(MediaType.APPLICATION_JSON_TYPE).build();
  }
}
