package org.rapport.curriculum.assessments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.InstrumentDefinitionReader;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.curriculum.instruments.SubscaleId;
import org.rapport.curriculum.testdata.AnswerSheet;
import org.rapport.curriculum.testdata.DefinitionYaml;
import org.rapport.curriculum.testdata.TestInstruments;

/** JSE-S scoring; expected values are worked out by hand from the key in the domain notes. */
class ScorerTest {

  private static final Instrument JSE = TestInstruments.jseS();
  private static final SubscaleId PT = SubscaleId.of("perspective-taking");
  private static final SubscaleId CC = SubscaleId.of("compassionate-care");
  private static final SubscaleId SPS = SubscaleId.of("standing-in-patients-shoes");
  private static final double EXACT = 1e-9;

  /**
   * A response used throughout. Answers to items 1–20, then keyed scores (reversed items 1, 3, 6,
   * 7, 8, 11, 12, 14, 18, 19 score 8 − answer):
   *
   * <pre>
   * item    1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20
   * answer  2 6 3 5 7 1 2 3 6  5  1  2  7  4  6  5  6  3  2  7
   * keyed   6 6 5 5 7 7 6 5 6  5  7  6  7  4  6  5  6  5  6  7
   * </pre>
   *
   * Perspective taking (2, 4, 5, 9, 10, 13, 15, 16, 17, 20): 6+5+7+6+5+7+6+5+6+7 = 60.
   * Compassionate care (1, 7, 8, 11, 12, 14, 18, 19): 6+6+5+7+6+4+5+6 = 45. Standing in the
   * patient's shoes (3, 6): 5+7 = 12. Total 117.
   */
  private static AnswerSheet sample() {
    return AnswerSheet.of(JSE, 2, 6, 3, 5, 7, 1, 2, 3, 6, 5, 1, 2, 7, 4, 6, 5, 6, 3, 2, 7);
  }

  @ParameterizedTest(name = "reversed item {0}: answer {1} scores {2}")
  @CsvSource({
    "1, 1, 7", "1, 2, 6", "1, 7, 1",
    "3, 1, 7", "3, 3, 5", "3, 7, 1",
    "6, 1, 7", "6, 4, 4", "6, 7, 1",
    "7, 1, 7", "7, 5, 3", "7, 7, 1",
    "8, 1, 7", "8, 6, 2", "8, 7, 1",
    "11, 1, 7", "11, 2, 6", "11, 7, 1",
    "12, 1, 7", "12, 3, 5", "12, 7, 1",
    "14, 1, 7", "14, 4, 4", "14, 7, 1",
    "18, 1, 7", "18, 5, 3", "18, 7, 1",
    "19, 1, 7", "19, 6, 2", "19, 7, 1",
    "2, 1, 1", "2, 7, 7", "20, 3, 3"
  })
  void keysEachAnswer(int item, int answer, int keyed) {
    assertEquals(keyed, new Scorer(JSE).keyed(item, answer));
  }

  /**
   * Every item answered 4 (the midpoint, 4 either way) except one answered 1: a reversed item then
   * adds 3 to its factor and to the total of 80, a plain item takes 3 away.
   */
  @ParameterizedTest(name = "item {0} answered 1 → {1} {2}, total {3}")
  @CsvSource({
    "1, compassionate-care, 35, 83",
    "3, standing-in-patients-shoes, 11, 83",
    "6, standing-in-patients-shoes, 11, 83",
    "7, compassionate-care, 35, 83",
    "8, compassionate-care, 35, 83",
    "11, compassionate-care, 35, 83",
    "12, compassionate-care, 35, 83",
    "14, compassionate-care, 35, 83",
    "18, compassionate-care, 35, 83",
    "19, compassionate-care, 35, 83",
    "2, perspective-taking, 37, 77",
    "4, perspective-taking, 37, 77",
    "5, perspective-taking, 37, 77",
    "9, perspective-taking, 37, 77",
    "10, perspective-taking, 37, 77",
    "13, perspective-taking, 37, 77",
    "15, perspective-taking, 37, 77",
    "16, perspective-taking, 37, 77",
    "17, perspective-taking, 37, 77",
    "20, perspective-taking, 37, 77"
  })
  void reverseKeyingReachesTheRightFactorAndTotal(
      int item, String subscale, int subscaleSum, int total) {
    ScoringResult score = Scorer.score(JSE, AnswerSheet.all(JSE, 4).with(item, 1).toAnswers());

    assertEquals(
        OptionalInt.of(subscaleSum),
        score.subscale(SubscaleId.of(subscale)).orElseThrow().exactSum());
    assertEquals(OptionalInt.of(total), score.total().orElseThrow().exactSum());
  }

