package org.rapport.curriculum.observed;

import java.util.Objects;
import org.rapport.curriculum.analytics.CohortKey;
import org.rapport.curriculum.analytics.WaveKey;

/**
 * A cohort's published self-assessment figures on one measure at one stage, in percent of scale.
 * Only an aggregate that passed the small-cell rule is ever one of these; never an individual's
 * score.
 */
public record SelfFigures(
    CohortKey cohort, WaveKey stage, String measure, GapStatistics.Group figures) {
  public SelfFigures {
    Objects.requireNonNull(cohort, "cohort");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(figures, "figures");
  }
}
