package org.rapport.lti.protocol.registration;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * How Rapport describes itself when registering with a platform (LTI Dynamic Registration 1.0
 * §3.5.2). Optional members are {@code null} when absent.
 *
 * @param initiateLoginUri Rapport's OIDC login initiation URL
 * @param redirectUri Rapport's launch URL (the {@code redirect_uri} of the login flow)
 * @param targetLinkUri the default page a resource-link launch opens
 * @param deepLinkingUri the page a deep-linking request opens
 * @param jwksUri where Rapport publishes its public keys
 * @param claims the id_token claims Rapport asks for, e.g. {@link #DEFAULT_CLAIMS}
 * @param deepLinkingPlacements platform placement names for the deep-linking message (e.g. {@code
 *     ContentArea}); empty to let the platform choose
 */
public record ToolDescription(
    String clientName,
    URI initiateLoginUri,
    URI redirectUri,
    URI targetLinkUri,
    URI deepLinkingUri,
    URI jwksUri,
    URI logoUri,
    String description,
    List<String> claims,
    List<String> deepLinkingPlacements) {

  public static final List<String> DEFAULT_CLAIMS =
      List.of("iss", "sub", "name", "given_name", "family_name", "email");

  public ToolDescription {
    Objects.requireNonNull(clientName, "clientName");
    Objects.requireNonNull(initiateLoginUri, "initiateLoginUri");
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(targetLinkUri, "targetLinkUri");
    Objects.requireNonNull(deepLinkingUri, "deepLinkingUri");
    Objects.requireNonNull(jwksUri, "jwksUri");
    claims = claims == null ? DEFAULT_CLAIMS : List.copyOf(claims);
    deepLinkingPlacements =
        deepLinkingPlacements == null ? List.of() : List.copyOf(deepLinkingPlacements);
  }
}
