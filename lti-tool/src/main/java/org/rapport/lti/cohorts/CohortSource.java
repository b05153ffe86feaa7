package org.rapport.lti.cohorts;

/** Where a student's cohort came from; decides what may change it later. */
public enum CohortSource {
  /** The LMS sent custom parameter {@code rapport_matriculation_year} with the launch. */
  LTI,
  /** The student answered "Which year did you start medical school?". */
  SELF,
  /** An administrator set or corrected it; only an administrator changes it again. */
  ADMIN,
  /** A historical import placed the pseudonymous student in it. */
  IMPORT
}
