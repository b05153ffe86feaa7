package org.rapport.curriculum.instruments;

/** The lowest and highest possible score of a subscale or total, e.g. 20–140 for the JSE-S. */
public record ScoreRange(int min, int max) {

  public ScoreRange {
    if (max < min) {
      throw new IllegalArgumentException("score range max " + max + " is below min " + min);
    }
  }

  /** The range of a sum of {@code items} items answered on {@code scale}. */
  public static ScoreRange of(int items, LikertScale scale) {
    return new ScoreRange(items * scale.min(), items * scale.max());
  }

  public boolean contains(double score) {
    return score >= min && score <= max;
  }

  @Override
  public String toString() {
    return min + "–" + max;
  }
}
