package org.rapport.lti.registration;

import java.net.URI;
import java.util.Locale;

/** The checked, editable settings of a registration. */
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

  /**
   * The settings a request asks for. The request must meet the constraints of {@link
   * RegistrationRequestView} (see {@link RegistrationChecks}); what they leave out takes its
   * default: platform kind OTHER, deployment policy ACCEPT_ON_FIRST_SIGHT, enabled.
   */
  public static RegistrationSettings from(RegistrationRequestView request) {
    PlatformKind kind =
        blank(request.platformKind())
            ? PlatformKind.OTHER
            : PlatformKind.valueOf(request.platformKind().strip().toUpperCase(Locale.ROOT));
    String policy =
        blank(request.deploymentPolicy())
            ? ACCEPT_ON_FIRST_SIGHT
            : request.deploymentPolicy().strip().toUpperCase(Locale.ROOT);
    boolean enabled = request.enabled() == null || request.enabled();
    return new RegistrationSettings(
        request.name().strip(),
        kind,
        url(request.authEndpoint()),
        url(request.tokenEndpoint()),
        url(request.jwksUri()),
        policy,
        enabled);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static URI url(String value) {
    return blank(value) ? null : URI.create(value.strip());
  }
}
