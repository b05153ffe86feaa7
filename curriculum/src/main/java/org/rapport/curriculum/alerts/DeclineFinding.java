package org.rapport.curriculum.alerts;

import java.util.Objects;
import org.rapport.curriculum.analytics.ConfidenceInterval;
import org.rapport.curriculum.analytics.CrossCohortComparison;
import org.rapport.curriculum.analytics.MixedModelContrast;
import org.rapport.curriculum.analytics.PairedComparison;

/**
 * A cohort declined on one measure: every figure faculty need to judge it, in one shape for both
 * kinds of comparison, plus the comparison it came from.
 *
 * @param key cohort, waves, measure (total or the subscale that fell) and comparison, for
 *     deduplication
 * @param reference the from-wave (matched students) or the pooled earlier cohorts
 * @param current the to-wave (matched students) or this cohort
 * @param change current − reference mean; negative
 * @param sdOfChange SD of the within-student changes; {@code null} for cross-cohort
 * @param ci interval for the change at the rule's level; its upper bound is below zero
 * @param effectSize the one the rule judged, see {@code effectSizeMeasure}
 * @param paired the paired comparison, or {@code null} for cross-cohort
 * @param crossCohort the cross-cohort comparison, or {@code null} for paired
 * @param allStudents for paired findings, the same waves from the mixed model on all students;
 *     {@code null} for cross-cohort or when suppressed
 */
public record DeclineFinding(
    FindingKey key,
    GroupFigures reference,
    GroupFigures current,
    double change,
    Double sdOfChange,
    ConfidenceInterval ci,
    double t,
    double df,
    double p,
    double effectSize,
    EffectSizeMeasure effectSizeMeasure,
    PairedComparison paired,
    CrossCohortComparison crossCohort,
    MixedModelContrast allStudents) {

  public DeclineFinding {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(ci, "ci");
    Objects.requireNonNull(effectSizeMeasure, "effectSizeMeasure");
    if ((paired == null) == (crossCohort == null)) {
      throw new IllegalArgumentException("A finding comes from exactly one comparison.");
    }
  }

  /** The measure ("total" or a subscale id) that fell. */
  public String measure() {
    return key.measure();
  }

  /**
   * One side of the comparison.
   *
   * @param responseRate of the wave (or pooled waves); {@code null} when a roster is unknown
   */
  public record GroupFigures(int n, double mean, double sd, Double responseRate) {}
}
