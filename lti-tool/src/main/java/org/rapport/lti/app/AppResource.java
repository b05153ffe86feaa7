package org.rapport.lti.app;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.launch.CurrentUser;
import org.rapport.lti.launch.Launched;
import org.rapport.lti.launch.LaunchedUser;
import org.rapport.lti.web.Pages;

/** Rapport's home inside the LMS: what the launched user can do in this course. */
@Path("app")
@Launched
@Produces(MediaType.TEXT_HTML)
public class AppResource {
  @Inject Pages pages;
  @Context ContainerRequestContext request;

  @GET
  @Operation(hidden = true)
  public String home() {
    LaunchedUser user = CurrentUser.of(request);
    Map<String, Object> values = new HashMap<>();
    values.put("name", user.name().isBlank() ? "there" : user.name());
    values.put("role", user.role().label());
    values.put("course", user.courseTitle());
    values.put("faculty", user.isFaculty());
    values.put("s", CurrentUser.token(request));
    return pages.render("app-home", "Rapport", values);
  }
}
