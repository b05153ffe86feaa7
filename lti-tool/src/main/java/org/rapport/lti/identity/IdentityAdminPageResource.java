package org.rapport.lti.identity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.admin.CurrentAdmin;
import org.rapport.lti.security.Roles;
import org.rapport.lti.web.Pages;

/** The administrators' page of student links waiting for approval, with approve/reject buttons. */
@Path("admin/identity")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.TEXT_HTML)
public class IdentityAdminPageResource {
  @Inject Pages pages;
  @Inject StudentLinkRequests requests;
  @Context ContainerRequestContext request;

  @GET
  @Operation(hidden = true)
  public String page() {
    return pages.render(
        "admin-identity",
        "Student links waiting for approval",
        new LinkRequestsAdminView(requests.pending(null)));
  }

  @POST
  @Path("link-requests/{id: [0-9]+}/approve")
  @Operation(hidden = true)
  public Response approve(@PathParam("id") long id) {
    requests.approve(id, CurrentAdmin.of(request));
    return Response.seeOther(URI.create("/admin/identity")).build();
  }

  @POST
  @Path("link-requests/{id: [0-9]+}/reject")
  @Operation(hidden = true)
  public Response reject(@PathParam("id") long id, @FormParam("note") String note) {
    requests.reject(id, CurrentAdmin.of(request), note);
    return Response.seeOther(URI.create("/admin/identity")).build();
  }
}
