package org.rapport.lti.assessment;

/**
 * The step that asks an administrator to confirm a change to a student before it is made: a move to
 * another cohort (with the reason given) or the deletion of everything Rapport holds about them.
 *
 * @param deletion true to confirm a deletion, false to confirm a cohort move
 * @param matriculationYear the cohort the student moves to (cohort moves only)
 * @param reason why the student moves (cohort moves only)
 */
record StudentConfirmPage(
    StudentView student,
    String tenantName,
    boolean deletion,
    String matriculationYear,
    String reason) {
  boolean cohortMove() {
    return !deletion;
  }
}
