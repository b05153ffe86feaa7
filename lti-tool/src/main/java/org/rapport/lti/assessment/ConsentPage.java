package org.rapport.lti.assessment;

/**
 * The privacy notice and the consent form (template {@code assessment-consent}).
 *
 * @param s the launch session token the form posts with
 * @param error why the form came back; {@code null} on first showing
 */
public record ConsentPage(String s, int minGroupSize, String error) {}
