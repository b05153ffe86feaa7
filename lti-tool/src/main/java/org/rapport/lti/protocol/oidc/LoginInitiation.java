package org.rapport.lti.protocol.oidc;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rapport.lti.protocol.LaunchFailure;
import org.rapport.lti.protocol.LaunchRejected;

/**
 * A platform's third-party login initiation request (Security Framework §5.1.1.1, LTI Core 1.3
 * §5.1.1), sent by GET or POST. Optional parameters are {@code null} when absent.
 *
 * @param deploymentId {@code lti_deployment_id}, or Canvas's {@code deployment_id} alias
 * @param ltiStorageTarget {@code lti_storage_target}: the frame to post platform-storage messages
 *     to (LTI client-side postMessages)
 */
public record LoginInitiation(
    String issuer,
    String loginHint,
    URI targetLinkUri,
    String ltiMessageHint,
    String deploymentId,
    String clientId,
    String ltiStorageTarget) {

  /**
   * Reads the request parameters (query and form merged by the caller).
   *
   * @throws LaunchRejected if {@code iss}, {@code login_hint} or {@code target_link_uri} is
   *     missing, or the target is not an absolute http(s) URL
   */
  public static LoginInitiation from(Map<String, String> params) {
    String issuer =
        value(params, "iss")
            .orElseThrow(
                () -> new LaunchRejected(LaunchFailure.LOGIN_ISSUER_MISSING, "No iss parameter"));
    String loginHint =
        value(params, "login_hint")
            .orElseThrow(
                () ->
                    new LaunchRejected(
                        LaunchFailure.LOGIN_HINT_MISSING, "No login_hint parameter", issuer, null));
    String clientId = value(params, "client_id").orElse(null);
    String target =
        value(params, "target_link_uri")
            .orElseThrow(
                () ->
                    new LaunchRejected(
                        LaunchFailure.TARGET_LINK_URI_MISSING,
                        "No target_link_uri parameter",
                        issuer,
                        clientId));
    return new LoginInitiation(
        issuer,
        loginHint,
        absoluteHttp(target, issuer, clientId),
        value(params, "lti_message_hint").orElse(null),
        value(params, "lti_deployment_id").or(() -> value(params, "deployment_id")).orElse(null),
        clientId,
        value(params, "lti_storage_target").orElse(null));
  }

  public Optional<String> optionalClientId() {
    return Optional.ofNullable(clientId);
  }

  private static Optional<String> value(Map<String, String> params, String name) {
    String value = params.get(name);
    // Values are passed on unchanged (login_hint and lti_message_hint must be echoed exactly).
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  private static URI absoluteHttp(String text, String issuer, String clientId) {
    try {
      URI uri = new URI(text.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (uri.isAbsolute()
          && (scheme.equals("https") || scheme.equals("http"))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new LaunchRejected(
        LaunchFailure.TARGET_LINK_URI_INVALID,
        "target_link_uri " + LaunchRejected.quote(text) + " is not an absolute http(s) URL",
        issuer,
        clientId);
  }
}
