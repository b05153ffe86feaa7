package org.rapport.curriculum.alerts;

import java.util.Objects;
import org.rapport.curriculum.analytics.CohortKey;
import org.rapport.curriculum.analytics.WaveKey;

/**
 * Identifies a finding for deduplication: the same decline found again on a later evaluation has
 * the same key. For {@link ComparisonKind#CROSS_COHORT} both waves are the compared wave.
 */
public record FindingKey(
    CohortKey cohort, WaveKey from, WaveKey to, String measure, ComparisonKind comparison) {
  public FindingKey {
    Objects.requireNonNull(cohort, "cohort");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(comparison, "comparison");
  }
}
