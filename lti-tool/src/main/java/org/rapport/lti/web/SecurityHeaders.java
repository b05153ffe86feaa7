package org.rapport.lti.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Security headers on every answer. Rapport's LTI pages live in LMS iframes, so they may be framed
 * by the registered platforms ({@link FrameAncestors}); the administration pages may not be framed
 * at all. Scripts and styles come only from Rapport itself; forms post only to Rapport, except the
 * deep-linking return page, which names its platform's return address ({@link #FORM_TARGET}).
 */
@Provider
public class SecurityHeaders implements ContainerResponseFilter {
  /** Request property: an extra origin the page's form may post to (set by the resource). */
  public static final String FORM_TARGET = "rapport.csp.form-target";

  @Inject FrameAncestors frameAncestors;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String path = request.getUriInfo().getPath();
    boolean admin = SecurityPolicy.isAdmin(path);
    MultivaluedMap<String, Object> headers = response.getHeaders();
    Object formTarget = request.getProperty(FORM_TARGET);
    headers.putSingle(
        "Content-Security-Policy",
        SecurityPolicy.contentSecurityPolicy(
            admin ? "'none'" : frameAncestors.sources(),
            formTarget == null ? null : formTarget.toString()));
    headers.putSingle("X-Content-Type-Options", "nosniff");
    if (!headers.containsKey("Referrer-Policy")) {
      headers.putSingle("Referrer-Policy", "no-referrer");
    }
    if ("https".equals(request.getUriInfo().getBaseUri().getScheme())) {
      headers.putSingle("Strict-Transport-Security", SecurityPolicy.HSTS);
    }
  }
}
