package org.rapport.lti.launch;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.Optional;
import org.rapport.lti.web.Pages;

/**
 * Resolves the session token (query parameter {@code s}, or header {@code X-Rapport-Session}) of
 * {@link Launched} requests; without a valid one the request is refused with 401.
 */
@Provider
@Launched
@Priority(Priorities.AUTHENTICATION)
public class LaunchedUserFilter implements ContainerRequestFilter {
  public static final String PROPERTY = "rapport.launchedUser";
  public static final String HEADER = "X-Rapport-Session";

  @Inject ToolSessions sessions;
  @Inject Pages pages;

  @Override
  public void filter(ContainerRequestContext request) {
    String token = request.getUriInfo().getQueryParameters().getFirst(ToolSessions.PARAMETER);
    if (token == null) {
      token = request.getHeaderString(HEADER);
    }
    Optional<LaunchedUser> user = sessions.verify(token);
    if (user.isPresent()) {
      request.setProperty(PROPERTY, user.get());
      request.setProperty(ToolSessions.PARAMETER, token);
      return;
    }
    String message =
        "Your Rapport session has ended or this link is incomplete. Open the activity again from"
            + " your LMS course.";
    boolean json =
        request.getAcceptableMediaTypes().stream()
            .anyMatch(t -> t.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !t.isWildcardType());
    request.abortWith(
        json
            ? Response.status(401)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("status", 401, "error", message))
                .build()
            : Response.status(401)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .entity(
                    pages.render(
                        "error",
                        "Session ended",
                        Map.of("status", 401, "title", "Session ended", "message", message)))
                .build());
  }
}
