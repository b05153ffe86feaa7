package org.rapport.lti.admin;

/** The first-run page that creates the administrator, with its one-time token. */
record SetupView(String token, String username, String error) {}
