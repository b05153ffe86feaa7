package org.rapport.lti.app;

/**
 * Rapport's home inside the LMS (template {@code app-home}).
 *
 * @param name how to greet the user
 * @param role the role of the launch in words
 * @param course the course title; {@code null} when the LMS sent none
 * @param faculty whether to show the faculty's pages instead of the student's
 * @param s the launch session token for links
 */
public record AppHomePage(String name, String role, String course, boolean faculty, String s) {}
