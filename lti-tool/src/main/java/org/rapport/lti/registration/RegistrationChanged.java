package org.rapport.lti.registration;

/** A registration was created or its settings (keys, endpoints, policy, enabled) changed. */
public record RegistrationChanged(long registrationId) {}
