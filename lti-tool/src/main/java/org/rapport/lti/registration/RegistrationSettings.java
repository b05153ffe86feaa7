package org.rapport.lti.registration;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rapport.lti.web.InvalidRequestException;

/**
 * The checked, editable settings of a registration. {@link #from} validates a request and lists
 * every problem in words an administrator can act on.
 */
public record RegistrationSettings(
    String name,
    PlatformKind platformKind,
    URI authEndpoint,
    URI tokenEndpoint,
    URI jwksUri,
    String deploymentPolicy,
    boolean enabled) {

  public static final String REJECT_UNKNOWN = "REJECT_UNKNOWN";
  public static final String ACCEPT_ON_FIRST_SIGHT = "ACCEPT_ON_FIRST_SIGHT";

  /** Validates the request; throws {@link InvalidRequestException} listing every problem. */
  public static RegistrationSettings from(RegistrationRequestView request) {
    List<String> problems = new ArrayList<>();
    String name =
        request.name() == null || request.name().isBlank() ? null : request.name().strip();
    if (name == null) {
      problems.add(
          "name: give the registration a name people will recognise, e.g. \"Canvas production\".");
    } else if (name.length() > 200) {
      problems.add("name: use at most 200 characters.");
    }
    PlatformKind kind = PlatformKind.OTHER;
    if (request.platformKind() != null && !request.platformKind().isBlank()) {
      try {
        kind = PlatformKind.valueOf(request.platformKind().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add("platformKind: use one of CANVAS, MOODLE, BLACKBOARD, D2L, SAKAI, OTHER.");
      }
    }
    URI auth = url("authEndpoint", request.authEndpoint(), true, problems);
    URI token = url("tokenEndpoint", request.tokenEndpoint(), false, problems);
    URI jwks = url("jwksUri", request.jwksUri(), true, problems);
    String policy =
        request.deploymentPolicy() == null || request.deploymentPolicy().isBlank()
            ? ACCEPT_ON_FIRST_SIGHT
            : request.deploymentPolicy().strip().toUpperCase(Locale.ROOT);
    if (!policy.equals(REJECT_UNKNOWN) && !policy.equals(ACCEPT_ON_FIRST_SIGHT)) {
      problems.add("deploymentPolicy: use REJECT_UNKNOWN or ACCEPT_ON_FIRST_SIGHT.");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    boolean enabled = request.enabled() == null || request.enabled();
    return new RegistrationSettings(name, kind, auth, token, jwks, policy, enabled);
  }

  /** Checks an issuer or client id, which identify the registration and cannot be edited. */
  public static List<String> identityProblems(String issuer, String clientId) {
    List<String> problems = new ArrayList<>();
    if (issuer == null || issuer.isBlank()) {
      problems.add(
          "issuer: copy the platform's issuer (iss), e.g. https://canvas.instructure.com.");
    } else if (issuer.length() > 512) {
      problems.add("issuer: use at most 512 characters.");
    }
    if (clientId == null || clientId.isBlank()) {
      problems.add("clientId: copy the client id the platform gave Rapport.");
    } else if (clientId.length() > 255) {
      problems.add("clientId: use at most 255 characters.");
    }
    return problems;
  }

  private static URI url(String field, String value, boolean required, List<String> problems) {
    if (value == null || value.isBlank()) {
      if (required) {
        problems.add(field + ": this URL is required; copy it from the platform's LTI settings.");
      }
      return null;
    }
    try {
      URI uri = new URI(value.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
        problems.add(field + ": use an absolute https:// URL.");
        return null;
      }
      if (value.length() > 1024) {
        problems.add(field + ": use at most 1024 characters.");
        return null;
      }
      return uri;
    } catch (URISyntaxException e) {
      problems.add(field + ": \"" + value + "\" is not a valid URL.");
      return null;
    }
  }
}
