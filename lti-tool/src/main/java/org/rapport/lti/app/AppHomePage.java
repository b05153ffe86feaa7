package org.rapport.lti.app;

import java.util.List;
import org.rapport.lti.web.Nav;

/**
 * Rapport's home inside the LMS (template {@code app-home}).
 *
 * @param name how to greet the user
 * @param role the role of the launch in words
 * @param course the course title; {@code null} when the LMS sent none
 * @param faculty whether to show the faculty's pages instead of the student's
 * @param s the launch session token for links
 * @param nav the student's navigation; {@code null} for faculty
 * @param next what a student could do next, most pressing first; empty for faculty
 * @param ratingsToGive how many observed ratings the user was asked for and has not given
 */
public record AppHomePage(
    String name,
    String role,
    String course,
    boolean faculty,
    String s,
    Nav nav,
    List<WhatNext.Suggestion> next,
    int ratingsToGive) {
  public AppHomePage(
      String name,
      String role,
      String course,
      boolean faculty,
      String s,
      Nav nav,
      List<WhatNext.Suggestion> next) {
    this(name, role, course, faculty, s, nav, next, 0);
  }

  public boolean hasRatingsToGive() {
    return ratingsToGive > 0;
  }
}
