package org.rapport.lti.roster;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.lti.security.Roles;

/** JSON API over course rosters (NRPS): their state, their members, and refreshing one now. */
@Path("api/admin/roster")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rosters", description = "Course memberships read from the LMS (NRPS)")
public class RosterAdminResource {
  @Inject RosterJobs jobs;
  @jakarta.ws.rs.core.Context jakarta.ws.rs.container.ContainerRequestContext request;

  @GET
  @Operation(summary = "The courses of a registration with their roster state")
  public List<CourseRosterView> courses(@QueryParam("registration") Long registrationId) {
    if (registrationId == null) {
      throw new BadRequestException(
          "Name the registration: /api/admin/roster?registration=<id>",
          Response.status(400)
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(
                  Map.of(
                      "status",
                      400,
                      "error",
                      "Name the registration: /api/admin/roster?registration=<id>"))
              .build());
    }
    return jobs.courses(registrationId);
  }

  @GET
  @Path("courses/{id: [0-9]+}/members")
  @Operation(summary = "A course's members, active and inactive, with their Rapport role")
  public List<MemberView> members(@PathParam("id") long courseId) {
    CourseRosterView course = course(courseId);
    return jobs.membersViewedBy(
        org.rapport.lti.admin.CurrentAdmin.of(request), course.registrationId(), courseId);
  }

  @POST
  @Path("courses/{id: [0-9]+}/refresh")
  @Operation(summary = "Refresh a course roster from the LMS now (in the background)")
  public Response refresh(@PathParam("id") long courseId) {
    return Response.accepted(jobs.refreshNow(courseId)).build();
  }

  private CourseRosterView course(long courseId) {
    return jobs.course(courseId)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "There is no course with id " + courseId + ".",
                    Response.status(404)
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(
                            Map.of(
                                "status", 404, "error", "There is no course with id " + courseId))
                        .build()));
  }
}
