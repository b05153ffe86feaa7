package org.rapport.lti.dashboard;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.alerts.AlertEvaluation;
import org.rapport.lti.launch.CurrentUser;
import org.rapport.lti.launch.LaunchedUser;
import org.rapport.lti.security.Roles;
import org.rapport.lti.web.Pages;

/**
 * The cohort dashboard of the launched user's institution, and its CSV export. Faculty only
 * (students get 403); only the tenant of the launch is ever read. Figures are those published for
 * closed waves ({@link org.rapport.lti.analytics.WavePublication}); of a wave still open the page
 * shows only how many students have answered, and only from the minimum group size on.
 */
@Path("app/faculty/cohorts")
@RolesAllowed(Roles.FACULTY)
public class DashboardResource {
  @Inject Pages pages;
  @Inject Dashboards dashboards;
  @Inject AlertEvaluation evaluation;
  @Context ContainerRequestContext request;
  @Context UriInfo uri;

  @GET
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public String page(
      @QueryParam("cohort") Long cohortId,
      @QueryParam("instrument") String instrument,
      @QueryParam("done") String done) {
    LaunchedUser user = CurrentUser.of(request);
    evaluation.seen(uri.getBaseUri());
    return pages.render(
        "faculty-cohorts",
        "Cohort trends and alerts",
        FacultyCohortsPage.of(
            dashboards.cohort(user, cohortId, instrument),
            evaluation.vocabulary(),
            CurrentUser.token(request),
            done));
  }

  @GET
  @Path("export.csv")
  @Produces("text/csv")
  @Operation(hidden = true)
  public Response export(@QueryParam("instrument") String instrument) {
    Dashboards.Export export = dashboards.export(CurrentUser.of(request), instrument);
    return Response.ok(export.csv(), new MediaType("text", "csv", "utf-8"))
        .header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"")
        .header("Cache-Control", "no-store")
        .build();
  }
}
