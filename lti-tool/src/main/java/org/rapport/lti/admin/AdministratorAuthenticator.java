package org.rapport.lti.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rapport.lti.security.Caller;
import org.rapport.lti.security.CallerAuthenticator;
import org.rapport.lti.security.CallerRequest;
import org.rapport.lti.security.Roles;

/**
 * Authenticates Rapport administrators by API token ({@code Authorization: Bearer}; each use is
 * audited) or admin session cookie, through {@link AdminAccess}; an accepted one is a caller in
 * {@link Roles#ADMINISTRATOR}, whose user name goes to request attribute {@value #PROPERTY} ({@link
 * CurrentAdmin}). Requests on a session are checked for their origin afterwards ({@link
 * AdminOriginFilter}). Without a header or cookie nothing is looked up.
 */
@ApplicationScoped
public class AdministratorAuthenticator implements CallerAuthenticator {
  /** Request attribute holding the signed-in administrator's user name. */
  public static final String PROPERTY = "rapport.admin";

  /** Request attribute holding {@link AdminAccess}'s answer on the credentials. */
  static final String DECISION = "rapport.admin.decision";

  @Inject AdminSessions sessions;
  @Inject ApiTokens tokens;

  @Override
  public Set<String> grants() {
    return Set.of(Roles.ADMINISTRATOR);
  }

  @Override
  public Optional<Caller> authenticate(CallerRequest request) {
    return authenticate(
        request,
        sessions.sessionCookieValue(request.cookies()),
        new AdminAccess(
            token -> tokens.authenticate(token, request.method(), request.path()),
            sessions::verify));
  }

  static Optional<Caller> authenticate(
      CallerRequest request, Optional<String> sessionCookie, AdminAccess access) {
    AdminAccess.Decision decision =
        access.authenticate(request.header(HttpHeaders.AUTHORIZATION), sessionCookie);
    request.setAttribute(DECISION, decision);
    if (decision instanceof AdminAccess.Admitted admitted) {
      request.setAttribute(PROPERTY, admitted.username());
      return Optional.of(new Caller(admitted.username(), Set.of(Roles.ADMINISTRATOR)));
    }
    return Optional.empty();
  }

  /**
   * Pages go to the sign-in page; API calls get a 401, with a Bearer challenge when credentials
   * were sent.
   */
  @Override
  public Response unauthenticated(ContainerRequestContext request) {
    AdminAccess.Unauthenticated unknown =
        request.getProperty(DECISION) instanceof AdminAccess.Unauthenticated u
            ? u
            : new AdminAccess.Unauthenticated(AdminAccess.NO_CREDENTIALS, false);
    if (unknown.sentCredentials()) {
      // Bearer, never Basic: a Basic challenge would make browsers prompt and cache credentials.
      return Response.fromResponse(json(401, unknown.message()))
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Rapport administration\"")
          .build();
    }
    return isApi(request)
        ? json(401, unknown.message())
        : Response.seeOther(URI.create("/admin/login")).build();
  }

  static boolean isApi(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    return path.startsWith("api/") || path.startsWith("/api/");
  }

  static Response json(int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("status", status, "error", message))
        .build();
  }
}
