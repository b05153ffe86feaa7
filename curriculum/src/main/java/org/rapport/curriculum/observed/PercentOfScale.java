package org.rapport.curriculum.observed;

import org.rapport.curriculum.instruments.ScoreRange;

/**
 * A score on a scale from {@code min} to {@code max} expressed as percent of the scale's range (the
 * "percent of maximum possible" metric, POMP: Cohen, Cohen, Aiken and West 1999): {@code (score −
 * min) / (max − min) × 100}. The lowest possible score is 0, the highest 100, whatever the number
 * of items or the labels of the scale, so scores of forms with different scales can be compared.
 * One instance per domain (subscale) or total, since each has its own range.
 *
 * @param min lowest possible score
 * @param max highest possible score, above {@code min}
 */
public record PercentOfScale(double min, double max) {

  public PercentOfScale {
    if (!Double.isFinite(min) || !Double.isFinite(max) || !(max > min)) {
      throw new IllegalArgumentException(
          "A scale needs a highest score above its lowest, got " + min + " to " + max);
    }
  }

  /** The scale of a total or subscale, e.g. 10–50 for ten items answered 1–5. */
  public static PercentOfScale of(ScoreRange range) {
    return new PercentOfScale(range.min(), range.max());
  }

  /**
   * The score as percent of the scale.
   *
   * @throws IllegalArgumentException for a score that is not a number or lies outside the scale
   */
  public double percent(double score) {
    if (!Double.isFinite(score) || score < min || score > max) {
      throw new IllegalArgumentException(
          "The score " + score + " lies outside the scale " + min + " to " + max);
    }
    return (score - min) / (max - min) * 100;
  }

  /** The score that is {@code percent} of the scale (the inverse of {@link #percent}). */
  public double score(double percent) {
    if (!Double.isFinite(percent) || percent < 0 || percent > 100) {
      throw new IllegalArgumentException(
          "A percent of scale lies between 0 and 100, got " + percent);
    }
    return min + percent / 100 * (max - min);
  }

  /**
   * A spread (a standard deviation or a difference of two scores) on this scale, in percentage
   * points of the scale: it scales by {@code 100 / (max − min)} and does not shift.
   */
  public double points(double spread) {
    return spread * 100 / (max - min);
  }
}
