package org.rapport.lti.dev;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;
import org.rapport.lti.settings.RapportSettings;

/**
 * Answers 404 for every request under {@code /dev/} unless development mode is configured, before
 * JAX-RS picks a resource method: the answers JAX-RS gives by itself (OPTIONS, and HEAD for a GET)
 * run no filter bound to a resource, so {@link DevelopmentModeFilter} alone would let them through.
 * The bound filter stays as the guard for any other spelling of an address that reaches a {@link
 * DevelopmentOnly} resource.
 */
@Provider
@PreMatching
public class DevelopmentPathFilter implements ContainerRequestFilter {
  @Inject RapportSettings settings;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!settings.devMode() && underDev(request)) {
      throw new NotFoundException();
    }
  }

  /** Whether the first non-empty decoded segment of the path is {@code dev}. */
  private static boolean underDev(ContainerRequestContext request) {
    for (PathSegment segment : request.getUriInfo().getPathSegments(true)) {
      if (!segment.getPath().isEmpty()) {
        return segment.getPath().equals("dev");
      }
    }
    return false;
  }
}
