package org.rapport.lti.protocol.launch;

import java.util.Arrays;
import java.util.Optional;

/** The LTI messages Rapport accepts (LTI Core 1.3 §5.3.1; Deep Linking 2.0 §4.4). */
public enum MessageType {
  RESOURCE_LINK("LtiResourceLinkRequest"),
  DEEP_LINKING("LtiDeepLinkingRequest");

  private final String claimValue;

  MessageType(String claimValue) {
    this.claimValue = claimValue;
  }

  /** The value of the {@code message_type} claim. */
  public String claimValue() {
    return claimValue;
  }

  public static Optional<MessageType> fromClaim(String value) {
    return Arrays.stream(values()).filter(type -> type.claimValue.equals(value)).findFirst();
  }
}