  @Test
  void sumsSubscalesAndTotalOfACompleteResponse() {
    ScoringResult score = Scorer.score(JSE, sample().toAnswers());

    assertEquals(ScoringStatus.COMPLETE, score.status());
    assertEquals(InstrumentRef.of("jse-s", 1), score.instrument());
    assertEquals(new ScaleScore(60, 10, 10, 60), score.subscale(PT).orElseThrow());
    assertEquals(new ScaleScore(45, 8, 8, 45), score.subscale(CC).orElseThrow());
    assertEquals(new ScaleScore(12, 2, 2, 12), score.subscale(SPS).orElseThrow());
    assertEquals(new ScaleScore(117, 20, 20, 117), score.total().orElseThrow());
    assertEquals(List.of(PT, CC, SPS), List.copyOf(score.subscales().keySet()));
    assertEquals(List.of(), score.missingItems());
  }

  static Stream<Arguments> extremes() {
    return Stream.of(
        Arguments.of("most empathic", AnswerSheet.highest(JSE), 70, 56, 14, 140),
        Arguments.of("least empathic", AnswerSheet.lowest(JSE), 10, 8, 2, 20),
        // All 1s: plain items score 1, reversed items 7.
        Arguments.of("all 1s", AnswerSheet.all(JSE, 1), 10, 56, 14, 80),
        // All 7s: plain items score 7, reversed items 1.
        Arguments.of("all 7s", AnswerSheet.all(JSE, 7), 70, 8, 2, 80));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("extremes")
  void scoresTheExtremes(
      String name, AnswerSheet sheet, int perspective, int compassion, int shoes, int total) {
    ScoringResult score = Scorer.score(JSE, sheet.toAnswers());

    assertEquals(OptionalInt.of(perspective), score.subscale(PT).orElseThrow().exactSum());
    assertEquals(OptionalInt.of(compassion), score.subscale(CC).orElseThrow().exactSum());
    assertEquals(OptionalInt.of(shoes), score.subscale(SPS).orElseThrow().exactSum());
    assertEquals(OptionalInt.of(total), score.total().orElseThrow().exactSum());
    assertTrue(JSE.scoreRange().contains(total));
  }

  /**
   * The sample response with items left out. A factor with a missing item scores its answered sum ×
   * items / answered (each gap filled with the mean of its answered items); the total is the sum of
   * the factor scores. E.g. without item 5 (keyed 7): perspective taking 53 over 9 answered → 53 ×
   * 10 / 9.
   */
  static Stream<Arguments> missingWithinTheLimits() {
    return Stream.of(
        Arguments.of(List.of(5), 53.0 * 10 / 9, 45.0, 12.0, 53.0 * 10 / 9 + 45 + 12, 110),
        Arguments.of(List.of(14), 60.0, 41.0 * 8 / 7, 12.0, 60 + 41.0 * 8 / 7 + 12, 113),
        // Item 3 missing: item 6 (keyed 7) alone stands for the two-item factor: 7 × 2 / 1.
        Arguments.of(List.of(3), 60.0, 45.0, 14.0, 119.0, 112),
        Arguments.of(
            List.of(5, 14),
            53.0 * 10 / 9,
            41.0 * 8 / 7,
            12.0,
            53.0 * 10 / 9 + 41.0 * 8 / 7 + 12,
            106),
        Arguments.of(List.of(6, 13), 53.0 * 10 / 9, 45.0, 10.0, 53.0 * 10 / 9 + 45 + 10, 103));
  }

  @ParameterizedTest(name = "missing {0}")
  @MethodSource("missingWithinTheLimits")
  void proratesMissingAnswersWithinTheLimits(
      List<Integer> missing,
      double perspective,
      double compassion,
      double shoes,
      double total,
      int answeredSum) {
    ScoringResult score =
        Scorer.score(
            JSE,
            sample().without(missing.stream().mapToInt(Integer::intValue).toArray()).toAnswers());

    assertEquals(ScoringStatus.PRORATED, score.status());
    assertEquals(missing.stream().sorted().toList(), score.missingItems());
    assertEquals(perspective, score.subscale(PT).orElseThrow().value(), EXACT);
    assertEquals(compassion, score.subscale(CC).orElseThrow().value(), EXACT);
    assertEquals(shoes, score.subscale(SPS).orElseThrow().value(), EXACT);
    ScaleScore totalScore = score.total().orElseThrow();
    assertEquals(total, totalScore.value(), EXACT);
    assertEquals(answeredSum, totalScore.keyedSum());
    assertEquals(20 - missing.size(), totalScore.answered());
    assertTrue(totalScore.exactSum().isEmpty());
  }

  static Stream<Arguments> missingBeyondTheLimits() {
    return Stream.of(
        Arguments.of(
            List.of(2, 20),
            List.of(
                "2 of 10 items unanswered in subscale perspective-taking; at most 1 may be missing")),
        Arguments.of(
            List.of(3, 6),
            List.of(
                "2 of 2 items unanswered in subscale standing-in-patients-shoes; at most 1 may be"
                    + " missing")),
        Arguments.of(
            List.of(1, 2, 3),
            List.of("3 of 20 items unanswered; at most 2 may be missing in total")),
        Arguments.of(
            List.of(1, 2, 7),
            List.of(
                "3 of 20 items unanswered; at most 2 may be missing in total",
                "2 of 8 items unanswered in subscale compassionate-care; at most 1 may be missing")));
  }

  @ParameterizedTest(name = "missing {0}")
  @MethodSource("missingBeyondTheLimits")
  void givesNoScoreBeyondTheLimits(List<Integer> missing, List<String> reasons) {
    ScoringResult score =
        Scorer.score(
            JSE,
            sample().without(missing.stream().mapToInt(Integer::intValue).toArray()).toAnswers());

    assertEquals(ScoringStatus.INCOMPLETE, score.status());
    assertEquals(Optional.empty(), score.total());
    assertEquals(Map.of(), score.subscales());
    assertEquals(missing, score.missingItems());
    assertEquals(
        reasons, score.incompleteBecause().stream().map(MissingLimitExceeded::message).toList());
  }

  @Test
  void namesTheSubscaleAndLimitThatMadeAResponseIncomplete() {
    ScoringResult score = Scorer.score(JSE, sample().without(7, 8).toAnswers());

    assertEquals(
        List.of(new MissingLimitExceeded(Optional.of(CC), 2, 8, 1)), score.incompleteBecause());
  }

  @Test
  void aSubscaleWithoutAnyAnswerIsIncompleteEvenWithoutAPerSubscaleLimit() {
    Instrument noPerSubscaleLimit =
        InstrumentDefinitionReader.parse(
            DefinitionYaml.FILE,
            DefinitionYaml.valid()
                .replacing(
                    "{max_missing_per_subscale: 1, max_missing_total: 1,", "{max_missing_total: 2,")
                .text());
    SubscaleId first = SubscaleId.of("first");

    ScoringResult oneInEach =
        Scorer.score(
            noPerSubscaleLimit,
            AnswerSheet.of(noPerSubscaleLimit, 5, 1, 4, 2).without(1, 3).toAnswers());
    ScoringResult bothOfFirst =
        Scorer.score(
            noPerSubscaleLimit,
            AnswerSheet.of(noPerSubscaleLimit, 5, 1, 4, 2).without(1, 2).toAnswers());

    // Items 2 and 4 are reversed on 1–5 (6 − answer): item 2 → 5, item 4 → 4; each fills its pair.
    assertEquals(ScoringStatus.PRORATED, oneInEach.status());
    assertEquals(10.0, oneInEach.subscale(first).orElseThrow().value(), EXACT);
    assertEquals(18.0, oneInEach.total().orElseThrow().value(), EXACT);
    assertEquals(
        List.of(new MissingLimitExceeded(Optional.of(first), 2, 2, 1)),
        bothOfFirst.incompleteBecause());
  }

  @Test
  void scoresTheRapportInstrumentFrom18To126() {
    Instrument rapport = TestInstruments.rapportEmpathy();

    ScoringResult highest = Scorer.score(rapport, AnswerSheet.highest(rapport).toAnswers());
    ScoringResult lowest = Scorer.score(rapport, AnswerSheet.lowest(rapport).toAnswers());

    assertEquals(OptionalInt.of(126), highest.total().orElseThrow().exactSum());
    assertEquals(OptionalInt.of(18), lowest.total().orElseThrow().exactSum());
    for (SubscaleId layer : rapport.subscales().stream().map(s -> s.id()).toList()) {
      assertEquals(OptionalInt.of(42), highest.subscale(layer).orElseThrow().exactSum());
      assertEquals(OptionalInt.of(6), lowest.subscale(layer).orElseThrow().exactSum());
    }
  }

  @Test
  void refusesAnswersToAnotherInstrument() {
    Answers rapportAnswers = AnswerSheet.all(TestInstruments.rapportEmpathy(), 4).toAnswers();

    IllegalArgumentException thrown =
        assertThrows(IllegalArgumentException.class, () -> Scorer.score(JSE, rapportAnswers));

    assertEquals(
        "answers to rapport-empathy version 1 cannot be scored with jse-s version 1",
        thrown.getMessage());
  }

  @Test
  void refusesAnswersBuiltWithoutValidation() {
    Answers unchecked = new Answers(JSE.ref(), Map.of(1, 9));

    AnswerRejected thrown = assertThrows(AnswerRejected.class, () -> Scorer.score(JSE, unchecked));

    assertEquals(
        "answers rejected: item 1: answer 9 is outside the scale 1–7", thrown.getMessage());
  }

  @Test
  void givesKeyedRowsOfCompleteResponsesOnly() {
    Scorer scorer = new Scorer(JSE);

    assertArrayEquals(
        new int[] {6, 6, 5, 5, 7, 7, 6, 5, 6, 5, 7, 6, 7, 4, 6, 5, 6, 5, 6, 7},
        scorer.keyedItems(sample().toAnswers()).orElseThrow());
    assertArrayEquals(new int[] {5, 7}, scorer.keyedItems(sample().toAnswers(), SPS).orElseThrow());
    assertTrue(scorer.keyedItems(sample().without(5).toAnswers()).isEmpty());
    assertArrayEquals(
        new int[] {5, 7}, scorer.keyedItems(sample().without(5).toAnswers(), SPS).orElseThrow());
  }
}
