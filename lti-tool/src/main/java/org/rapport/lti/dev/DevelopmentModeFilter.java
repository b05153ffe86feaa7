package org.rapport.lti.dev;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.rapport.lti.settings.RapportSettings;

/**
 * The one gate to the built-in test platform: a request for a {@link DevelopmentOnly} resource
 * answers 404, as if nothing were there, unless {@code rapport.dev-mode=true} is configured. The
 * platform's resources check nothing themselves. The filter is bound to the resources rather than
 * to a path, so no spelling of an address can reach them around it.
 */
@Provider
@DevelopmentOnly
@Priority(Priorities.AUTHENTICATION)
public class DevelopmentModeFilter implements ContainerRequestFilter {
  @Inject RapportSettings settings;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!settings.devMode()) {
      throw new NotFoundException();
    }
  }
}
