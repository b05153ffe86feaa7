package org.rapport.curriculum.observed;

import java.util.Objects;
import org.rapport.curriculum.analytics.CohortKey;
import org.rapport.curriculum.analytics.WaveKey;

/**
 * A cohort's gap on one measure widened from one observed stage to the next: every figure faculty
 * need to judge it.
 *
 * @param change the later gap minus the earlier, with its interval and both gaps' figures
 */
public record GapWidening(
    CohortKey cohort, WaveKey from, WaveKey to, String measure, GapStatistics.GapChange change) {
  public GapWidening {
    Objects.requireNonNull(cohort, "cohort");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(change, "change");
  }
}
