package org.rapport.lti.roster;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.registration.TenantDirectory;
import org.rapport.lti.security.Roles;
import org.rapport.lti.web.ConflictException;
import org.rapport.lti.web.Pages;

/**
 * The administrators' roster page: every course with its last roster read from the LMS (NRPS), and
 * reading one now. Goes through {@link RosterJobs}, as the JSON API does.
 */
@Path("admin/rosters")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.TEXT_HTML)
public class RosterAdminPages {
  @Inject Pages pages;
  @Inject RosterJobs jobs;
  @Inject TenantDirectory registrations;

  @GET
  @Operation(hidden = true)
  public Response page() {
    return page(200, null, List.of());
  }

  @POST
  @Path("courses/{id: [0-9]+}/refresh")
  @Operation(hidden = true)
  public Response refresh(@PathParam("id") long courseId) {
    try {
      CourseRosterView course = jobs.refreshNow(courseId);
      return page(
          200,
          "The roster of "
              + (course.title() == null ? course.contextId() : course.title())
              + " is read from the LMS in the background; reload this page in a moment.",
          List.of());
    } catch (ConflictException conflict) {
      return page(409, null, conflict.problems());
    } catch (NotFoundException missing) {
      return page(404, null, List.of(missing.getMessage()));
    }
  }

  private Response page(int status, String notice, List<String> problems) {
    List<RostersPage.Tenant> tenants =
        registrations.all().stream()
            .map(r -> new RostersPage.Tenant(r.id(), r.name(), jobs.courses(r.id())))
            .toList();
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .entity(
            pages.render(
                "admin-rosters", "Course rosters", new RostersPage(notice, problems, tenants)))
        .build();
  }
}
