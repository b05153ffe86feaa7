package org.rapport.lti.assessment;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.rapport.curriculum.assessments.Score;
import org.rapport.curriculum.instruments.SubscaleId;

/**
 * A score's subscale values in one text, {@code id=value;id=value} with the ids sorted (column
 * {@code assessment_score.subscale_values}), so the cohort analytics read one row per response.
 * Subscale ids are slugs (letters, digits, hyphens), so neither separator can occur in them; values
 * are plain decimals with four places, as in {@code assessment_subscale_score}.
 */
public final class SubscaleValues {
  private SubscaleValues() {}

  /** The text for a computed score's subscales; null when it has none. */
  public static String of(Score score) {
    Map<SubscaleId, BigDecimal> values = new java.util.HashMap<>();
    score.subscales().forEach((id, value) -> values.put(id, BigDecimal.valueOf(value.value())));
    return format(values);
  }

  /** The text for the values (rounded to four places as stored); null when there are none. */
  public static String format(Map<SubscaleId, BigDecimal> values) {
    if (values.isEmpty()) {
      return null;
    }
    Map<String, BigDecimal> byId = new TreeMap<>();
    values.forEach((id, value) -> byId.put(id.value(), value));
    StringBuilder text = new StringBuilder();
    byId.forEach(
        (id, value) -> {
          if (text.length() > 0) {
            text.append(';');
          }
          text.append(id).append('=').append(ScoreStore.scale(value).toPlainString());
        });
    return text.toString();
  }

  /** Passes each id and value of the text to {@code each}; nothing for null or empty text. */
  public static void read(String text, BiConsumer<String, Double> each) {
    if (text == null || text.isEmpty()) {
      return;
    }
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf(';', start);
      if (end < 0) {
        end = text.length();
      }
      int equals = text.indexOf('=', start);
      if (equals < 0 || equals > end) {
        throw new IllegalArgumentException("Unreadable subscale values: " + text);
      }
      each.accept(
          text.substring(start, equals), Double.parseDouble(text.substring(equals + 1, end)));
      start = end + 1;
    }
  }
}
