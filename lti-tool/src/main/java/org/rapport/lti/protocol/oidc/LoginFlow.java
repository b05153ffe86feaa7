package org.rapport.lti.protocol.oidc;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.rapport.lti.protocol.LaunchFailure;
import org.rapport.lti.protocol.LaunchRejected;
import org.rapport.lti.protocol.registration.Registration;
import org.rapport.lti.protocol.registration.RegistrationStore;

/**
 * Answers a platform's login initiation (Security Framework §5.1.1, LTI Core 1.3 §5.1.1) with an
 * OIDC authentication request: {@code scope=openid}, {@code response_type=id_token}, {@code
 * response_mode=form_post}, {@code prompt=none}, the registration's {@code client_id}, Rapport's
 * {@code redirect_uri}, {@code login_hint} and {@code lti_message_hint} unchanged, and a fresh
 * random {@code state} and {@code nonce} of 256 bits each.
 *
 * <p>The registration is found by (iss, client_id); by iss alone only when exactly one registration
 * has that issuer. Unknown, ambiguous or disabled registrations and a {@code target_link_uri}
 * outside Rapport are refused before any redirect.
 */
public final class LoginFlow {
  private static final int RANDOM_BYTES = 32;

  private final RegistrationStore registrations;
  private final URI toolLaunchUri;
  private final Predicate<URI> isOurTarget;

  /**
   * @param toolLaunchUri Rapport's launch URL, sent as {@code redirect_uri}; it must be registered
   *     with the platform
   * @param isOurTarget whether a {@code target_link_uri} is a Rapport page (see {@link
   *     org.rapport.lti.protocol.ToolOrigin})
   */
  public LoginFlow(RegistrationStore registrations, URI toolLaunchUri, Predicate<URI> isOurTarget) {
    this.registrations = Objects.requireNonNull(registrations, "registrations");
    this.toolLaunchUri = Objects.requireNonNull(toolLaunchUri, "toolLaunchUri");
    this.isOurTarget = Objects.requireNonNull(isOurTarget, "isOurTarget");
  }

  public AuthenticationRedirect start(LoginInitiation init, SecureRandom rnd) {
    Registration registration = resolve(init);
    if (!registration.enabled()) {
      throw rejected(
          init,
          LaunchFailure.REGISTRATION_DISABLED,
          "Registration " + registration.id().value() + " is disabled");
    }
    if (!isOurTarget.test(init.targetLinkUri())) {
      throw rejected(
          init,
          LaunchFailure.TARGET_LINK_URI_FOREIGN,
          "target_link_uri "
              + LaunchRejected.quote(init.targetLinkUri())
              + " is not a Rapport URL");
    }
    String state = random(rnd);
    String nonce = random(rnd);
    Map<String, String> query = new LinkedHashMap<>();
    query.put("scope", "openid");
    query.put("response_type", "id_token");
    query.put("response_mode", "form_post");
    query.put("prompt", "none");
    query.put("client_id", registration.clientId());
    query.put("redirect_uri", toolLaunchUri.toString());
    query.put("login_hint", init.loginHint());
    if (init.ltiMessageHint() != null) {
      query.put("lti_message_hint", init.ltiMessageHint());
    }
    query.put("state", state);
    query.put("nonce", nonce);
    return new AuthenticationRedirect(
        withQuery(registration.authEndpoint(), query),
        state,
        nonce,
        registration,
        init.ltiStorageTarget());
  }

  private Registration resolve(LoginInitiation init) {
    if (init.clientId() != null) {
      return registrations
          .find(init.issuer(), init.clientId())
          .orElseThrow(
              () ->
                  registrations.findByIssuer(init.issuer()).isEmpty()
                      ? unknownIssuer(init)
                      : rejected(
                          init,
                          LaunchFailure.CLIENT_ID_UNKNOWN,
                          "No registration for client_id "
                              + LaunchRejected.quote(init.clientId())));
    }
    List<Registration> candidates = registrations.findByIssuer(init.issuer());
    if (candidates.isEmpty()) {
      throw unknownIssuer(init);
    }
    if (candidates.size() > 1) {
      throw rejected(
          init,
          LaunchFailure.ISSUER_AMBIGUOUS,
          candidates.size() + " registrations share this issuer and no client_id was sent");
    }
    return candidates.get(0);
  }

  private static LaunchRejected unknownIssuer(LoginInitiation init) {
    return rejected(
        init,
        LaunchFailure.ISSUER_UNKNOWN,
        "No registration for issuer " + LaunchRejected.quote(init.issuer()));
  }

  private static LaunchRejected rejected(
      LoginInitiation init, LaunchFailure failure, String detail) {
    return new LaunchRejected(failure, detail, init.issuer(), init.clientId());
  }

  private static String random(SecureRandom rnd) {
    byte[] bytes = new byte[RANDOM_BYTES];
    rnd.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static URI withQuery(URI endpoint, Map<String, String> params) {
    String added =
        params.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    String base = endpoint.toString();
    int fragment = base.indexOf('#');
    if (fragment >= 0) {
      base = base.substring(0, fragment);
    }
    String separator = endpoint.getRawQuery() == null ? "?" : base.endsWith("&") ? "" : "&";
    return URI.create(base + separator + added);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
