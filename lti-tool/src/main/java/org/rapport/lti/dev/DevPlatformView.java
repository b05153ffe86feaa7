package org.rapport.lti.dev;

/** The test platform's course page: Rapport in a frame, started with an LTI login. */
record DevPlatformView(String login, String person, String toolOrigin) {}
