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
 * Historical results import: upload a CSV file (as a {@code text/csv} body, or as the {@code file}
 * field of a {@code multipart/form-data} form) for a tenant; the import runs as a job. The answer
 * is {@code 202 Accepted} with the job, whose state and progress {@code GET
 * /api/admin/imports/{id}} reports. A file with any problem imports nothing; a file imported before
 * changes nothing. A {@code text/csv} body is streamed to a temporary file and refused with 413 as
 * soon as it passes {@code rapport.limits.import-bytes}; a form is read whole (its declared length
 * is checked against the same limit before it is read).
 */
@Path("api/admin/imports")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports and exports", description = "Historical results in, research data out")
public class ImportResource {
  @Inject ImportUploads uploads;
  @Inject ImportJobs jobs;
  @Context ContainerRequestContext request;

  @POST
  @Consumes({"text/csv", "application/csv", MediaType.TEXT_PLAIN})
  @Operation(
      summary =
          "Upload a CSV of historical results for tenant ?registration=id (optional ?name= for"
              + " the file name); answers 202 with the job")
  public Response uploadCsv(
      @QueryParam("registration") Long registrationId,
      @QueryParam("name") String name,
      InputStream body) {
    ImportSpool file = uploads.spool(body);
    return accepted(uploads.upload(registrationId, name, file, CurrentAdmin.of(request)));
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary =
          "Upload a CSV of historical results as form field 'file' (tenant in field"
              + " 'registration' or ?registration=id); answers 202 with the job")
  public Response uploadForm(
      @QueryParam("registration") Long registrationId, List<EntityPart> parts) {
    UploadForm form = UploadForm.of(parts, registrationId);
    return accepted(
        uploads.upload(
            form.registrationId(),
            form.fileName(),
            uploads.spool(form.file()),
            CurrentAdmin.of(request)));
  }

  @GET
  @Operation(summary = "The latest imports, optionally of one tenant (?registration=id)")
  public List<ImportJobView> list(@QueryParam("registration") Long registrationId) {
    return jobs.recent(registrationId);
  }

  @GET
  @Path("{id: [0-9]+}")
  @Operation(
      summary =
          "An import's state, rows processed of the total, counts, and its problems by row and"
              + " column (the first 1000)")
  public ImportJobView get(@PathParam("id") long id) {
    return jobs.view(id, true)
        .orElseThrow(() -> new MissingException("There is no import " + id + "."));
  }

  private static Response accepted(ImportJobView job) {
    return Response.accepted(job)
        .location(URI.create("/api/admin/imports/" + job.id()))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }
}
