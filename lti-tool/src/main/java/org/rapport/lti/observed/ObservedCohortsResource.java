package org.rapport.lti.observed;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.launch.CurrentUser;
import org.rapport.lti.security.Roles;
import org.rapport.lti.web.Pages;

/**
 * Observed-practice figures of the faculty member's institution, per cohort and training stage:
 * trends, the self-versus-observed gap, rater agreement and the observed alerts. Faculty only
 * (students get 403); only the launch's tenant is read; group figures only.
 */
@Path("app/faculty/observed/cohorts")
@RolesAllowed(Roles.FACULTY)
@Produces(MediaType.TEXT_HTML)
public class ObservedCohortsResource {
  @Inject ObservedCohortFigures figures;
  @Inject Pages pages;
  @Context ContainerRequestContext request;

  @GET
  @Operation(hidden = true)
  public String page(@QueryParam("cohort") String cohort, @QueryParam("done") String done) {
    return pages.render(
        "faculty-observed-cohorts",
        "Observed practice: cohort figures",
        figures.page(CurrentUser.of(request), CurrentUser.token(request), cohortId(cohort), done));
  }

  /** A cohort id as asked for; anything that is not one shows the default cohort. */
  private static Long cohortId(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
