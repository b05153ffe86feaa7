package org.rapport.lti.protocol.launch;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rapport.lti.protocol.claims.AgsEndpoint;
import org.rapport.lti.protocol.claims.Context;
import org.rapport.lti.protocol.claims.DeepLinkingSettings;
import org.rapport.lti.protocol.claims.LaunchPresentation;
import org.rapport.lti.protocol.claims.LtiRole;
import org.rapport.lti.protocol.claims.NrpsEndpoint;
import org.rapport.lti.protocol.claims.ResourceLink;
import org.rapport.lti.protocol.registration.Registration;

/**
 * A launch that passed every check of {@link LaunchValidator}: the registration (tenant), the
 * deployment and the claims Rapport uses, plus the full verified claims set. {@link #toString()}
 * leaves out personal data (name, email, claims).
 *
 * @param roleUris the {@code roles} claim as sent (may be empty)
 * @param roles {@code roleUris} mapped by {@link org.rapport.lti.protocol.claims.RoleMapper}
 * @param custom the {@code custom} claim, values in string form
 */
public record ValidatedLaunch(
    Registration registration,
    String deploymentId,
    MessageType messageType,
    String subject,
    Set<String> roleUris,
    Set<LtiRole> roles,
    Optional<Context> context,
    Optional<ResourceLink> resourceLink,
    URI targetLinkUri,
    Map<String, String> custom,
    Optional<String> name,
    Optional<String> email,
    Optional<DeepLinkingSettings> deepLinking,
    Optional<AgsEndpoint> ags,
    Optional<NrpsEndpoint> nrps,
    Optional<LaunchPresentation> presentation,
    JWTClaimsSet claims) {

  public ValidatedLaunch {
    roleUris = Set.copyOf(roleUris);
    roles = Set.copyOf(roles);
    custom = Map.copyOf(custom);
  }

  @Override
  public String toString() {
    return "ValidatedLaunch[registration="
        + registration.id().value()
        + ", deploymentId="
        + deploymentId
        + ", messageType="
        + messageType
        + ", subject="
        + subject
        + ", roles="
        + roles
        + ", context="
        + context.map(Context::id).orElse("-")
        + ", resourceLink="
        + resourceLink.map(ResourceLink::id).orElse("-")
        + "]";
  }
}
