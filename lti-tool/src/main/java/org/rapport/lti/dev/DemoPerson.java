package org.rapport.lti.dev;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A demo person of the test platform, named by a login hint {@code role:user} (for example {@code
 * student:alice}), or {@code role:user:course} for a course other than the demo course.
 */
public record DemoPerson(String role, String user, String course) {
  /** The context id of the test platform's default course. */
  public static final String DEFAULT_COURSE = "dev-course";

  private static final String NAME = "[a-z0-9-]{1,40}";

  static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
  static final String STUDENT = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student";
  static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
  static final String FACULTY = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Faculty";

  public DemoPerson(String role, String user) {
    this(role, user, DEFAULT_COURSE);
  }

  public static Optional<DemoPerson> of(String role, String user) {
    return of(role, user, null);
  }

  /** A demo person in {@code course} (a context id), or in the demo course when it is blank. */
  public static Optional<DemoPerson> of(String role, String user, String course) {
    String r = role == null ? "" : role.strip().toLowerCase(Locale.ROOT);
    String u = user == null || user.isBlank() ? "demo" : user.strip().toLowerCase(Locale.ROOT);
    String c =
        course == null || course.isBlank()
            ? DEFAULT_COURSE
            : course.strip().toLowerCase(Locale.ROOT);
    if (!(r.equals("student") || r.equals("instructor")) || !u.matches(NAME) || !c.matches(NAME)) {
      return Optional.empty();
    }
    return Optional.of(new DemoPerson(r, u, c));
  }

  public static Optional<DemoPerson> fromLoginHint(String hint) {
    if (hint == null || !hint.contains(":")) {
      return Optional.empty();
    }
    String[] parts = hint.split(":", -1);
    if (parts.length > 3) {
      return Optional.empty();
    }
    return of(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
  }

  public String loginHint() {
    return DEFAULT_COURSE.equals(course) ? role + ":" + user : role + ":" + user + ":" + course;
  }

  public boolean inDefaultCourse() {
    return DEFAULT_COURSE.equals(course);
  }

  public String subject() {
    return "dev-" + role + "-" + user;
  }

  public String givenName() {
    return Character.toUpperCase(user.charAt(0)) + user.substring(1);
  }

  public String name() {
    return givenName() + " (demo " + role + ")";
  }

  public List<String> roleUris() {
    return role.equals("student") ? List.of(LEARNER, STUDENT) : List.of(INSTRUCTOR, FACULTY);
  }
}
