package org.rapport.lti.observed.student;

import org.rapport.curriculum.instruments.ScoreRange;

/**
 * A score on its instrument's range as 0 to 100 (percent of the maximum possible, POMP): the
 * self-assessment and the rating forms use different scales, so they are compared in this unit.
 */
final class PercentOfScale {
  private PercentOfScale() {}

  /** {@code (score - min) / (max - min) * 100}; 0 for a range of one point. */
  static double of(double score, ScoreRange range) {
    if (range.max() == range.min()) {
      return 0;
    }
    return (score - range.min()) / (range.max() - range.min()) * 100.0;
  }
}
