package org.rapport.lti.assessment;

import jakarta.validation.constraints.NotNull;
import org.rapport.lti.web.FilledIn;

/**
 * What an administrator sends to move a student to the cohort of another matriculation year; the
 * reason is kept in the student's cohort history. Every problem is answered at once; whether the
 * year is plausible is checked against the application's clock afterwards.
 */
public record CohortCorrectionView(
    @NotNull(message = "give the year the student started medical school.")
        Integer matriculationYear,
    @FilledIn(
            max = 1000,
            message = CohortCorrectionView.REASON,
            tooLong = "use at most 1000 characters.")
        String reason) {
  static final String REASON =
      "say why the student moves, e.g. 'repeating year 2'; it is kept in the history.";
}
