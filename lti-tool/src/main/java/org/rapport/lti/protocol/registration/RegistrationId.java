package org.rapport.lti.protocol.registration;

/** Identity of a stored {@link Registration}; every registration is a tenant of its own. */
public record RegistrationId(long value) {}
