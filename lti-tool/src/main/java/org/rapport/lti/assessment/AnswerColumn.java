package org.rapport.lti.assessment;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The stored form of an answer sheet (column {@code assessment_response.answers}): ascending {@code
 * item:answer} pairs separated by commas, e.g. {@code 1:5,2:3,4:7}; empty when nothing is answered.
 * Raw answers as given, never reverse-keyed.
 */
public final class AnswerColumn {
  private AnswerColumn() {}

  public static String encode(Map<Integer, Integer> byItem) {
    StringBuilder s = new StringBuilder();
    new TreeMap<>(byItem)
        .forEach(
            (item, answer) -> {
              if (s.length() > 0) {
                s.append(',');
              }
              s.append(item).append(':').append(answer);
            });
    return s.toString();
  }

  /**
   * @throws IllegalArgumentException when the text is not in the stored form
   */
  public static SortedMap<Integer, Integer> decode(String text) {
    SortedMap<Integer, Integer> byItem = new TreeMap<>();
    if (text == null || text.isEmpty()) {
      return Collections.unmodifiableSortedMap(byItem);
    }
    for (String pair : text.split(",")) {
      int colon = pair.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("not an item:answer pair: " + pair);
      }
      byItem.put(
          Integer.parseInt(pair.substring(0, colon)), Integer.parseInt(pair.substring(colon + 1)));
    }
    return Collections.unmodifiableSortedMap(byItem);
  }
}
