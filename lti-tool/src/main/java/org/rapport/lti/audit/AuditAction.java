package org.rapport.lti.audit;

/** What was done with student-level data; the sentence describes it on the admin page. */
public enum AuditAction {
  STUDENT_EXPORTED_OWN_DATA("A student downloaded their own data"),
  RESEARCH_EXPORT("An administrator exported pseudonymous responses for research"),
  STUDENT_DATA_DELETED("An administrator deleted a student's data"),
  STUDENT_VIEWED("An administrator looked up a student"),
  STUDENT_EXPORTED_BY_ADMIN("An administrator exported one student's data"),
  STUDENT_LINKED("A pseudonymous student was linked to an LMS user"),
  STUDENT_LINK_QUEUED(
      "A launch asked to link an LMS user to a pseudonymous student; it waits for an administrator"),
  STUDENT_LINK_REJECTED("An administrator rejected a requested student link"),
  COHORT_CORRECTED("An administrator moved a student to another cohort"),
  RESULTS_IMPORTED("An administrator imported historical results"),
  OBSERVED_RATINGS_IMPORTED("An administrator imported past observed ratings (OSCE results)"),
  RESCORED("An administrator re-scored responses with another definition version"),
  ADMIN_SIGNED_IN("An administrator signed in"),
  ADMIN_SIGN_IN_FAILED("A sign-in as administrator failed"),
  API_TOKEN_CREATED("An administrator created an API token"),
  API_TOKEN_USED("An API token was used"),
  API_TOKEN_REVOKED("An administrator revoked an API token"),
  REGISTRATION_CREATED("An administrator registered a platform"),
  REGISTRATION_EDITED("An administrator changed a platform registration"),
  REGISTRATION_ENABLED("An administrator enabled a platform registration"),
  REGISTRATION_DISABLED("An administrator disabled a platform registration"),
  TOOL_KEYS_ROTATED("An administrator started a rotation of the tool keys"),
  ROSTER_MEMBERS_VIEWED("An administrator looked at a course's members (names and emails)"),
  SESSION_KEY_ROTATED("An administrator rotated the key that signs session tokens"),
  REGISTRATION_INVITE_CREATED("An administrator made a dynamic registration invite"),
  REGISTRATION_INVITE_USED("An LMS registered itself with a dynamic registration invite"),
  REGISTRATION_INVITE_REVOKED("An administrator revoked a dynamic registration invite"),
  REGISTRATION_INVITE_REFUSED(
      "A dynamic registration invite was refused (expired, used up or revoked)"),
  OBSERVED_RATINGS_VIEWED("Faculty read a student's observed ratings in an encounter session");

  private final String description;

  AuditAction(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
