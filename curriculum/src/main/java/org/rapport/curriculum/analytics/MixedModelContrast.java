package org.rapport.curriculum.analytics;

import java.util.Objects;

/**
 * Change on one measure between two waves of one cohort estimated from every student's data,
 * including students who missed waves: the wave contrast of a linear mixed-effects model with a
 * fixed mean per wave and a random intercept per student, fitted by REML (see {@link
 * RandomInterceptModel} for the method).
 *
 * @param figures {@code null} exactly when {@code suppressed}
 */
public record MixedModelContrast(
    CohortKey cohort,
    WaveKey from,
    WaveKey to,
    String measure,
    boolean suppressed,
    Figures figures) {

  public MixedModelContrast {
    Objects.requireNonNull(cohort, "cohort");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(measure, "measure");
    if (suppressed != (figures == null)) {
      throw new IllegalArgumentException("A contrast has figures exactly when it is shown.");
    }
  }

  /**
   * @param students students with at least one score on the measure (all waves)
   * @param observations scores used by the model
   * @param fromN students with a score at the from-wave
   * @param estimate model mean at the to-wave minus model mean at the from-wave
   * @param df between-within degrees of freedom: observations − students − (waves − 1); exact for a
   *     complete balanced design, the usual approximation otherwise
   * @param effectSize estimate / √(between-student variance + residual variance), i.e. in SD units
   *     of a single score
   */
  public record Figures(
      int students,
      int observations,
      int fromN,
      int toN,
      double estimate,
      double standardError,
      double df,
      ConfidenceInterval ci,
      double t,
      double p,
      double effectSize,
      double betweenStudentVariance,
      double residualVariance) {}
}
