package org.rapport.lti.console;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.security.Roles;
import org.rapport.lti.web.Pages;

/**
 * The API document as a page administrators can read in a browser: the operations of {@code
 * /openapi}, rendered on the server without scripts.
 */
@Path("admin/api")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.TEXT_HTML)
public class ApiDocsPageResource {
  @Inject Pages pages;
  @Inject ApiDocument document;
  @Context HttpServletRequest servlet;

  @GET
  @Operation(hidden = true)
  public Response page() {
    // This server's own listener, as the request reached it: never a proxy's address.
    URI own =
        URI.create(
            servlet.getScheme()
                + "://127.0.0.1:"
                + servlet.getLocalPort()
                + "/openapi?format=JSON");
    ApiDocsPage page;
    int status = 200;
    try {
      page = document.read(own);
    } catch (ApiDocument.Unavailable unavailable) {
      page = new ApiDocsPage("Rapport API", "", List.of(), unavailable.getMessage());
      status = 503;
    }
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .entity(pages.render("admin-api", "API", page))
        .build();
  }
}
