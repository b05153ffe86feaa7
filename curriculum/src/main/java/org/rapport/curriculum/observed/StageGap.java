package org.rapport.curriculum.observed;

import java.util.Objects;
import org.rapport.curriculum.analytics.CohortKey;
import org.rapport.curriculum.analytics.WaveKey;

/** A cohort's gap on one measure at one stage. */
public record StageGap(
    CohortKey cohort, WaveKey stage, int stageOrder, String measure, GapStatistics.Gap gap) {
  public StageGap {
    Objects.requireNonNull(cohort, "cohort");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(gap, "gap");
  }
}
