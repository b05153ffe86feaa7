package org.rapport.lti.roster;

import java.util.List;

/**
 * The administrators' page of course rosters: per tenant its courses with when their roster was
 * last read from the LMS, what went wrong last, and a button to read it now.
 */
record RostersPage(String notice, List<String> problems, List<Tenant> tenants) {
  boolean hasProblems() {
    return !problems.isEmpty();
  }

  boolean empty() {
    return tenants.isEmpty();
  }

  /** One tenant and its courses. */
  record Tenant(long id, String name, List<CourseRosterView> courses) {
    boolean hasCourses() {
      return !courses.isEmpty();
    }
  }
}
