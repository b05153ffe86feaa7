package org.rapport.lti.cohorts;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.lti.admin.CurrentAdmin;
import org.rapport.lti.security.Roles;

/**
 * A tenant's schedule template, which creates the waves of every new cohort. Administrators only.
 */
@Path("api/admin/registrations/{registrationId: [0-9]+}/schedule-template")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cohorts and waves", description = "Cohorts, waves and schedule templates")
public class ScheduleTemplateResource {
  @Inject CohortAdministration administration;
  @Context ContainerRequestContext request;

  @GET
  @Operation(summary = "The tenant's schedule template (Rapport's standard one until set)")
  public ScheduleTemplateView get(@PathParam("registrationId") long registrationId) {
    return ScheduleTemplateView.of(registrationId, administration.schedule(registrationId));
  }

  @PUT
  @Operation(
      summary =
          "Replace the tenant's schedule template, which also names the institution's programme:"
              + " its stages in training order (any codes, names and number; Rapport's standard"
              + " stages need no names). Applies to cohorts created afterwards. anchor is the"
              + " matriculation day as MM-DD")
  public ScheduleTemplateView put(
      @PathParam("registrationId") long registrationId, ScheduleTemplateView proposed) {
    return ScheduleTemplateView.of(
        registrationId,
        administration.replaceSchedule(registrationId, proposed, CurrentAdmin.of(request)));
  }
}
