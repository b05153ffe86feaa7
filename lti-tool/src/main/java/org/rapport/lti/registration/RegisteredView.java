package org.rapport.lti.registration;

/** The page shown in the LMS's window once dynamic registration has stored the registration. */
record RegisteredView(String issuer, String clientId, boolean enabled) {}
