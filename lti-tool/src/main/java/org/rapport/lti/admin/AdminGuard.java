package org.rapport.lti.admin;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Lets a request through to an {@link AdminOnly} resource when it carries HTTP Basic credentials of
 * an administrator (API clients) or a valid admin session cookie (admin pages). Pages without a
 * session go to the sign-in page; API calls get a 401.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminGuard implements ContainerRequestFilter {
  /** Request property holding the signed-in administrator's user name. */
  public static final String PROPERTY = "rapport.admin";

  @Inject AdminAccounts accounts;
  @Inject AdminSessions sessions;

  @Override
  public void filter(ContainerRequestContext request) {
    Optional<String> admin = fromBasic(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (admin.isEmpty()) {
      Cookie cookie = request.getCookies().get(AdminSessions.COOKIE);
      admin = cookie == null ? Optional.empty() : sessions.verify(cookie.getValue());
    }
    if (admin.isPresent()) {
      request.setProperty(PROPERTY, admin.get());
      return;
    }
    String path = request.getUriInfo().getPath();
    if (path.startsWith("api/") || path.startsWith("/api/")) {
      request.abortWith(
          Response.status(401)
              .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Rapport administration\"")
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(
                  Map.of(
                      "status",
                      401,
                      "error",
                      "Administrator credentials are required: send HTTP Basic authentication"
                          + " with an administrator's user name and password."))
              .build());
    } else {
      request.abortWith(Response.seeOther(URI.create("/admin/login")).build());
    }
  }

  private Optional<String> fromBasic(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        return Optional.empty();
      }
      return accounts.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
