package org.rapport.lti.console;

import org.rapport.lti.registration.PlatformEndpoints;
import org.rapport.lti.registration.PlatformKind;
import org.rapport.lti.registration.RegistrationRequestView;
import org.rapport.lti.registration.RegistrationSettings;

/**
 * What an administrator typed into the registration wizard, kept as typed so that a refused save
 * shows every value again.
 */
public record RegistrationWizardForm(
    String platformKind,
    String name,
    String siteUrl,
    String toolId,
    String issuer,
    String clientId,
    String deploymentId,
    String authEndpoint,
    String tokenEndpoint,
    String jwksUri,
    String deploymentPolicy) {

  /** The empty form for an LMS. */
  static RegistrationWizardForm blank(PlatformKind kind) {
    return new RegistrationWizardForm(
        kind.name(),
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        RegistrationSettings.ACCEPT_ON_FIRST_SIGHT);
  }

  /** The same form with the endpoints the wizard knows for its LMS filled in. */
  RegistrationWizardForm filled(PlatformEndpoints.Filled filled) {
    return new RegistrationWizardForm(
        platformKind,
        name,
        siteUrl,
        toolId,
        or(filled.issuer(), issuer),
        clientId,
        deploymentId,
        or(filled.authEndpoint(), authEndpoint),
        or(filled.tokenEndpoint(), tokenEndpoint),
        or(filled.jwksUri(), jwksUri),
        deploymentPolicy);
  }

  /** The same form with another site address. */
  RegistrationWizardForm withSite(String site) {
    return new RegistrationWizardForm(
        platformKind,
        name,
        site,
        toolId,
        issuer,
        clientId,
        deploymentId,
        authEndpoint,
        tokenEndpoint,
        jwksUri,
        deploymentPolicy);
  }

  /** The same form with only its empty endpoints filled in from what the wizard knows. */
  RegistrationWizardForm blanksFilled(PlatformEndpoints.Filled filled) {
    return new RegistrationWizardForm(
        platformKind,
        name,
        siteUrl,
        toolId,
        blank(issuer) ? or(filled.issuer(), issuer) : issuer,
        clientId,
        deploymentId,
        blank(authEndpoint) ? or(filled.authEndpoint(), authEndpoint) : authEndpoint,
        blank(tokenEndpoint) ? or(filled.tokenEndpoint(), tokenEndpoint) : tokenEndpoint,
        blank(jwksUri) ? or(filled.jwksUri(), jwksUri) : jwksUri,
        deploymentPolicy);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** The request the registration use case checks and stores. */
  RegistrationRequestView request(PlatformKind kind) {
    return new RegistrationRequestView(
        name,
        kind.name(),
        issuer,
        clientId,
        authEndpoint,
        tokenEndpoint,
        jwksUri,
        deploymentPolicy,
        true);
  }

  PlatformEndpoints.Site site() {
    return new PlatformEndpoints.Site(siteUrl, clientId, toolId);
  }

  /** Every value with null as empty and surrounding spaces kept (they are shown as typed). */
  RegistrationWizardForm orEmpty() {
    return new RegistrationWizardForm(
        nz(platformKind),
        nz(name),
        nz(siteUrl),
        nz(toolId),
        nz(issuer),
        nz(clientId),
        nz(deploymentId),
        nz(authEndpoint),
        nz(tokenEndpoint),
        nz(jwksUri),
        deploymentPolicy == null || deploymentPolicy.isBlank()
            ? RegistrationSettings.ACCEPT_ON_FIRST_SIGHT
            : deploymentPolicy);
  }

  private static String or(String preferred, String fallback) {
    return preferred == null ? fallback : preferred;
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }
}
