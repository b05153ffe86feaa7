package org.rapport.lti.assessment;

import org.rapport.lti.web.Nav;

/**
 * Why an answer was refused, for a student without JavaScript (template {@code
 * assessment-refused}).
 *
 * @param s the launch session token for the way back
 */
public record RefusedPage(String s, Nav nav, String title, String message) {}
