package org.rapport.lti.protocol.services;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An OAuth 2 access token for the platform's services (RFC 6749 §5.1). {@link #toString()} never
 * shows the value.
 *
 * @param value the bearer token; never log it
 * @param scopes the scopes the platform granted (those requested when it did not say)
 * @param expiresAt when the platform stops accepting it
 * @param refreshAt when Rapport stops using it: {@code expiresAt} minus a margin
 */
public record AccessToken(String value, Set<String> scopes, Instant expiresAt, Instant refreshAt) {

  public AccessToken {
    Objects.requireNonNull(value, "value");
    scopes = Set.copyOf(scopes);
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(refreshAt, "refreshAt");
  }

  public boolean usableAt(Instant now) {
    return now.isBefore(refreshAt);
  }

  public String authorization() {
    return "Bearer " + value;
  }

  @Override
  public String toString() {
    return "AccessToken[scopes=" + scopes + ", expiresAt=" + expiresAt + "]";
  }
}
