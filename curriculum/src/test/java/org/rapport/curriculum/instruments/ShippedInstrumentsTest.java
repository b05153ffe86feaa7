package org.rapport.curriculum.instruments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rapport.curriculum.testdata.TestInstruments;

class ShippedInstrumentsTest {

  private static final SubscaleId PERSPECTIVE_TAKING = SubscaleId.of("perspective-taking");
  private static final SubscaleId COMPASSIONATE_CARE = SubscaleId.of("compassionate-care");
  private static final SubscaleId SHOES = SubscaleId.of("standing-in-patients-shoes");

  @Test
  void shipsExactlyTheIndexedInstruments() {
    assertEquals(
        List.of(
            InstrumentRef.of("jse-s", 1),
            InstrumentRef.of("rapport-empathy", 1),
            InstrumentRef.of("rapport-empathy", 2),
            InstrumentRef.of("rapport-observed-observer", 1),
            InstrumentRef.of("rapport-observed-patient", 1)),
        InstrumentCatalog.shipped().all().stream().map(Instrument::ref).toList());
  }

  @Test
  void jseSKeyMatchesTheDomainNotes() {
    Instrument jse = TestInstruments.jseS();

    assertEquals(20, jse.items().size());
    assertEquals(
        new LikertScale(1, 7, Map.of(1, "Strongly disagree", 7, "Strongly agree")), jse.scale());
    assertEquals(
        Set.of(1, 3, 6, 7, 8, 11, 12, 14, 18, 19),
        jse.items().stream().filter(Item::reverse).map(Item::number).collect(Collectors.toSet()));
    assertEquals(
        List.of(PERSPECTIVE_TAKING, COMPASSIONATE_CARE, SHOES),
        jse.subscales().stream().map(Subscale::id).toList());
    assertEquals(List.of(2, 4, 5, 9, 10, 13, 15, 16, 17, 20), numbers(jse, PERSPECTIVE_TAKING));
    assertEquals(List.of(1, 7, 8, 11, 12, 14, 18, 19), numbers(jse, COMPASSIONATE_CARE));
    assertEquals(List.of(3, 6), numbers(jse, SHOES));
    assertEquals(new ScoreRange(20, 140), jse.scoreRange());
    assertEquals(InstrumentKind.VALIDATED, jse.kind());
    assertTrue(jse.licence().contains("Thomas Jefferson University"), jse.licence());
  }

  @Test
  void jseSShipsNoItemTextsAndIsNotSchedulable() {
    Instrument jse = TestInstruments.jseS();

    assertEquals(TextSource.LICENSEE, jse.texts());
    assertTrue(jse.items().stream().allMatch(item -> item.text().isEmpty()));
    assertFalse(jse.schedulable());
    assertEquals(
        "JSE-S item texts have not been supplied:"
            + " set rapport.instruments.jse-s.texts to the licensed texts file",
        jse.unschedulableReason().orElseThrow());
  }

  @Test
  void rapportEmpathyIsAFormativeToolWithThreeLayersOfSixItems() {
    Instrument rapport = TestInstruments.rapportEmpathy();

    assertEquals(InstrumentKind.FORMATIVE, rapport.kind());
    assertTrue(rapport.description().orElseThrow().contains("not a validated research instrument"));
    assertEquals(18, rapport.items().size());
    assertEquals(1, rapport.scale().min());
    assertEquals(7, rapport.scale().max());
    assertEquals(
        List.of("cognitive", "affective", "compassionate-action"),
        rapport.subscales().stream().map(s -> s.id().value()).toList());
    for (Subscale subscale : rapport.subscales()) {
      List<Item> items = rapport.itemsIn(subscale.id());
      long reversed = items.stream().filter(Item::reverse).count();
      assertEquals(6, items.size(), subscale.id().value());
      assertTrue(reversed >= 2 && reversed <= 3, subscale.id() + " has " + reversed + " reversed");
    }
    assertEquals(new ScoreRange(18, 126), rapport.scoreRange());
    assertTrue(rapport.schedulable());
    assertTrue(rapport.unschedulableReason().isEmpty());
  }

  @Test
  void rapportEmpathyItemTextsAreDistinct() {
    Instrument rapport = TestInstruments.rapportEmpathy();

    Set<String> texts =
        rapport.items().stream()
            .map(item -> item.text().orElseThrow())
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(18, texts.size());
  }

  private static List<Integer> numbers(Instrument instrument, SubscaleId subscale) {
    return instrument.itemsIn(subscale).stream().map(Item::number).toList();
  }
}
