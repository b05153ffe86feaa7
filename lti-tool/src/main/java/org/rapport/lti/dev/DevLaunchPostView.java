package org.rapport.lti.dev;

/** The test platform's form that posts the signed launch to Rapport. */
record DevLaunchPostView(String action, String idToken, String state) {}
