package org.rapport.lti.launch;

import java.util.Set;
import org.rapport.lti.protocol.claims.LtiRole;

/**
 * What a person may do in Rapport within a course. Administrators and instructors see cohort
 * aggregates (never individual answers); students see their own work. A person with no recognised
 * role is treated as a student, the least privileged.
 */
public enum CourseRole {
  STUDENT("Student"),
  INSTRUCTOR("Instructor"),
  ADMINISTRATOR("Administrator");

  private final String label;

  CourseRole(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isFaculty() {
    return this != STUDENT;
  }

  /** The most privileged Rapport role the LTI roles grant. */
  public static CourseRole from(Set<LtiRole> roles) {
    if (roles.contains(LtiRole.ADMINISTRATOR)) {
      return ADMINISTRATOR;
    }
    if (roles.contains(LtiRole.INSTRUCTOR)) {
      return INSTRUCTOR;
    }
    return STUDENT;
  }
}
