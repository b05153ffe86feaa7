package org.rapport.curriculum.analytics;

import java.util.Objects;

/**
 * One cohort's scores on one measure at one wave, over every student who has that score.
 *
 * @param figures {@code null} exactly when {@code suppressed}: a suppressed summary carries no
 *     figure at all, not even its n
 */
public record Summary(
    CohortKey cohort, WaveKey wave, String measure, boolean suppressed, Figures figures) {

  public Summary {
    Objects.requireNonNull(cohort, "cohort");
    Objects.requireNonNull(wave, "wave");
    Objects.requireNonNull(measure, "measure");
    if (suppressed != (figures == null)) {
      throw new IllegalArgumentException("A summary has figures exactly when it is shown.");
    }
  }

  static Summary hidden(CohortKey cohort, WaveKey wave, String measure) {
    return new Summary(cohort, wave, measure, true, null);
  }

  /**
   * @param sd sample standard deviation (divisor n − 1)
   * @param standardError sd / √n
   * @param ci t-based interval for the mean, n − 1 degrees of freedom
   * @param rosterSize students invited to the wave; {@code null} when unknown
   * @param responseRate n / rosterSize; {@code null} when the roster is unknown (it can exceed 1
   *     when the roster is stale, which is left visible rather than hidden)
   */
  public record Figures(
      int n,
      double mean,
      double sd,
      double standardError,
      ConfidenceInterval ci,
      Integer rosterSize,
      Double responseRate) {}
}
