package org.rapport.lti.protocol.registration;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a platform says about itself in its OpenID configuration (LTI Dynamic Registration 1.0 §3.4,
 * with the {@code lti-platform-configuration} extension of §3.4.1).
 *
 * @param authorizationServer the audience for client assertions at the token endpoint, if the
 *     platform names one (otherwise the token endpoint URL)
 * @param messagesSupported the LTI message types the platform can send
 */
public record PlatformConfiguration(
    String issuer,
    URI authorizationEndpoint,
    URI tokenEndpoint,
    URI jwksUri,
    URI registrationEndpoint,
    Optional<String> authorizationServer,
    Set<String> scopesSupported,
    Optional<String> productFamilyCode,
    List<String> messagesSupported) {

  public PlatformConfiguration {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(authorizationEndpoint, "authorizationEndpoint");
    Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
    Objects.requireNonNull(jwksUri, "jwksUri");
    Objects.requireNonNull(registrationEndpoint, "registrationEndpoint");
    Objects.requireNonNull(authorizationServer, "authorizationServer");
    scopesSupported = Set.copyOf(scopesSupported);
    Objects.requireNonNull(productFamilyCode, "productFamilyCode");
    messagesSupported = List.copyOf(messagesSupported);
  }
}
