package org.rapport.lti.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/**
 * Behind a TLS-terminating proxy the container sees plain http; when the proxy says {@code
 * X-Forwarded-Proto: https}, Rapport builds its own URLs (redirect URI, target links, cookies'
 * context) with https. Only the scheme is taken from the header, never the host.
 */
@Provider
@PreMatching
public class ForwardedProto implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext request) {
    String proto = request.getHeaderString("X-Forwarded-Proto");
    if (proto == null) {
      return;
    }
    String scheme = proto.split(",")[0].strip();
    if (!scheme.equals("https") || "https".equals(request.getUriInfo().getBaseUri().getScheme())) {
      return;
    }
    URI base = UriBuilder.fromUri(request.getUriInfo().getBaseUri()).scheme("https").build();
    URI full = UriBuilder.fromUri(request.getUriInfo().getRequestUri()).scheme("https").build();
    request.setRequestUri(base, full);
  }
}
