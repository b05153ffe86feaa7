package org.rapport.lti.assessment;

import org.rapport.lti.web.Nav;

/**
 * The privacy notice and the consent form (template {@code assessment-consent}).
 *
 * @param s the launch session token the form posts with
 * @param error why the form came back; {@code null} on first showing
 */
public record ConsentPage(String s, Nav nav, int minGroupSize, String error) {}
