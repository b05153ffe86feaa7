package org.rapport.lti.modules;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.launch.CurrentUser;
import org.rapport.lti.launch.LaunchedUser;
import org.rapport.lti.security.Roles;
import org.rapport.lti.web.Pages;

/**
 * Module completion for the faculty of a course: counts of the course's students who started and
 * completed each module, with small groups hidden. Never an individual student, never a reflection
 * or an answer; only the launched user's own tenant and course. Also each module's facilitator
 * guide, for running a small-group debrief on it.
 */
@Path("app/faculty/modules")
@RolesAllowed(Roles.FACULTY)
@Produces(MediaType.TEXT_HTML)
public class FacultyModulesResource {
  @Inject CourseCompletion completion;
  @Inject FacilitatorGuides guides;
  @Inject Pages pages;
  @Context ContainerRequestContext request;

  @GET
  @Operation(hidden = true)
  public String completion() {
    LaunchedUser user = CurrentUser.of(request);
    String token = CurrentUser.token(request);
    return pages.render("module-faculty", "Module completion", completion.page(user, token));
  }

  /** The facilitator guide of one module: aims, a plan for the debrief, questions, sources. */
  @GET
  @Path("{module}/guide")
  @Operation(hidden = true)
  public Response guide(@PathParam("module") String moduleId) {
    String token = CurrentUser.token(request);
    return guides
        .guide(moduleId, token)
        .map(
            page ->
                Response.ok(
                        pages.render(
                            "module-guide", "Facilitator guide: " + page.moduleTitle(), page))
                    .build())
        .orElseGet(
            () ->
                Response.status(404)
                    .entity(
                        pages.render(
                            "module-guide",
                            "No facilitator guide",
                            FacilitatorGuidePage.missing(
                                token,
                                FacultyCompletionPage.nav(token),
                                FacilitatorGuides.backHref(token))))
                    .build());
  }
}
