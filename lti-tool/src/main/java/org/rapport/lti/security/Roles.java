package org.rapport.lti.security;

import java.util.Set;

/**
 * The roles Rapport's resources name in {@link jakarta.annotation.security.RolesAllowed}, and the
 * groups the authenticators give their callers (Payara maps each group to the role of the same
 * name; {@code web.xml} declares them).
 */
public final class Roles {
  /** Anyone launched from an LMS course with a live session: students and faculty. */
  public static final String LAUNCHED_USER = "launched-user";

  /** A launched user who is a student of the course (no faculty role there). */
  public static final String STUDENT = "student";

  /** A launched user who is faculty of the course: instructor, teaching assistant, course admin. */
  public static final String FACULTY = "faculty";

  /** A Rapport administrator, signed in on the admin pages or calling with an API token. */
  public static final String ADMINISTRATOR = "administrator";

  /** Every role, as declared to the container. */
  public static final Set<String> ALL = Set.of(LAUNCHED_USER, STUDENT, FACULTY, ADMINISTRATOR);

  private Roles() {}

  /** The groups of a launched user: always {@link #LAUNCHED_USER}, and student or faculty. */
  public static Set<String> ofLaunchedUser(boolean faculty) {
    return Set.of(LAUNCHED_USER, faculty ? FACULTY : STUDENT);
  }
}
