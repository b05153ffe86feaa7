package org.rapport.lti.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Enforces {@link RolesAllowed}, {@link PermitAll} and {@link DenyAll} on resource methods (the
 * method's annotation, else its class's). For an endpoint that allows roles it asks Jakarta
 * Security to authenticate the request ({@link RapportAuthenticationMechanism}); a request without
 * a valid caller gets the answer of the authenticator for those roles (the "session ended" page,
 * the admin sign-in page, a 401), a caller in none of the roles a 403 with the resource's {@link
 * RefusalMessage}. A resource method without any of the three annotations, on itself or its class,
 * is open to no one: a forgotten annotation refuses everyone with the default message instead of
 * publishing the endpoint (the architecture tests also allow none).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class RoleCheck implements ContainerRequestFilter {
  /** Request attribute holding the {@link Caller} the mechanism established. */
  public static final String CALLER = "rapport.caller";

  static final String DEFAULT_REFUSAL = "This page is not for your role in Rapport.";
  static final String FACULTY_ONLY =
      "This page is for faculty of the course. Students see their own work on their home page.";

  @Inject SecurityContext security;
  @Inject Instance<CallerAuthenticator> authenticators;
  @Context ResourceInfo resource;
  @Context HttpServletRequest servletRequest;
  @Context HttpServletResponse servletResponse;

  private final Map<Method, Rule> rules = new ConcurrentHashMap<>();

  /** What an endpoint allows: {@code roles} empty and {@code open} false means no one. */
  record Rule(boolean open, Set<String> roles, String refusal) {
    static final Rule PUBLIC = new Rule(true, Set.of(), DEFAULT_REFUSAL);

    /** The rule of an endpoint that names none: closed to everyone. */
    static final Rule NOBODY = new Rule(false, Set.of(), DEFAULT_REFUSAL);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource.getResourceMethod();
    if (method == null) {
      return;
    }
    Rule rule = rules.computeIfAbsent(method, m -> ruleOf(resource.getResourceClass(), m));
    if (rule.open()) {
      return;
    }
    if (!rule.roles().isEmpty()) {
      servletRequest.setAttribute(RapportAuthenticationMechanism.ALLOWED_ROLES, rule.roles());
      security.authenticate(servletRequest, servletResponse, AuthenticationParameters.withParams());
      if (servletRequest.getAttribute(RapportAuthenticationMechanism.FAILURE)
          instanceof RuntimeException failure) {
        throw failure;
      }
      for (String role : rule.roles()) {
        if (request.getSecurityContext().isUserInRole(role)) {
          return;
        }
      }
      if (servletRequest.getAttribute(CALLER) == null) {
        Optional<CallerAuthenticator> answering =
            authenticators.stream()
                .filter(a -> !Collections.disjoint(a.grants(), rule.roles()))
                .findFirst();
        if (answering.isPresent()) {
          request.abortWith(answering.get().unauthenticated(request));
          return;
        }
      }
    }
    throw new ForbiddenException(rule.refusal());
  }

  /**
   * The rule for a resource method: its own annotations first, then its class's, else {@link
   * Rule#NOBODY} (with the resource's {@link RefusalMessage} if it has one).
   */
  static Rule ruleOf(Class<?> type, Method method) {
    String refusal =
        Optional.ofNullable(method.getAnnotation(RefusalMessage.class))
            .or(() -> Optional.ofNullable(type.getAnnotation(RefusalMessage.class)))
            .map(RefusalMessage::value)
            .orElse(null);
    return declared(method, refusal)
        .or(() -> declared(type, refusal))
        .orElseGet(() -> refusal == null ? Rule.NOBODY : new Rule(false, Set.of(), refusal));
  }

  private static Optional<Rule> declared(AnnotatedElement element, String message) {
    RolesAllowed allowed = element.getAnnotation(RolesAllowed.class);
    Set<String> roles = allowed == null ? Set.of() : Set.of(allowed.value());
    String refusal =
        message != null
            ? message
            : roles.equals(Set.of(Roles.FACULTY)) ? FACULTY_ONLY : DEFAULT_REFUSAL;
    if (element.isAnnotationPresent(DenyAll.class)) {
      return Optional.of(new Rule(false, Set.of(), refusal));
    }
    if (element.isAnnotationPresent(PermitAll.class)) {
      return Optional.of(Rule.PUBLIC);
    }
    return allowed == null ? Optional.empty() : Optional.of(new Rule(false, roles, refusal));
  }
}
