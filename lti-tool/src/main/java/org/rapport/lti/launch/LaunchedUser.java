package org.rapport.lti.launch;

/**
 * Who a request acts for, as the launch established it: the tenant (registration), the learner, the
 * course (absent for launches without a context) and the role there.
 */
public record LaunchedUser(
    long registrationId,
    long learnerId,
    Long courseId,
    CourseRole role,
    String name,
    String courseTitle) {

  public boolean isFaculty() {
    return role.isFaculty();
  }
}
