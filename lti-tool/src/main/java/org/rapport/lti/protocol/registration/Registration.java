package org.rapport.lti.protocol.registration;

import java.net.URI;
import java.util.Objects;

/**
 * A platform registration (LTI Core 1.3 §3.1.3, Security Framework §5.1.1): the tool is known to
 * the platform {@code issuer} as {@code clientId}. Canvas uses one issuer for every customer, so
 * the pair, never the issuer alone, identifies the registration.
 *
 * @param authEndpoint the platform's OIDC authorization endpoint (login redirect target)
 * @param tokenEndpoint the platform's OAuth 2 token endpoint for LTI Advantage services, or {@code
 *     null} if it offers none
 * @param jwksUri the platform's public key set used to verify its id_tokens
 */
public record Registration(
    RegistrationId id,
    String issuer,
    String clientId,
    URI authEndpoint,
    URI tokenEndpoint,
    URI jwksUri,
    DeploymentPolicy deploymentPolicy,
    boolean enabled) {

  public Registration {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(authEndpoint, "authEndpoint");
    Objects.requireNonNull(jwksUri, "jwksUri");
    Objects.requireNonNull(deploymentPolicy, "deploymentPolicy");
  }
}
