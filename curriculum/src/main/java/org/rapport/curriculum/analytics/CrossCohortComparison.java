package org.rapport.curriculum.analytics;

import java.util.List;
import java.util.Objects;

/**
 * One cohort against the pooled earlier cohorts at the same wave on one measure: Welch's t-test
 * (unequal variances, Welch–Satterthwaite degrees of freedom), Cohen's d with the pooled SD and
 * Hedges' g (d times the exact small-sample correction J(df) = Γ(df/2) / (√(df/2) Γ((df−1)/2)), df
 * = n1 + n2 − 2). The alert rule uses g.
 *
 * <p>The pool contains only earlier cohorts whose own summary at that wave is shown; a suppressed
 * cohort is left out so that the pool minus the shown cohorts never reveals it, and so that two
 * successive pools never differ by a suppressed cohort.
 *
 * @param reference the earlier cohorts pooled; listed even when suppressed (names, not figures)
 * @param figures {@code null} exactly when {@code suppressed}
 */
public record CrossCohortComparison(
    CohortKey cohort,
    WaveKey wave,
    String measure,
    List<CohortKey> reference,
    boolean suppressed,
    Figures figures) {

  public CrossCohortComparison {
    Objects.requireNonNull(cohort, "cohort");
    Objects.requireNonNull(wave, "wave");
    Objects.requireNonNull(measure, "measure");
    reference = List.copyOf(reference);
    if (suppressed != (figures == null)) {
      throw new IllegalArgumentException("A comparison has figures exactly when it is shown.");
    }
  }

  /**
   * @param difference mean − referenceMean; negative is lower than the earlier cohorts
   * @param responseRate this cohort's response rate at the wave; {@code null} if unknown
   * @param referenceResponseRate pooled n / pooled roster; {@code null} if any roster is unknown
   */
  public record Figures(
      int n,
      double mean,
      double sd,
      Double responseRate,
      int referenceN,
      double referenceMean,
      double referenceSd,
      Double referenceResponseRate,
      double difference,
      double standardError,
      double df,
      ConfidenceInterval ci,
      double t,
      double p,
      double cohenD,
      double hedgesG) {}
}
