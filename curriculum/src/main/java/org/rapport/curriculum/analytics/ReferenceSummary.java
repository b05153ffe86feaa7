package org.rapport.curriculum.analytics;

import java.util.Objects;

/**
 * An earlier cohort's shown summary at one wave on one measure, as much as the cross-cohort pool
 * needs: its moments and roster. Kept between evaluations so that a cohort can be compared with
 * every earlier cohort without reading their individual scores again.
 *
 * @param m2 sum of squared deviations from the mean
 * @param rosterSize students invited; {@code null} when unknown
 */
public record ReferenceSummary(
    CohortKey cohort,
    int matriculationYear,
    WaveKey wave,
    String measure,
    int n,
    double mean,
    double m2,
    Integer rosterSize) {

  public ReferenceSummary {
    Objects.requireNonNull(cohort, "cohort");
    Objects.requireNonNull(wave, "wave");
    Objects.requireNonNull(measure, "measure");
    if (n < 1) {
      throw new IllegalArgumentException("A reference summary has at least one score.");
    }
  }

  /**
   * The reference part of a shown summary.
   *
   * @throws IllegalArgumentException for a suppressed summary: it never joins a pool
   */
  public static ReferenceSummary of(Summary summary, int matriculationYear) {
    if (summary.suppressed()) {
      throw new IllegalArgumentException("A suppressed summary is never a reference.");
    }
    Summary.Figures f = summary.figures();
    double m2 = f.n() > 1 ? f.sd() * f.sd() * (f.n() - 1) : 0;
    return new ReferenceSummary(
        summary.cohort(),
        matriculationYear,
        summary.wave(),
        summary.measure(),
        f.n(),
        f.mean(),
        m2,
        f.rosterSize());
  }
}
