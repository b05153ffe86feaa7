package org.rapport.lti.protocol.claims;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How the platform shows the tool and where to send the user back (LTI Core 1.3 §5.4.4, {@code
 * launch_presentation} claim).
 *
 * @param documentTarget {@code iframe}, {@code window} or {@code embed}
 */
public record LaunchPresentation(Optional<String> documentTarget, Optional<URI> returnUrl) {

  public LaunchPresentation {
    Objects.requireNonNull(documentTarget, "documentTarget");
    Objects.requireNonNull(returnUrl, "returnUrl");
  }

  public static Optional<LaunchPresentation> from(JWTClaimsSet claims) {
    return ClaimReader.object(claims, LtiClaims.LAUNCH_PRESENTATION)
        .map(
            presentation ->
                new LaunchPresentation(
                    presentation.string("document_target"), presentation.uri("return_url")));
  }
}
