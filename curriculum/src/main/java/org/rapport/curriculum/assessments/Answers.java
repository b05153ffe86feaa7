package org.rapport.curriculum.assessments;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.InstrumentRef;

/**
 * A learner's raw answers to one instrument version, by item number. Unanswered items are simply
 * absent; the {@link Scorer} decides whether a response with gaps can still be scored.
 *
 * @param byItem item number → answer as given (not reverse-keyed)
 */
public record Answers(InstrumentRef instrument, Map<Integer, Integer> byItem) {

  public Answers {
    Objects.requireNonNull(instrument, "instrument");
    byItem = Collections.unmodifiableSortedMap(new TreeMap<>(byItem));
    if (byItem.containsValue(null)) {
      throw new IllegalArgumentException("absent answers are left out, not null");
    }
  }

  /**
   * Checks answers against {@code instrument}: every item number must be one of its items and every
   * answer a point on its scale. A {@code null} answer counts as unanswered.
   *
   * @throws AnswerRejected listing every answer that does not fit
   */
  public static Answers of(Instrument instrument, Map<Integer, Integer> answers) {
    Map<Integer, Integer> given = new TreeMap<>();
    answers.forEach(
        (item, answer) -> {
          if (answer != null) {
            given.put(Objects.requireNonNull(item, "item number"), answer);
          }
        });
    List<AnswerProblem> problems = problems(instrument, given);
    if (!problems.isEmpty()) {
      throw new AnswerRejected(problems);
    }
    return new Answers(instrument.ref(), given);
  }

  public OptionalInt answer(int item) {
    Integer answer = byItem.get(item);
    return answer == null ? OptionalInt.empty() : OptionalInt.of(answer);
  }

  static List<AnswerProblem> problems(Instrument instrument, Map<Integer, Integer> answers) {
    List<AnswerProblem> problems = new ArrayList<>();
    answers.forEach(
        (item, answer) -> {
          if (instrument.item(item).isEmpty()) {
            problems.add(AnswerProblem.unknownItem(instrument, item, answer));
          } else if (!instrument.scale().contains(answer)) {
            problems.add(AnswerProblem.outOfRange(instrument, item, answer));
          }
        });
    return problems;
  }
}
