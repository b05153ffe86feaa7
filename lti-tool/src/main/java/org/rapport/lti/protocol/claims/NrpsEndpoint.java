package org.rapport.lti.protocol.claims;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Names and Role Provisioning Services endpoint of the launch (NRPS 2.0 §3.6, {@code
 * lti-nrps/claim/namesroleservice}).
 */
public record NrpsEndpoint(URI contextMembershipsUrl) {
  public static final String SCOPE_MEMBERSHIP_READONLY =
      "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

  public NrpsEndpoint {
    Objects.requireNonNull(contextMembershipsUrl, "contextMembershipsUrl");
  }

  public static Optional<NrpsEndpoint> from(JWTClaimsSet claims) {
    return ClaimReader.object(claims, LtiClaims.NRPS)
        .map(
            service ->
                new NrpsEndpoint(
                    service
                        .uri("context_memberships_url")
                        .orElseThrow(
                            () ->
                                ClaimReader.invalid(
                                    LtiClaims.NRPS, "has no context_memberships_url"))));
  }
}
