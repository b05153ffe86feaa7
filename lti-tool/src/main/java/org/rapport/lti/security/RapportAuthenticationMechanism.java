package org.rapport.lti.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rapport's one HTTP authentication mechanism. The container calls it before every request; it does
 * nothing then (no header, cookie or database is looked at), so public pages, the LTI login and
 * launch, the key set and health checks pass untouched. {@link RoleCheck} asks it to authenticate
 * ({@code SecurityContext.authenticate}) only for an endpoint that allows some roles, having put
 * those roles in the request attribute {@link #ALLOWED_ROLES}. It then hands the request to the
 * authenticators that can grant one of them, and tells the container about the first caller one of
 * them accepts, with the caller's groups as roles. A request whose credentials none accepts stays
 * anonymous; {@link RoleCheck} answers it.
 */
@ApplicationScoped
public class RapportAuthenticationMechanism implements HttpAuthenticationMechanism {
  /** Request attribute: the roles the endpoint being called allows (a {@code Set<String>}). */
  public static final String ALLOWED_ROLES = "rapport.allowedRoles";

  /**
   * Request attribute: what an authenticator threw (the database out of reach, say). The container
   * would turn it into a failed authentication; {@link RoleCheck} throws it again instead, so that
   * it is answered as the error it is (503 for a database outage), not as "session ended".
   */
  public static final String FAILURE = "rapport.authenticationFailure";

  @Inject Instance<CallerAuthenticator> authenticators;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (!context.isAuthenticationRequest()) {
      return context.doNothing();
    }
    Optional<Caller> caller;
    try {
      caller =
          identify(
              authenticators.stream().toList(), allowedRoles(request), CallerRequest.of(request));
    } catch (RuntimeException failure) {
      request.setAttribute(FAILURE, failure);
      return context.doNothing();
    }
    if (caller.isEmpty()) {
      return context.doNothing();
    }
    request.setAttribute(RoleCheck.CALLER, caller.get());
    return context.notifyContainerAboutLogin(caller.get().name(), caller.get().groups());
  }

  /**
   * The caller established by the first authenticator that can grant one of {@code allowed} and
   * accepts the request's credentials; an authenticator that can grant none is never asked.
   */
  static Optional<Caller> identify(
      List<CallerAuthenticator> authenticators, Set<String> allowed, CallerRequest request) {
    for (CallerAuthenticator authenticator : authenticators) {
      if (Collections.disjoint(authenticator.grants(), allowed)) {
        continue;
      }
      Optional<Caller> caller = authenticator.authenticate(request);
      if (caller.isPresent()) {
        return caller;
      }
    }
    return Optional.empty();
  }

  @SuppressWarnings("unchecked")
  private static Set<String> allowedRoles(HttpServletRequest request) {
    return request.getAttribute(ALLOWED_ROLES) instanceof Set<?> roles
        ? (Set<String>) roles
        : Set.of();
  }
}
