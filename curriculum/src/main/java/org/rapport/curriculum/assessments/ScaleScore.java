package org.rapport.curriculum.assessments;

import java.util.List;
import java.util.OptionalInt;

/**
 * A subscale or total score.
 *
 * @param keyedSum the sum of the keyed scores of the answered items (an exact integer)
 * @param answered how many of its items were answered
 * @param items how many items it has
 * @param value the score: {@code keyedSum} when every item was answered, otherwise with missing
 *     answers filled in (not rounded; round only for display)
 */
public record ScaleScore(int keyedSum, int answered, int items, double value) {

  public ScaleScore {
    if (items < 1 || answered < 1 || answered > items) {
      throw new IllegalArgumentException(
          "a score needs 1 to " + items + " answered items, not " + answered);
    }
    if (answered == items && value != keyedSum) {
      throw new IllegalArgumentException("a score without missing answers is its keyed sum");
    }
  }

  /**
   * A subscale score with mean substitution: each of the {@code items − answered} missing answers
   * is replaced by the mean keyed score of the answered ones, which gives keyedSum × items /
   * answered.
   */
  static ScaleScore meanSubstituted(int keyedSum, int answered, int items) {
    double value = answered == items ? keyedSum : (double) keyedSum * items / answered;
    return new ScaleScore(keyedSum, answered, items, value);
  }

  /** A total over subscales: the sum of their (possibly filled-in) values. */
  static ScaleScore sumOf(List<ScaleScore> parts) {
    int keyedSum = 0;
    int answered = 0;
    int items = 0;
    double value = 0;
    for (ScaleScore part : parts) {
      keyedSum += part.keyedSum();
      answered += part.answered();
      items += part.items();
      value += part.value();
    }
    return new ScaleScore(keyedSum, answered, items, answered == items ? keyedSum : value);
  }

  public boolean prorated() {
    return answered < items;
  }

  /** The exact integer score when no answer had to be filled in. */
  public OptionalInt exactSum() {
    return prorated() ? OptionalInt.empty() : OptionalInt.of(keyedSum);
  }
}
