package org.rapport.curriculum.instruments;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The answer scale shared by all items of an instrument, e.g. 1 (strongly disagree) to 7 (strongly
 * agree). Labels name at least both ends; intermediate points may be left unlabelled when the
 * instrument only anchors its ends.
 */
public record LikertScale(int min, int max, Map<Integer, String> labels) {

  public LikertScale {
    if (max <= min) {
      throw new IllegalArgumentException("scale max " + max + " must be greater than min " + min);
    }
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(labels)));
    if (!labels.containsKey(min) || !labels.containsKey(max)) {
      throw new IllegalArgumentException("scale labels must name both ends " + min + " and " + max);
    }
    for (int point : labels.keySet()) {
      if (!contains(point, min, max)) {
        throw new IllegalArgumentException("scale label " + point + " is outside the scale");
      }
    }
  }

  public boolean contains(int answer) {
    return contains(answer, min, max);
  }

  /** The keyed value of a reverse-scored answer: min + max − answer. */
  public int reverse(int answer) {
    if (!contains(answer)) {
      throw new IllegalArgumentException(
          "answer " + answer + " is outside the scale " + min + "–" + max);
    }
    return min + max - answer;
  }

  public Optional<String> label(int point) {
    return Optional.ofNullable(labels.get(point));
  }

  private static boolean contains(int answer, int min, int max) {
    return answer >= min && answer <= max;
  }
}
