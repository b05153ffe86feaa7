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

/** Admin pages to import a file of past observed ratings (OSCE results) and see what it created. */
@Path("admin/observed-imports")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.TEXT_HTML)
public class ObservedImportPagesResource {
  static final String TITLE = "Import past OSCE results";

  @Inject Pages pages;
  @Inject ObservedImports imports;
  @Inject ImportUploads uploads;
  @Context ContainerRequestContext request;

  @GET
  @Operation(hidden = true)
  public Response list() {
    return listPage(200, null, null);
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(hidden = true)
  public Response upload(List<EntityPart> parts) {
    ImportSpool file = null;
    try {
      UploadForm form = UploadForm.of(parts, null);
      boolean release = UploadForm.checked(parts, "release");
      file = uploads.spool(form.file());
      ObservedImports.Result result =
          imports.importFile(
              form.registrationId(), form.fileName(), file, release, CurrentAdmin.of(request));
      if (result.refused()) {
        return listPage(400, null, result);
      }
      if (result.unchanged()) {
        return page(200, result.importId(), result.message());
      }
      return Response.seeOther(URI.create("/admin/observed-imports/" + result.importId())).build();
    } catch (InvalidRequestException e) {
      return listPage(400, String.join(" ", e.problems()), null);
    } finally {
      if (file != null) {
        file.delete();
      }
    }
  }

  @GET
  @Path("{id: [0-9]+}")
  @Operation(hidden = true)
  public Response imported(@PathParam("id") long id) {
    return page(200, id, null);
  }

  private Response page(int status, long id, String notice) {
    ObservedImports.ImportView view =
        imports
            .view(id)
            .orElseThrow(
                () -> new NotFoundException("There is no observed-ratings import " + id + "."));
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .entity(
            pages.render(
                "admin-observed-import",
                "Observed-ratings import " + id,
                new ObservedImportPage(view, notice)))
        .build();
  }

  private Response listPage(int status, String error, ObservedImports.Result refused) {
    ObservedImportsPage page =
        new ObservedImportsPage(
            imports.recent(null), imports.tenants(), error, refused, ObservedImports.MAX_ROWS);
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .entity(pages.render("admin-observed-imports", TITLE, page))
        .build();
  }
}
