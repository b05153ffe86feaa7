package org.rapport.lti.protocol.claims;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Objects;
import java.util.Optional;
import org.rapport.lti.protocol.LaunchFailure;
import org.rapport.lti.protocol.LaunchRejected;

/**
 * The placed link that was launched (LTI Core 1.3 §5.3.5, {@code resource_link} claim, required on
 * {@code LtiResourceLinkRequest}).
 */
public record ResourceLink(String id, Optional<String> title) {

  public ResourceLink {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
  }

  /** The resource_link claim, if present; present without {@code id} is a rejection. */
  public static Optional<ResourceLink> from(JWTClaimsSet claims) {
    return ClaimReader.object(claims, LtiClaims.RESOURCE_LINK)
        .map(
            link ->
                new ResourceLink(
                    link.string("id")
                        .orElseThrow(
                            () ->
                                new LaunchRejected(
                                    LaunchFailure.RESOURCE_LINK_ID_MISSING,
                                    "Claim " + LtiClaims.RESOURCE_LINK + " has no id")),
                    link.string("title")));
  }
}
