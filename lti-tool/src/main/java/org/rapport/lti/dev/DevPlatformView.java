package org.rapport.lti.dev;

/**
 * The test platform's course page: Rapport in a frame, started with an LTI login.
 *
 * @param activity what the frame is doing when it is not an ordinary launch (a content selection);
 *     {@code null} otherwise
 */
record DevPlatformView(String login, String person, String toolOrigin, String activity) {}
