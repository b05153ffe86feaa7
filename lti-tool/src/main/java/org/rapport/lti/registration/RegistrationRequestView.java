package org.rapport.lti.registration;

/** What an administrator sends to create or edit a registration. */
public record RegistrationRequestView(
    String name,
    String platformKind,
    String issuer,
    String clientId,
    String authEndpoint,
    String tokenEndpoint,
    String jwksUri,
    String deploymentPolicy,
    Boolean enabled) {}
