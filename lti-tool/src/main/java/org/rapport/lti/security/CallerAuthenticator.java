package org.rapport.lti.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;

/**
 * Checks one kind of credentials for {@link RapportAuthenticationMechanism}. It is asked only for
 * requests to an endpoint that allows one of its {@link #grants() roles}, and answers such a
 * request when no caller could be established.
 */
public interface CallerAuthenticator {
  /** The roles the callers of this authenticator can hold. */
  Set<String> grants();

  /**
   * The caller the request's credentials name; empty when it carries none of this kind (then
   * without any database work) or they are not valid. The authenticator may leave request
   * attributes for the resource (who the caller is) and for {@link #unauthenticated}.
   */
  Optional<Caller> authenticate(CallerRequest request);

  /** The answer to a request that needs one of {@link #grants()} but has no valid credentials. */
  Response unauthenticated(ContainerRequestContext request);
}
