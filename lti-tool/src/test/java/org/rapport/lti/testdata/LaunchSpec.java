package org.rapport.lti.testdata;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a launch from the test LMS carries; build with the static factories and the {@code with…}
 * methods.
 */
public record LaunchSpec(
    String messageType,
    String userId,
    String name,
    List<String> roles,
    String contextId,
    String resourceLinkId,
    String targetPath,
    List<String> agsScopes,
    String lineItem,
    boolean nrps,
    boolean acceptMultiple,
    boolean acceptLineItem,
    List<String> acceptTypes,
    Object data) {

  public static LaunchSpec resourceLink(
      String userId, String role, String contextId, String linkId, String targetPath) {
    return new LaunchSpec(
        "LtiResourceLinkRequest",
        userId,
        "User " + userId,
        List.of(role),
        contextId,
        linkId,
        targetPath,
        LtiTestPlatform.ALL_AGS_SCOPES,
        null,
        true,
        false,
        false,
        List.of(),
        null);
  }

  public static LaunchSpec deepLinking(String userId, String role, String contextId) {
    return new LaunchSpec(
        "LtiDeepLinkingRequest",
        userId,
        "User " + userId,
        List.of(role),
        contextId,
        null,
        "/app",
        LtiTestPlatform.ALL_AGS_SCOPES,
        null,
        true,
        true,
        true,
        List.of("ltiResourceLink", "link"),
        Map.of("opaque", "dl-" + UUID.randomUUID(), "nested", Map.of("kept", "as sent")));
  }

  public LaunchSpec withLineItem(String url) {
    return new LaunchSpec(
        messageType,
        userId,
        name,
        roles,
        contextId,
        resourceLinkId,
        targetPath,
        agsScopes,
        url,
        nrps,
        acceptMultiple,
        acceptLineItem,
        acceptTypes,
        data);
  }

  public LaunchSpec withAgsScopes(List<String> scopes) {
    return new LaunchSpec(
        messageType,
        userId,
        name,
        roles,
        contextId,
        resourceLinkId,
        targetPath,
        scopes,
        lineItem,
        nrps,
        acceptMultiple,
        acceptLineItem,
        acceptTypes,
        data);
  }

  public LaunchSpec withoutNrps() {
    return new LaunchSpec(
        messageType,
        userId,
        name,
        roles,
        contextId,
        resourceLinkId,
        targetPath,
        agsScopes,
        lineItem,
        false,
        acceptMultiple,
        acceptLineItem,
        acceptTypes,
        data);
  }

  public LaunchSpec accepting(boolean multiple, boolean lineItems) {
    return new LaunchSpec(
        messageType,
        userId,
        name,
        roles,
        contextId,
        resourceLinkId,
        targetPath,
        agsScopes,
        lineItem,
        nrps,
        multiple,
        lineItems,
        acceptTypes,
        data);
  }
}
