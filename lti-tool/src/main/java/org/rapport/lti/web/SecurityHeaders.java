package org.rapport.lti.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Security headers on every answer. Rapport's LTI pages live in LMS iframes, so they may be framed
 * by any site (the LMS's origin is not known in advance); the administration pages may not be
 * framed at all. Scripts and styles come only from Rapport itself.
 */
@Provider
public class SecurityHeaders implements ContainerResponseFilter {
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String path = request.getUriInfo().getPath();
    boolean admin = path.startsWith("admin") || path.startsWith("/admin");
    MultivaluedMap<String, Object> headers = response.getHeaders();
    headers.putSingle(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " form-action *; base-uri 'none'; object-src 'none'; frame-ancestors "
            + (admin ? "'none'" : "*"));
    headers.putSingle("X-Content-Type-Options", "nosniff");
    if (!headers.containsKey("Referrer-Policy")) {
      headers.putSingle("Referrer-Policy", "no-referrer");
    }
  }
}
