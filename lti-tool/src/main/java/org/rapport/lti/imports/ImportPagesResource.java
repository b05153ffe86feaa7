package org.rapport.lti.imports;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.admin.CurrentAdmin;
import org.rapport.lti.security.Roles;
import org.rapport.lti.web.InvalidRequestException;
import org.rapport.lti.web.Pages;

/** Admin pages to upload a file of historical results and follow its import. */
@Path("admin/imports")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.TEXT_HTML)
public class ImportPagesResource {
  @Inject Pages pages;
  @Inject ImportJobs jobs;
  @Inject ImportUploads uploads;
  @Context ContainerRequestContext request;

  @GET
  @Operation(hidden = true)
  public Response list() {
    return listPage(200, null);
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(hidden = true)
  public Response upload(List<EntityPart> parts) {
    try {
      UploadForm form = UploadForm.of(parts, null);
      ImportJobView job =
          uploads.upload(
              form.registrationId(),
              form.fileName(),
              uploads.spool(form.file()),
              CurrentAdmin.of(request));
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
    return pages.render("admin-import", "Import " + id, new ImportJobPage(job));
  }

  private Response listPage(int status, String error) {
    ImportsPage page = jobs.overview(error);
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .entity(pages.render("admin-imports", "Imports", page))
        .build();
  }
}
