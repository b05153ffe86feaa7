package org.rapport.lti.assessment;

import java.util.List;

/**
 * The administrators' student page: the look-up form, the student found (cohort and its history,
 * never answers or scores) with the forms that act on them, and the form that links a pseudonymous
 * student to an LMS user. A refused form comes back as it was typed, each problem beside its field.
 *
 * @param notice what the last action did, or null
 * @param problems why the last action was refused, where no single field is to blame
 * @param student the student found, or null
 */
record StudentAdminPage(
    String notice,
    List<String> problems,
    List<TenantOption> tenants,
    Lookup lookup,
    StudentView student,
    String tenantName,
    CohortForm cohortForm,
    LinkForm linkForm) {

  boolean hasProblems() {
    return !problems.isEmpty();
  }

  boolean noTenants() {
    return tenants.isEmpty();
  }

  boolean hasHistory() {
    return student != null && !student.cohortHistory().isEmpty();
  }

  /** A tenant to search in or link within. */
  record TenantOption(long id, String name, boolean selected) {}

  /**
   * The look-up form: in which tenant, by pseudonymous id or by LMS user, and the value typed.
   *
   * @param problem why nothing was found, or null
   */
  record Lookup(boolean bySubject, String value, String problem) {
    static final Lookup EMPTY = new Lookup(false, "", null);

    boolean byPseudonym() {
      return !bySubject;
    }
  }

  /** The cohort correction form as typed, with a problem per field (null when none). */
  record CohortForm(
      String matriculationYear, String reason, String yearProblem, String reasonProblem) {
    static final CohortForm EMPTY = new CohortForm("", "", null, null);
  }

  /** The link form as typed, with a problem per field (null when none). */
  record LinkForm(
      String studentId,
      String lmsSubject,
      String tenantProblem,
      String studentIdProblem,
      String lmsSubjectProblem) {
    static final LinkForm EMPTY = new LinkForm("", "", null, null, null);
  }
}
