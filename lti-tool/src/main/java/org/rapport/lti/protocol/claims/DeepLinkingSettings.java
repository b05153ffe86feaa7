package org.rapport.lti.protocol.claims;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rapport.lti.protocol.LaunchFailure;
import org.rapport.lti.protocol.LaunchRejected;

/**
 * What the platform accepts back from a deep-linking request (Deep Linking 2.0 §4.4.1, {@code
 * deep_linking_settings} claim).
 *
 * @param acceptTypes content item types the platform accepts, e.g. {@code ltiResourceLink}
 * @param acceptMultiple whether several items may be returned; {@code false} when the platform does
 *     not say, the conservative reading
 * @param acceptLineItem whether the platform creates line items from returned items; {@code false}
 *     when the platform does not say
 * @param data the opaque {@code data} value in string form; the response echoes the raw value
 */
public record DeepLinkingSettings(
    URI deepLinkReturnUrl,
    List<String> acceptTypes,
    List<String> acceptPresentationDocumentTargets,
    boolean acceptMultiple,
    boolean acceptLineItem,
    Optional<String> data) {

  public DeepLinkingSettings {
    Objects.requireNonNull(deepLinkReturnUrl, "deepLinkReturnUrl");
    acceptTypes = List.copyOf(acceptTypes);
    acceptPresentationDocumentTargets = List.copyOf(acceptPresentationDocumentTargets);
    Objects.requireNonNull(data, "data");
  }

  /**
   * The deep_linking_settings claim, if present; without {@code deep_link_return_url} or {@code
   * accept_types} it is a rejection.
   */
  public static Optional<DeepLinkingSettings> from(JWTClaimsSet claims) {
    return ClaimReader.object(claims, LtiClaims.DEEP_LINKING_SETTINGS)
        .map(
            settings -> {
              URI returnUrl =
                  settings
                      .uri("deep_link_return_url")
                      .orElseThrow(() -> missing("deep_link_return_url"));
              if (settings.raw("accept_types").isEmpty()) {
                throw missing("accept_types");
              }
              return new DeepLinkingSettings(
                  returnUrl,
                  settings.stringList("accept_types"),
                  settings.stringList("accept_presentation_document_targets"),
                  settings.bool("accept_multiple").orElse(false),
                  settings.bool("accept_lineitem").orElse(false),
                  settings.raw("data").map(String::valueOf));
            });
  }

  private static LaunchRejected missing(String member) {
    return new LaunchRejected(
        LaunchFailure.DEEP_LINKING_SETTINGS_MISSING,
        "Claim " + LtiClaims.DEEP_LINKING_SETTINGS + " has no " + member);
  }
}
