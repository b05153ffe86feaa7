package org.rapport.lti.protocol.services;

import java.net.URI;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an access token is asked for: the registration (tenant) whose client id signs the assertion,
 * the platform's token endpoint and the scopes (only ones the platform granted in a launch).
 *
 * @param registrationId Rapport's id of the registration; part of the cache key
 * @param scopes never empty; kept sorted so the same set always makes the same cache key
 */
public record TokenRequest(
    long registrationId, String clientId, URI tokenEndpoint, Set<String> scopes) {

  public TokenRequest {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
    if (scopes == null || scopes.isEmpty()) {
      throw new IllegalArgumentException("A service token needs at least one scope");
    }
    scopes = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(scopes));
  }

  /** The scopes as the {@code scope} form parameter: space-separated, sorted. */
  public String scopeParameter() {
    return String.join(" ", scopes);
  }
}
