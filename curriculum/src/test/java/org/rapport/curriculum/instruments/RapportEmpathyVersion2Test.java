package org.rapport.curriculum.instruments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rapport.curriculum.assessments.Scorer;
import org.rapport.curriculum.assessments.ScoringResult;
import org.rapport.curriculum.assessments.ScoringStatus;
import org.rapport.curriculum.testdata.AnswerSheet;
import org.rapport.curriculum.testdata.TestInstruments;

/** Version 2 of Rapport's own instrument: the one scheduled for new waves. */
class RapportEmpathyVersion2Test {

  private static final SubscaleId COGNITIVE = SubscaleId.of("cognitive");
  private static final SubscaleId AFFECTIVE = SubscaleId.of("affective");
  private static final SubscaleId ACTION = SubscaleId.of("compassionate-action");

  @Test
  void loadsAsAFormativeSchedulableDefinitionOfEighteenItemsOnALabelledSevenPointScale() {
    Instrument v2 = TestInstruments.rapportEmpathyV2();

    assertEquals(InstrumentRef.of("rapport-empathy", 2), v2.ref());
    assertEquals(InstrumentKind.FORMATIVE, v2.kind());
    assertTrue(v2.description().orElseThrow().contains("not a validated research instrument"));
    assertEquals(18, v2.items().size());
    assertEquals(1, v2.scale().min());
    assertEquals(7, v2.scale().max());
    // Every point is labelled, not only the ends, so a first-year reads the same scale as a
    // finalist.
    assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7), v2.scale().labels().keySet());
    assertEquals(new ScoreRange(18, 126), v2.scoreRange());
    assertTrue(v2.schedulable());
  }

  @Test
  void isTheLatestVersionSoNewWavesUseItWhileVersionOneStaysLoadedForItsAnswers() {
    InstrumentCatalog catalog = InstrumentCatalog.shipped();

    assertEquals(2, catalog.latest(TestInstruments.RAPPORT).orElseThrow().version());
    assertTrue(catalog.find(TestInstruments.RAPPORT, 1).isPresent());
  }

  @Test
  void everyItemCountsTowardsExactlyOneOfThreeSubscalesOfSix() {
    Instrument v2 = TestInstruments.rapportEmpathyV2();

    assertEquals(
        List.of(COGNITIVE, AFFECTIVE, ACTION), v2.subscales().stream().map(Subscale::id).toList());
    Map<SubscaleId, List<Integer>> bySubscale =
        v2.items().stream()
            .collect(
                Collectors.groupingBy(
                    Item::subscale, Collectors.mapping(Item::number, Collectors.toList())));
    assertEquals(List.of(1, 4, 7, 10, 13, 16), bySubscale.get(COGNITIVE));
    assertEquals(List.of(2, 5, 8, 11, 14, 17), bySubscale.get(AFFECTIVE));
    assertEquals(List.of(3, 6, 9, 12, 15, 18), bySubscale.get(ACTION));
    Set<Integer> all = new TreeSet<>();
    bySubscale.values().forEach(all::addAll);
    assertEquals(18, all.size(), "no item is counted twice");
  }

  @Test
  void reverseKeyingIsBalancedThreeOfSixInEverySubscale() {
    Instrument v2 = TestInstruments.rapportEmpathyV2();

    for (Subscale subscale : v2.subscales()) {
      long reversed = v2.itemsIn(subscale.id()).stream().filter(Item::reverse).count();
      assertEquals(3, reversed, subscale.id().value());
    }
    assertEquals(
        Set.of(7, 8, 9, 10, 14, 15, 16, 17, 18),
        v2.items().stream().filter(Item::reverse).map(Item::number).collect(Collectors.toSet()));
  }

  @Test
  void itemTextsAreDistinctFromEachOtherAndFromVersionOne() {
    Set<String> v1 =
        TestInstruments.rapportEmpathy().items().stream()
            .map(item -> item.text().orElseThrow())
            .collect(Collectors.toSet());
    Set<String> v2 =
        TestInstruments.rapportEmpathyV2().items().stream()
            .map(item -> item.text().orElseThrow())
            .collect(Collectors.toSet());

    assertEquals(18, v2.size());
    assertTrue(v2.stream().noneMatch(v1::contains));
  }

  /**
   * Worked by hand. Reversed items (7, 8, 9, 10, 14, 15, 16, 17, 18) score 8 − answer:
   *
   * <pre>
   * item    1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18
   * answer  6 5 7 4 6 5 2 3 1  5  4  6  5  2  3  6  1  4
   * keyed   6 5 7 4 6 5 6 5 7  3  4  6  5  6  5  2  7  4
   * </pre>
   *
   * Cognitive (1, 4, 7, 10, 13, 16): 6+4+6+3+5+2 = 26. Affective (2, 5, 8, 11, 14, 17): 5+6+5+4+6+7
   * = 33. Caring enough to act (3, 6, 9, 12, 15, 18): 7+5+7+6+5+4 = 34. Total 93.
   */
  @Test
  void scoresAKnownAnswerSet() {
    Instrument v2 = TestInstruments.rapportEmpathyV2();
    AnswerSheet answers = AnswerSheet.of(v2, 6, 5, 7, 4, 6, 5, 2, 3, 1, 5, 4, 6, 5, 2, 3, 6, 1, 4);

    ScoringResult score = Scorer.score(v2, answers.toAnswers());

    assertEquals(ScoringStatus.COMPLETE, score.status());
    assertEquals(InstrumentRef.of("rapport-empathy", 2), score.instrument());
    assertEquals(OptionalInt.of(26), score.subscale(COGNITIVE).orElseThrow().exactSum());
    assertEquals(OptionalInt.of(33), score.subscale(AFFECTIVE).orElseThrow().exactSum());
    assertEquals(OptionalInt.of(34), score.subscale(ACTION).orElseThrow().exactSum());
    assertEquals(OptionalInt.of(93), score.total().orElseThrow().exactSum());
  }
}
