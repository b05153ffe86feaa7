package org.rapport.lti.protocol.deeplinking;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.rapport.lti.protocol.claims.ClaimReader;
import org.rapport.lti.protocol.claims.DeepLinkingSettings;
import org.rapport.lti.protocol.claims.LtiClaims;
import org.rapport.lti.protocol.launch.MessageType;
import org.rapport.lti.protocol.launch.ValidatedLaunch;

/**
 * What a deep-linking response must answer (Deep Linking 2.0 §4.4 and §4.5): who signs ({@code
 * clientId}), for whom ({@code platformIssuer}), through which deployment, and the verified {@code
 * deep_linking_settings} claim exactly as the platform sent it, so that {@code data} is echoed
 * unchanged. It can be stored as JSON ({@link #settingsJson()}) while the instructor chooses, and
 * read back with {@link #restore}.
 */
public final class DeepLinkingRequest {
  private final String clientId;
  private final String platformIssuer;
  private final String deploymentId;
  private final Map<String, Object> settingsClaim;
  private final DeepLinkingSettings settings;

  private DeepLinkingRequest(
      String clientId, String platformIssuer, String deploymentId, Map<String, Object> claim) {
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.platformIssuer = Objects.requireNonNull(platformIssuer, "platformIssuer");
    this.deploymentId = Objects.requireNonNull(deploymentId, "deploymentId");
    this.settingsClaim = claim;
    this.settings =
        DeepLinkingSettings.from(
                new JWTClaimsSet.Builder().claim(LtiClaims.DEEP_LINKING_SETTINGS, claim).build())
            .orElseThrow();
  }

  /**
   * @throws IllegalArgumentException if the launch is not a deep-linking request
   */
  public static DeepLinkingRequest of(ValidatedLaunch launch) {
    if (launch.messageType() != MessageType.DEEP_LINKING || launch.deepLinking().isEmpty()) {
      throw new IllegalArgumentException(
          "Content items can only answer a deep-linking request; this launch is a "
              + launch.messageType().claimValue());
    }
    Map<String, Object> claim =
        ClaimReader.object(launch.claims(), LtiClaims.DEEP_LINKING_SETTINGS)
            .orElseThrow()
            .members();
    return new DeepLinkingRequest(
        launch.registration().clientId(),
        launch.registration().issuer(),
        launch.deploymentId(),
        Map.copyOf(nullFree(claim)));
  }

  /**
   * A request stored with {@link #settingsJson()}.
   *
   * @throws IllegalArgumentException if the stored settings cannot be read
   */
  public static DeepLinkingRequest restore(
      String clientId, String platformIssuer, String deploymentId, String settingsJson) {
    try {
      return new DeepLinkingRequest(
          clientId, platformIssuer, deploymentId, JSONObjectUtils.parse(settingsJson));
    } catch (ParseException | RuntimeException e) {
      throw new IllegalArgumentException("The stored deep-linking settings are unreadable", e);
    }
  }

  public String clientId() {
    return clientId;
  }

  public String platformIssuer() {
    return platformIssuer;
  }

  public String deploymentId() {
    return deploymentId;
  }

  public DeepLinkingSettings settings() {
    return settings;
  }

  /**
   * Whether the platform said it ignores line items ({@code accept_lineitem} false, §4.4.1). When
   * the platform says nothing, no assumption may be made, so line items are worth sending: a
   * platform that does not take them ignores them.
   */
  public boolean lineItemsIgnored() {
    Object accept = settingsClaim.get("accept_lineitem");
    return Boolean.FALSE.equals(accept) || "false".equals(accept);
  }

  /** The request's {@code data}, exactly as the platform sent it (any JSON type). */
  public Optional<Object> data() {
    return Optional.ofNullable(settingsClaim.get("data"));
  }

  /** The deep_linking_settings claim as JSON, for storing the request server-side. */
  public String settingsJson() {
    return JSONObjectUtils.toJSONString(settingsClaim);
  }

  private static Map<String, Object> nullFree(Map<String, Object> claim) {
    Map<String, Object> copy = new java.util.LinkedHashMap<>();
    claim.forEach(
        (name, value) -> {
          if (value != null) {
            copy.put(name, value);
          }
        });
    return copy;
  }
}
