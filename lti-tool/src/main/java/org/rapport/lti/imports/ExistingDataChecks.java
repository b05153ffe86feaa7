package org.rapport.lti.imports;

import java.util.Optional;
import org.rapport.curriculum.imports.HistoricalResult;
import org.rapport.curriculum.imports.ResultColumns;
import org.rapport.curriculum.imports.RowProblem;

/**
 * Checks a valid row against what the tenant already holds: the student's cohort must match, and a
 * result for the same student, stage and instrument may only be there already with the same content
 * (then the row changes nothing).
 */
final class ExistingDataChecks {
  static final String OTHER_COHORT =
      "student %s is in the cohort of %d in Rapport, but this row says %d; correct the file, or"
          + " move the student first";
  static final String DIFFERENT_RESULT =
      "student %s already has a different result for %s with %s (%s); delete that student's data"
          + " first if this file is right";

  private ExistingDataChecks() {}

  /** The problem with {@code r} given what the tenant holds; empty when it may be imported. */
  static Optional<RowProblem> check(HistoricalResult r, TenantData known) {
    TenantData.KnownStudent student = known.studentByPseudonym.get(r.studentId());
    if (student != null
        && student.cohortYear() != null
        && student.cohortYear() != r.cohort().value()) {
      return Optional.of(
          new RowProblem(
              r.row(),
              ResultColumns.COHORT,
              String.format(
                  OTHER_COHORT, r.studentId(), student.cohortYear(), r.cohort().value())));
    }
    TenantData.KnownResponse existing = known.responseByKey.get(r.key());
    if (existing != null && !ImportWriter.fingerprint(r).equals(existing.fingerprint())) {
      return Optional.of(
          new RowProblem(
              r.row(),
              ResultColumns.STUDENT,
              String.format(
                  DIFFERENT_RESULT,
                  r.studentId(),
                  r.stage().name(),
                  r.instrument().id(),
                  "IMPORTED".equals(existing.status())
                      ? "imported earlier"
                      : "answered in Rapport")));
    }
    return Optional.empty();
  }
}
