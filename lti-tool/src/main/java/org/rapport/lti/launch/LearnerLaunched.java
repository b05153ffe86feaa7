package org.rapport.lti.launch;

import java.util.Map;

/**
 * Fired inside the launch transaction once a launch is recorded, for features that read the
 * launch's custom parameters (for example a student's matriculation year). Observers must not
 * throw: a launch never fails because of them.
 *
 * @param custom the LTI {@code custom} claim, values in string form
 */
public record LearnerLaunched(
    long registrationId,
    long learnerId,
    String subject,
    CourseRole role,
    Map<String, String> custom) {
  public LearnerLaunched {
    custom = Map.copyOf(custom);
  }
}
