package org.rapport.lti.web;

import java.util.List;

/** The main navigation in a page's header: links, one of them the current page. */
public record Nav(List<Item> items) {
  /** One link; {@code current} marks the page being shown. */
  public record Item(String href, String label, boolean current) {}

  public static Nav of(Item... items) {
    return new Nav(List.of(items));
  }

  /** The student's pages, the same on each of them. */
  public enum StudentPage {
    HOME("/app", "Home"),
    MODULES("/app/modules", "Modules"),
    ASSESSMENT("/app/assessment", "Self-assessment"),
    OBSERVED("/app/observed", "Observed practice");

    private final String path;
    private final String label;

    StudentPage(String path, String label) {
      this.path = path;
      this.label = label;
    }
  }

  /** The navigation of every student page, with {@code current} marked. */
  public static Nav student(String token, StudentPage current) {
    return new Nav(
        java.util.Arrays.stream(StudentPage.values())
            .map(p -> new Item(p.path + "?s=" + token, p.label, p == current))
            .toList());
  }

  /** The faculty's pages in a course, the same on each of them. */
  public enum FacultyPage {
    HOME("/app", "Home"),
    COHORTS("/app/faculty/cohorts", "Cohorts"),
    MODULES("/app/faculty/modules", "Module completion"),
    OBSERVED("/app/faculty/observed", "Observed practice"),
    RATINGS("/app/ratings", "Ratings to give");

    private final String path;
    private final String label;

    FacultyPage(String path, String label) {
      this.path = path;
      this.label = label;
    }
  }

  /** The navigation of every faculty page, with {@code current} marked. */
  public static Nav faculty(String token, FacultyPage current) {
    return new Nav(
        java.util.Arrays.stream(FacultyPage.values())
            .map(p -> new Item(p.path + "?s=" + token, p.label, p == current))
            .toList());
  }
}
