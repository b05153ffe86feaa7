package org.rapport.curriculum.assessments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.Item;
import org.rapport.curriculum.instruments.MissingRule;
import org.rapport.curriculum.instruments.Subscale;
import org.rapport.curriculum.instruments.SubscaleId;

/**
 * Scores responses to one instrument version, following the rules its definition states:
 *
 * <ol>
 *   <li>Reverse keying: a reverse-scored (negatively worded) item scores {@code min + max −
 *       answer}, so 1 becomes 7 on a 1–7 scale; other items score the answer.
 *   <li>Subscale score: the sum of the keyed scores of its items. Total: the sum over all items
 *       (equivalently, over the subscales, since every item belongs to exactly one).
 *   <li>Missing answers ({@code prorate-mean}): when no more items are unanswered than the
 *       instrument's limits (in total, and per subscale when set), each missing answer is replaced
 *       by the respondent's mean keyed score on the answered items of the same subscale, so a
 *       subscale scores {@code answeredSum × items / answered} and the total is the sum of the
 *       subscale scores. A subscale with no answered item cannot be filled in. Beyond the limits
 *       the response is {@link ScoringStatus#INCOMPLETE} and gets no score.
 *   <li>Without missing answers every score is an exact integer sum.
 * </ol>
 *
 * <p>Sources. The JSE-S key (20 items on 1–7, items 1, 3, 6, 7, 8, 11, 12, 14, 18 and 19 reverse
 * scored; factors perspective taking, compassionate care and standing in the patient's shoes; total
 * 20–140) is that of the Jefferson Scale of Empathy as published by its authors: Hojat M.,
 * <i>Empathy in Health Professions Education and Patient Care</i>, Springer, 2016, and the JSE
 * manual supplied to licensees by Thomas Jefferson University, against which an institution should
 * confirm item numbers and factor assignment. Reverse keying as {@code min + max − answer} and mean
 * substitution up to a limit of missing answers are the rules stated in Rapport's domain notes
 * ({@code docs/domain.md}, "Self-assessment instruments"); the particular limits are each
 * definition's own (see its {@code missing} block). The {@code rapport-empathy} key is Rapport's
 * own definition.
 */
public final class Scorer {

  private final Instrument instrument;

  public Scorer(Instrument instrument) {
    this.instrument = Objects.requireNonNull(instrument, "instrument");
  }

  /** Scores {@code answers} with {@code instrument}'s key. */
  public static ScoringResult score(Instrument instrument, Answers answers) {
    return new Scorer(instrument).score(answers);
  }

  public Instrument instrument() {
    return instrument;
  }

  /**
   * @throws IllegalArgumentException when the answers are for another instrument or version
   * @throws AnswerRejected when an answer does not fit the instrument (possible only for answers
   *     not built with {@link Answers#of})
   */
  public ScoringResult score(Answers answers) {
    checkFits(answers);
    MissingRule rule = instrument.missing();
    List<Integer> missingItems = new ArrayList<>();
    List<MissingLimitExceeded> exceeded = new ArrayList<>();
    Map<SubscaleId, ScaleScore> subscales = new LinkedHashMap<>();

    for (Subscale subscale : instrument.subscales()) {
      List<Item> items = instrument.itemsIn(subscale.id());
      int keyedSum = 0;
      int answered = 0;
      for (Item item : items) {
        OptionalInt answer = answers.answer(item.number());
        if (answer.isPresent()) {
          keyedSum += keyed(item, answer.getAsInt());
          answered++;
        }
      }
      int missing = items.size() - answered;
      int limit = Math.min(rule.maxMissingPerSubscale().orElse(items.size() - 1), items.size() - 1);
      if (missing > limit) {
        exceeded.add(
            new MissingLimitExceeded(Optional.of(subscale.id()), missing, items.size(), limit));
      } else {
        subscales.put(subscale.id(), ScaleScore.meanSubstituted(keyedSum, answered, items.size()));
      }
    }
    for (Item item : instrument.items()) {
      if (answers.answer(item.number()).isEmpty()) {
        missingItems.add(item.number());
      }
    }
    missingItems.sort(null);
    if (missingItems.size() > rule.maxMissingTotal()) {
      exceeded.add(
          0,
          new MissingLimitExceeded(
              Optional.empty(),
              missingItems.size(),
              instrument.items().size(),
              rule.maxMissingTotal()));
    }

    if (!exceeded.isEmpty()) {
      return new ScoringResult(
          instrument.ref(),
          ScoringStatus.INCOMPLETE,
          Map.of(),
          Optional.empty(),
          missingItems,
          exceeded);
    }
    return new ScoringResult(
        instrument.ref(),
        missingItems.isEmpty() ? ScoringStatus.COMPLETE : ScoringStatus.PRORATED,
        subscales,
        Optional.of(ScaleScore.sumOf(List.copyOf(subscales.values()))),
        missingItems,
        List.of());
  }

  /**
   * The keyed score of one answer: {@code min + max − answer} for a reverse-scored item, the answer
   * otherwise.
   *
   * @throws AnswerRejected when the item is unknown or the answer off the scale
   */
  public int keyed(int itemNumber, int answer) {
    Optional<Item> item = instrument.item(itemNumber);
    if (item.isEmpty()) {
      throw new AnswerRejected(List.of(AnswerProblem.unknownItem(instrument, itemNumber, answer)));
    }
    if (!instrument.scale().contains(answer)) {
      throw new AnswerRejected(List.of(AnswerProblem.outOfRange(instrument, itemNumber, answer)));
    }
    return keyed(item.get(), answer);
  }

  /**
   * The keyed scores of a complete response in item order, one row of the matrix {@link
   * CronbachAlpha#of} takes; empty when any item is unanswered.
   */
  public Optional<int[]> keyedItems(Answers answers) {
    return keyedItems(answers, instrument.items());
  }

  /** As {@link #keyedItems(Answers)}, restricted to the items of one subscale. */
  public Optional<int[]> keyedItems(Answers answers, SubscaleId subscale) {
    if (instrument.subscale(subscale).isEmpty()) {
      throw new IllegalArgumentException(
          "subscale " + subscale + " is not part of " + instrument.ref());
    }
    return keyedItems(answers, instrument.itemsIn(subscale));
  }

  private Optional<int[]> keyedItems(Answers answers, List<Item> items) {
    checkFits(answers);
    int[] row = new int[items.size()];
    for (int i = 0; i < row.length; i++) {
      Item item = items.get(i);
      OptionalInt answer = answers.answer(item.number());
      if (answer.isEmpty()) {
        return Optional.empty();
      }
      row[i] = keyed(item, answer.getAsInt());
    }
    return Optional.of(row);
  }

  private int keyed(Item item, int answer) {
    return item.reverse() ? instrument.scale().reverse(answer) : answer;
  }

  private void checkFits(Answers answers) {
    if (!answers.instrument().equals(instrument.ref())) {
      throw new IllegalArgumentException(
          "answers to " + answers.instrument() + " cannot be scored with " + instrument.ref());
    }
    List<AnswerProblem> problems = Answers.problems(instrument, answers.byItem());
    if (!problems.isEmpty()) {
      throw new AnswerRejected(problems);
    }
  }
}
