package org.rapport.lti.protocol.registration;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The platform's answer to a client registration (LTI Dynamic Registration 1.0 §3.6): the client_id
 * Rapport now has, the deployment the platform created (if it says), the scopes it granted, and the
 * platform's configuration. Together they make a {@link Registration}.
 */
public record RegisteredClient(
    String clientId,
    Optional<String> deploymentId,
    Set<String> grantedScopes,
    PlatformConfiguration platform) {

  public RegisteredClient {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(deploymentId, "deploymentId");
    grantedScopes = Set.copyOf(grantedScopes);
    Objects.requireNonNull(platform, "platform");
  }

  /** The registration to store for this client, enabled, under the id the store assigned. */
  public Registration toRegistration(RegistrationId id, DeploymentPolicy deploymentPolicy) {
    return new Registration(
        id,
        platform.issuer(),
        clientId,
        platform.authorizationEndpoint(),
        platform.tokenEndpoint(),
        platform.jwksUri(),
        deploymentPolicy,
        true);
  }
}
