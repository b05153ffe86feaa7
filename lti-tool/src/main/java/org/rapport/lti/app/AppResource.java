package org.rapport.lti.app;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.launch.CurrentUser;
import org.rapport.lti.launch.LaunchedUser;
import org.rapport.lti.observed.RatingSubmission;
import org.rapport.lti.security.Roles;
import org.rapport.lti.web.Nav;
import org.rapport.lti.web.Pages;

/** Rapport's home inside the LMS: what the launched user can do in this course. */
@Path("app")
@RolesAllowed(Roles.LAUNCHED_USER)
@Produces(MediaType.TEXT_HTML)
public class AppResource {
  @Inject Pages pages;
  @Inject StudentHome studentHome;
  @Inject RatingSubmission ratings;
  @Context ContainerRequestContext request;

  @GET
  @Operation(hidden = true)
  public String home() {
    LaunchedUser user = CurrentUser.of(request);
    String token = CurrentUser.token(request);
    boolean faculty = user.isFaculty();
    return pages.render(
        "app-home",
        "Rapport",
        new AppHomePage(
            user.name().isBlank() ? "there" : user.name(),
            user.role().label(),
            user.courseTitle(),
            faculty,
            token,
            faculty ? null : Nav.student(token, Nav.StudentPage.HOME),
            faculty ? List.of() : studentHome.whatNext(user, token),
            faculty ? ratings.toGive(user, token).rows().size() : 0));
  }
}
