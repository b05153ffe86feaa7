package org.rapport.lti.imports;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.admin.AdminOnly;
import org.rapport.lti.admin.CurrentAdmin;
import org.rapport.lti.admin.InvalidRequestException;
import org.rapport.lti.admin.RegistrationRepository;
import org.rapport.lti.web.Pages;

/** Admin pages to upload a file of historical results and follow its import. */
@Path("admin/imports")
@AdminOnly
@Produces(MediaType.TEXT_HTML)
public class ImportPagesResource {
  @Inject Pages pages;
  @Inject ImportJobs jobs;
  @Inject ImportUploads uploads;
  @Inject RegistrationRepository registrations;
  @Context ContainerRequestContext request;

  @GET
  @Operation(hidden = true)
  public Response list() {
    return listPage(200, null);
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(hidden = true)
  public Response upload(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
    try {
      ImportUploads.Form form = ImportUploads.form(contentType, body, null);
      ImportJobView job =
          uploads.upload(
              form.registrationId(), form.fileName(), form.file(), CurrentAdmin.of(request));
      return Response.seeOther(URI.create("/admin/imports/" + job.id())).build();
    } catch (InvalidRequestException e) {
      return listPage(400, String.join(" ", e.problems()));
    }
  }

  @GET
  @Path("{id: [0-9]+}")
  @Operation(hidden = true)
  public String job(@PathParam("id") long id) {
    ImportJobView job =
        jobs.view(id, true)
            .orElseThrow(() -> new NotFoundException("There is no import " + id + "."));
    Map<String, Object> values = new HashMap<>();
    values.put("job", job);
    values.put(
        "percent",
        job.rowsTotal() == 0
            ? (job.finished() ? 100 : 0)
            : Math.min(100, job.rowsProcessed() * 100 / job.rowsTotal()));
    values.put("hasProblems", !job.problems().isEmpty());
    values.put(
        "showCounts",
        job.state().equals(ImportState.COMPLETED.name())
            || job.state().equals(ImportState.UNCHANGED.name()));
    values.put("moreProblems", job.problemCount() > job.problems().size());
    return pages.render("admin-import", "Import " + id, values);
  }

  private Response listPage(int status, String error) {
    Map<String, Object> values = new HashMap<>();
    List<ImportJobView> recent = jobs.recent(null);
    values.put("jobs", recent);
    values.put("hasJobs", !recent.isEmpty());
    values.put(
        "tenants",
        registrations.all().stream()
            .map(r -> Map.of("id", r.getId(), "name", r.getName()))
            .toList());
    values.put("error", error);
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .entity(pages.render("admin-imports", "Imports", values))
        .build();
  }
}
