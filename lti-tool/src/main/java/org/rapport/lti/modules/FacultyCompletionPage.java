package org.rapport.lti.modules;

import java.util.List;
import org.rapport.lti.web.Nav;

/**
 * Module completion in the faculty member's course, small groups hidden, and the facilitator
 * guides.
 *
 * @param course the course's title, or null
 * @param n the smallest group a figure may describe
 * @param noCourse the launch named no course, so there are no figures
 * @param students the course's students who opened Rapport, or null when hidden
 */
record FacultyCompletionPage(
    String s,
    Nav nav,
    String course,
    int n,
    List<Guide> guides,
    boolean noCourse,
    boolean courseHidden,
    Integer students,
    List<Row> rows,
    boolean anyHidden) {
  /** The navigation of the faculty's module pages. */
  static Nav nav(String token) {
    return Nav.faculty(token, Nav.FacultyPage.MODULES);
  }

  boolean hasGuides() {
    return !guides.isEmpty();
  }

  boolean hasRows() {
    return !rows.isEmpty();
  }

  /** A link to a module's facilitator guide. */
  record Guide(String title, String href, String stages) {}

  /** One module's figures; a hidden figure reads "Hidden". */
  record Row(
      String id, String title, String family, String started, String completed, String rate) {}
}
