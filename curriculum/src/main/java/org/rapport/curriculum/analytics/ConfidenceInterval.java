package org.rapport.curriculum.analytics;

/**
 * A two-sided confidence interval.
 *
 * @param level coverage, e.g. 0.95
 */
public record ConfidenceInterval(double level, double lower, double upper) {
  public ConfidenceInterval {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("A confidence level lies strictly between 0 and 1.");
    }
    if (lower > upper) {
      throw new IllegalArgumentException("A confidence interval's lower bound exceeds its upper.");
    }
  }

  /** True when zero lies outside the interval. */
  public boolean excludesZero() {
    return upper < 0 || lower > 0;
  }
}
