package org.rapport.lti.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.rapport.lti.security.Caller;
import org.rapport.lti.security.CallerAuthenticator;
import org.rapport.lti.security.CallerRequest;
import org.rapport.lti.security.Roles;
import org.rapport.lti.web.ErrorView;
import org.rapport.lti.web.Pages;

/**
 * Authenticates launched users by their session token: query parameter {@code s}, or header {@value
 * #HEADER} (scripts). A live session of a learner Rapport still knows makes a caller in {@link
 * Roles#LAUNCHED_USER} and {@link Roles#STUDENT} or {@link Roles#FACULTY}, and puts the {@link
 * LaunchedUser} in request attribute {@value #PROPERTY} ({@link CurrentUser}). Without a token
 * nothing is looked up.
 */
@ApplicationScoped
public class LaunchedUserAuthenticator implements CallerAuthenticator {
  public static final String PROPERTY = "rapport.launchedUser";
  public static final String HEADER = "X-Rapport-Session";

  static final String SESSION_ENDED =
      "Your Rapport session has ended or this link is incomplete. Open the activity again from"
          + " your LMS course.";

  @Inject ToolSessions sessions;
  @Inject LearnerPresence learners;
  @Inject Pages pages;

  @Override
  public Set<String> grants() {
    return Set.of(Roles.LAUNCHED_USER, Roles.STUDENT, Roles.FACULTY);
  }

  @Override
  public Optional<Caller> authenticate(CallerRequest request) {
    return authenticate(request, token -> sessions.verify(token).filter(learners::exists));
  }

  /** The caller of a request, given how a token is verified (the database, in production). */
  static Optional<Caller> authenticate(
      CallerRequest request, Function<String, Optional<LaunchedUser>> verify) {
    Optional<String> token =
        request
            .queryParameter(ToolSessions.PARAMETER)
            .or(() -> Optional.ofNullable(request.header(HEADER)))
            .filter(t -> !t.isBlank());
    if (token.isEmpty()) {
      return Optional.empty();
    }
    Optional<LaunchedUser> user = verify.apply(token.get());
    if (user.isEmpty()) {
      return Optional.empty();
    }
    request.setAttribute(PROPERTY, user.get());
    request.setAttribute(ToolSessions.PARAMETER, token.get());
    return Optional.of(
        new Caller(
            "learner " + user.get().learnerId(), Roles.ofLaunchedUser(user.get().isFaculty())));
  }

  /** 401: the "session ended" page, or JSON for clients that ask for it. */
  @Override
  public Response unauthenticated(ContainerRequestContext request) {
    boolean json =
        request.getAcceptableMediaTypes().stream()
            .anyMatch(t -> t.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !t.isWildcardType());
    return json
        ? Response.status(401)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("status", 401, "error", SESSION_ENDED))
            .build()
        : Response.status(401)
            .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
            .entity(
                pages.render(
                    "error", "Session ended", new ErrorView(401, "Session ended", SESSION_ENDED)))
            .build();
  }
}
