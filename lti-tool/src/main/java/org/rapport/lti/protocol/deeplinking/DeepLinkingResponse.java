package org.rapport.lti.protocol.deeplinking;

import com.nimbusds.jwt.JWTClaimsSet;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.rapport.lti.protocol.claims.DeepLinkingSettings;
import org.rapport.lti.protocol.claims.LtiClaims;
import org.rapport.lti.protocol.keys.ToolJwtSigner;
import org.rapport.lti.protocol.keys.ToolKey;
import org.rapport.lti.protocol.launch.ValidatedLaunch;

/**
 * Builds the signed {@code LtiDeepLinkingResponse} (Deep Linking 2.0 §4.5) that answers a validated
 * deep-linking request: {@code iss} = Rapport's client_id, {@code aud} = the platform issuer,
 * {@code iat}, {@code exp} (5 minutes), a fresh {@code nonce}, the request's {@code deployment_id},
 * {@code version} 1.3.0, the request's {@code data} echoed unchanged, and the content items, which
 * must respect the request's {@code accept_types} and {@code accept_multiple}; line items are left
 * to the caller ({@link DeepLinkingRequest#lineItemsIgnored()}), since a platform ignores those it
 * does not take (§4.4.1). The caller posts the result to {@code deep_link_return_url} as the form
 * field {@code JWT}.
 */
public final class DeepLinkingResponse {
  public static final String MESSAGE_TYPE = "LtiDeepLinkingResponse";
  public static final Duration LIFETIME = Duration.ofMinutes(5);
  private static final SecureRandom RANDOM = new SecureRandom();

  private DeepLinkingResponse() {}

  /**
   * @throws IllegalArgumentException if the launch is not a deep-linking request, or the items
   *     break the request's accept_types or accept_multiple (the message says how)
   */
  public static String build(
      ValidatedLaunch launch, List<ContentItem> items, ToolKey key, Clock clock) {
    return build(DeepLinkingRequest.of(launch), items, key, clock);
  }

  /**
   * The response to a request kept server-side while the instructor chose; an empty list tells the
   * platform nothing was selected (§4.5, {@code content_items} may be empty).
   *
   * @throws IllegalArgumentException if the items break the request's accept_types, accept_multiple
   *     or accept_lineitem (the message says how)
   */
  public static String build(
      DeepLinkingRequest request, List<ContentItem> items, ToolKey key, Clock clock) {
    checkAccepted(request.settings(), items);
    Instant now = clock.instant();
    List<Object> contentItems = new ArrayList<>();
    items.forEach(item -> contentItems.add(item.toJson()));
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(request.clientId())
            .audience(request.platformIssuer())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(LIFETIME)))
            .claim("nonce", randomNonce())
            .claim(LtiClaims.DEPLOYMENT_ID, request.deploymentId())
            .claim(LtiClaims.MESSAGE_TYPE, MESSAGE_TYPE)
            .claim(LtiClaims.VERSION, LtiClaims.SUPPORTED_VERSION)
            .claim(LtiClaims.CONTENT_ITEMS, contentItems);
    request.data().ifPresent(data -> claims.claim(LtiClaims.DEEP_LINKING_DATA, data));
    return new ToolJwtSigner().sign(claims.build(), key);
  }

  private static void checkAccepted(DeepLinkingSettings settings, List<ContentItem> items) {
    if (items.size() > 1 && !settings.acceptMultiple()) {
      throw new IllegalArgumentException(
          "The LMS accepts a single item from this deep-linking request, but "
              + items.size()
              + " were selected. Select one.");
    }
    for (ContentItem item : items) {
      if (!settings.acceptTypes().contains(item.type())) {
        throw new IllegalArgumentException(
            "The LMS accepts only "
                + settings.acceptTypes()
                + " from this deep-linking request, not '"
                + item.type()
                + "'. Add Rapport from a place in the LMS that accepts LTI links.");
      }
    }
  }

  private static String randomNonce() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
