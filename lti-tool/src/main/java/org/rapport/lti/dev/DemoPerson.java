package org.rapport.lti.dev;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A demo person of the test platform, named by a login hint {@code role:user} (for example {@code
 * student:alice}).
 */
public record DemoPerson(String role, String user) {
  static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
  static final String STUDENT = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student";
  static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
  static final String FACULTY = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Faculty";

  public static Optional<DemoPerson> of(String role, String user) {
    String r = role == null ? "" : role.strip().toLowerCase(Locale.ROOT);
    String u = user == null || user.isBlank() ? "demo" : user.strip().toLowerCase(Locale.ROOT);
    if (!(r.equals("student") || r.equals("instructor")) || !u.matches("[a-z0-9-]{1,40}")) {
      return Optional.empty();
    }
    return Optional.of(new DemoPerson(r, u));
  }

  public static Optional<DemoPerson> fromLoginHint(String hint) {
    if (hint == null || !hint.contains(":")) {
      return Optional.empty();
    }
    int colon = hint.indexOf(':');
    return of(hint.substring(0, colon), hint.substring(colon + 1));
  }

  public String loginHint() {
    return role + ":" + user;
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
