package org.rapport.curriculum.analytics;

import java.util.Objects;

/**
 * Change on one measure between two waves of one cohort, over the students who answered both
 * (matched pairs): the paired t-test.
 *
 * <p>Two effect sizes are reported. {@code dz} = mean change / SD of the changes is the
 * standardized test statistic of the paired design; it grows as the two waves correlate, so the
 * same change in points gives a larger dz in a more stable cohort. {@code dav} = mean change /
 * average of the two waves' SDs expresses the change in SD units of the scores themselves, the unit
 * of the domain's thresholds (d = 0.2 / 0.5 / 0.8 ≈ 2.2 / 5.4 / 8.7 JSE points) and of
 * between-cohort d; the alert rule therefore uses {@code dav} unless an institution chooses dz.
 *
 * @param previousWave the waves are consecutive in the cohort's sequence
 * @param fromBaseline the from-wave is the cohort's first wave
 * @param figures {@code null} exactly when {@code suppressed}
 */
public record PairedComparison(
    CohortKey cohort,
    WaveKey from,
    WaveKey to,
    String measure,
    boolean previousWave,
    boolean fromBaseline,
    boolean suppressed,
    Figures figures) {

  public PairedComparison {
    Objects.requireNonNull(cohort, "cohort");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(measure, "measure");
    if (suppressed != (figures == null)) {
      throw new IllegalArgumentException("A comparison has figures exactly when it is shown.");
    }
  }

  /**
   * @param pairs students with a score at both waves
   * @param fromMean mean of the matched students at the from-wave (not of all its respondents)
   * @param meanChange mean of (to − from); negative is a decline
   * @param sdOfChange SD of the differences (n − 1)
   * @param ci interval for the mean change, t with pairs − 1 degrees of freedom
   * @param p two-sided
   * @param dz meanChange / sdOfChange
   * @param dav meanChange / ((fromSd + toSd) / 2)
   */
  public record Figures(
      int pairs,
      double fromMean,
      double fromSd,
      double toMean,
      double toSd,
      double meanChange,
      double sdOfChange,
      double standardError,
      ConfidenceInterval ci,
      double t,
      double df,
      double p,
      double dz,
      double dav) {}
}
