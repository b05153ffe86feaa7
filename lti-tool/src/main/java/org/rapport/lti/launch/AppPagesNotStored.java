package org.rapport.lti.launch;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Every answer under {@code /app} is {@code Cache-Control: no-store}: its pages carry the session
 * token in their links and show a person's own work, so neither the browser's cache (a shared
 * computer in a hospital library) nor any proxy may keep a copy.
 */
@Provider
public class AppPagesNotStored implements ContainerResponseFilter {
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String path = request.getUriInfo().getPath();
    if (path.startsWith("/")) {
      path = path.substring(1);
    }
    if (path.equals("app") || path.startsWith("app/")) {
      response.getHeaders().putSingle("Cache-Control", "no-store");
    }
  }
}
