package org.rapport.curriculum.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.rapport.curriculum.assessments.MissingLimitExceeded;
import org.rapport.curriculum.assessments.ScoringResult;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.Item;
import org.rapport.curriculum.instruments.ScoreRange;

/**
 * The checks of single fields that every import format shares: a pseudonymous student id, a date,
 * item answers on an instrument's scale, a score within a range. Each adds a {@link RowProblem} in
 * an administrator's words to the list it is given and returns what it read, or {@code null} (or
 * empty) when the field has a problem.
 */
final class FieldChecks {
  static final String REQUIRED = "is empty; every row needs a %s";
  static final String BAD_STUDENT_ID =
      "'%s' is not a pseudonymous id: use 1 to 64 letters, digits, dots, dashes, underscores or"
          + " colons (never a name or e-mail address)";
  static final String NOT_A_WHOLE_NUMBER = "'%s' is not a whole number";
  static final String ANSWER_OUT_OF_SCALE = "answer %d is outside the scale %d–%d";
  static final String NOT_AN_ITEM = "is not an item of %s (items %s)";
  static final String NOT_A_NUMBER = "'%s' is not a number";
  static final String SCORE_OUT_OF_RANGE = "%s is outside the possible range %s";
  static final String INCOMPLETE = "%s (unanswered: items %s)";
  static final String MISSING_ITEM_COLUMNS =
      "the header has no column for %s of %s; a file of item answers needs a column for every item"
          + " (leave a cell empty where an item was not answered)";
  static final String NOT_A_DATE = "'%s' is not a date; write it as YYYY-MM-DD";
  static final String FUTURE_DATE = "%s is in the future";

  private static final Pattern STUDENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]{1,9}");
  private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]{1,9}(\\.[0-9]{1,6})?");

  private FieldChecks() {}

  static RowProblem required(long row, String column, String what) {
    return new RowProblem(row, column, String.format(REQUIRED, what));
  }

  /** A pseudonymous student id; {@code what} names it in the "is empty" sentence. */
  static String studentId(
      long row, String column, String text, String what, List<RowProblem> problems) {
    if (text.isEmpty()) {
      problems.add(required(row, column, what));
      return null;
    }
    if (!STUDENT_ID.matcher(text).matches()) {
      problems.add(new RowProblem(row, column, String.format(BAD_STUDENT_ID, text)));
      return null;
    }
    return text;
  }

  /** An ISO date (YYYY-MM-DD) not after {@code today}; empty text gives an empty result. */
  static Optional<LocalDate> date(
      long row, String column, String text, LocalDate today, List<RowProblem> problems) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      LocalDate date = LocalDate.parse(text);
      if (date.isAfter(today)) {
        problems.add(new RowProblem(row, column, String.format(FUTURE_DATE, date)));
        return Optional.empty();
      }
      return Optional.of(date);
    } catch (DateTimeParseException e) {
      problems.add(new RowProblem(row, column, String.format(NOT_A_DATE, text)));
      return Optional.empty();
    }
  }

  /**
   * The answers in a row's item columns (by item number), each a whole number on the instrument's
   * scale; an empty cell is an unanswered item. Null when any answer has a problem, or when the
   * header lacks a column for one of the instrument's items (every answer to it would look
   * unanswered and be pro-rated).
   *
   * @param itemColumns the header's item columns by item number
   */
  static Map<Integer, Integer> answers(
      long row,
      List<String> fields,
      CsvHeader header,
      Map<Integer, String> itemColumns,
      Instrument instrument,
      List<RowProblem> problems) {
    Map<Integer, Integer> byItem = new TreeMap<>();
    int before = problems.size();
    List<String> missingColumns =
        instrument.items().stream()
            .map(Item::number)
            .filter(n -> !itemColumns.containsKey(n))
            .map(ResultColumns::item)
            .toList();
    if (!missingColumns.isEmpty()) {
      problems.add(
          new RowProblem(
              row,
              missingColumns.get(0),
              String.format(
                  MISSING_ITEM_COLUMNS, String.join(", ", missingColumns), instrument.ref())));
    }
    for (Map.Entry<Integer, String> column : itemColumns.entrySet()) {
      String text = header.value(fields, column.getValue());
      if (text.isEmpty()) {
        continue;
      }
      if (instrument.item(column.getKey()).isEmpty()) {
        problems.add(
            new RowProblem(
                row,
                column.getValue(),
                String.format(NOT_AN_ITEM, instrument.ref(), itemRange(instrument))));
        continue;
      }
      if (!WHOLE.matcher(text).matches()) {
        problems.add(
            new RowProblem(row, column.getValue(), String.format(NOT_A_WHOLE_NUMBER, text)));
        continue;
      }
      int answer = Integer.parseInt(text);
      if (!instrument.scale().contains(answer)) {
        problems.add(
            new RowProblem(
                row,
                column.getValue(),
                String.format(
                    ANSWER_OUT_OF_SCALE,
                    answer,
                    instrument.scale().min(),
                    instrument.scale().max())));
        continue;
      }
      byItem.put(column.getKey(), answer);
    }
    return problems.size() == before ? byItem : null;
  }

  /** The problem of answers too incomplete to score, at the first unanswered item's column. */
  static RowProblem incomplete(long row, ScoringResult score, Map<Integer, String> itemColumns) {
    List<Integer> missing = score.missingItems();
    String column = itemColumns.getOrDefault(missing.get(0), ResultColumns.item(missing.get(0)));
    String reasons =
        score.incompleteBecause().stream()
            .map(MissingLimitExceeded::message)
            .collect(Collectors.joining("; "));
    String items = missing.stream().map(String::valueOf).collect(Collectors.joining(", "));
    return new RowProblem(row, column, String.format(INCOMPLETE, reasons, items));
  }

  /** A decimal number (up to 6 decimals) within {@code range}. */
  static BigDecimal number(
      long row, String column, String text, ScoreRange range, List<RowProblem> problems) {
    if (!DECIMAL.matcher(text).matches()) {
      problems.add(new RowProblem(row, column, String.format(NOT_A_NUMBER, text)));
      return null;
    }
    BigDecimal value = new BigDecimal(text);
    if (!range.contains(value.doubleValue())) {
      problems.add(
          new RowProblem(
              row, column, String.format(SCORE_OUT_OF_RANGE, value.toPlainString(), range)));
      return null;
    }
    return value;
  }

  private static String itemRange(Instrument instrument) {
    List<Item> items = instrument.items();
    int min = items.stream().mapToInt(Item::number).min().orElse(1);
    int max = items.stream().mapToInt(Item::number).max().orElse(1);
    return min + "–" + max;
  }
}
