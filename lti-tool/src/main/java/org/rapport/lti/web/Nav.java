package org.rapport.lti.web;

import java.util.List;

/** The main navigation in a page's header: links, one of them the current page. */
public record Nav(List<Item> items) {
  /** One link; {@code current} marks the page being shown. */
  public record Item(String href, String label, boolean current) {}

  public static Nav of(Item... items) {
    return new Nav(List.of(items));
  }

  /** A page every page of one kind of user links to. */
  interface Page {
    String path();

    String label();
  }

  /** The student's pages, the same on each of them. */
  public enum StudentPage implements Page {
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

    @Override
    public String path() {
      return path;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** The faculty's pages in a course, the same on each of them. */
  public enum FacultyPage implements Page {
    HOME("/app", "Home"),
    COHORTS("/app/faculty/cohorts", "Cohorts"),
    MODULES("/app/faculty/modules", "Module completion"),
    OBSERVED("/app/faculty/observed", "Observed practice"),
    OBSERVED_FIGURES("/app/faculty/observed/cohorts", "Observed practice figures"),
    RATINGS("/app/ratings", "Ratings to give");

    private final String path;
    private final String label;

    FacultyPage(String path, String label) {
      this.path = path;
      this.label = label;
    }

    @Override
    public String path() {
      return path;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** The navigation of every student page, with {@code current} marked. */
  public static Nav student(String token, StudentPage current) {
    return of(token, StudentPage.values(), current);
  }

  /** The navigation of every faculty page, with {@code current} marked. */
  public static Nav faculty(String token, FacultyPage current) {
    return of(token, FacultyPage.values(), current);
  }

  private static <P extends Page> Nav of(String token, P[] pages, P current) {
    return new Nav(
        java.util.Arrays.stream(pages)
            .map(p -> new Item(p.path() + "?s=" + token, p.label(), p == current))
            .toList());
  }
}
