package org.rapport.lti.audit;

/** What was done with student-level data; the sentence describes it on the admin page. */
public enum AuditAction {
  STUDENT_EXPORTED_OWN_DATA("A student downloaded their own data"),
  RESEARCH_EXPORT("An administrator exported pseudonymous responses for research"),
  STUDENT_DATA_DELETED("An administrator deleted a student's data"),
  STUDENT_VIEWED("An administrator looked up a student"),
  STUDENT_EXPORTED_BY_ADMIN("An administrator exported one student's data"),
  STUDENT_LINKED("A pseudonymous student was linked to an LMS user"),
  COHORT_CORRECTED("An administrator moved a student to another cohort"),
  RESULTS_IMPORTED("An administrator imported historical results"),
  RESCORED("An administrator re-scored responses with another definition version");

  private final String description;

  AuditAction(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
