package org.rapport.lti.assessment;

import org.rapport.lti.web.Nav;

/**
 * The question for the student's class, their year of matriculation (template {@code
 * assessment-year}).
 *
 * @param s the launch session token the form posts with
 * @param year what the student entered, when the form came back; {@code null} on first showing
 * @param error why the form came back; {@code null} on first showing
 */
public record ClassPage(String s, Nav nav, int latestYear, String year, String error) {}
