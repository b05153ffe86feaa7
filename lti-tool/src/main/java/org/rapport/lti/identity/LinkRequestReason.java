package org.rapport.lti.identity;

/**
 * Why a launch's {@code rapport_student_id} did not link by itself and waits for an administrator.
 */
public enum LinkRequestReason {
  APPROVAL_REQUIRED(
      "This registration links students to imported history only with an administrator's"
          + " approval."),
  LINKED_TO_ANOTHER_USER(
      "The pseudonymous id is already linked to another LMS user; approving moves nothing until"
          + " that link is removed."),
  RECORDS_CONFLICT(
      "Linking was refused (for example both records answered the same wave); resolve that first.");

  private final String sentence;

  LinkRequestReason(String sentence) {
    this.sentence = sentence;
  }

  public String sentence() {
    return sentence;
  }
}
