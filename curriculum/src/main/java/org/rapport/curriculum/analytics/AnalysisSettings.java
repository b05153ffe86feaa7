package org.rapport.curriculum.analytics;

import java.util.Objects;

/**
 * What every figure is computed with: the confidence level of its intervals and the small-cell rule
 * it passes before it is shown.
 */
public record AnalysisSettings(double confidenceLevel, SmallCellSuppression suppression) {
  public static final double DEFAULT_CONFIDENCE_LEVEL = 0.95;

  public AnalysisSettings {
    if (!(confidenceLevel > 0.5 && confidenceLevel < 1)) {
      throw new IllegalArgumentException(
          "The confidence level must lie between 0.5 and 1 (e.g. 0.95), got " + confidenceLevel);
    }
    Objects.requireNonNull(suppression, "suppression");
  }

  public static AnalysisSettings defaults() {
    return new AnalysisSettings(DEFAULT_CONFIDENCE_LEVEL, SmallCellSuppression.defaults());
  }
}
