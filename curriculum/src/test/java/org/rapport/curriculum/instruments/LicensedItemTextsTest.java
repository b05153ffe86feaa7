package org.rapport.curriculum.instruments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.curriculum.testdata.TestInstruments;

class LicensedItemTextsTest {

  private static final String FILE = "/etc/rapport/jse-s-texts.yaml";

  @Test
  void aCompleteTextsFileMakesTheJseSSchedulable() {
    InstrumentCatalog catalog =
        InstrumentCatalog.shipped().withLicensedTexts(TestInstruments.placeholderJseTexts());

    Instrument jse = catalog.get(TestInstruments.JSE_S, 1);
    assertTrue(jse.schedulable());
    assertTrue(jse.unschedulableReason().isEmpty());
    assertEquals(
        "Placeholder wording for item 7 (test data, not the licensed text).",
        jse.item(7).orElseThrow().text().orElseThrow());
    assertEquals(
        TestInstruments.jseS().items().stream().map(Item::reverse).toList(),
        jse.items().stream().map(Item::reverse).toList(),
        "the key is unchanged");
    assertFalse(InstrumentCatalog.shipped().get(TestInstruments.JSE_S, 1).schedulable());
    assertEquals(3, catalog.schedulable().size());
  }

  @Test
  void toStringLeavesTheWordingOut() {
    LicensedItemTexts texts = LicensedItemTexts.parse(FILE, textsFile("jse-s", 1, all(20)));

    assertEquals(
        "LicensedItemTexts[file=" + FILE + ", instrument=jse-s version 1, items=20]",
        texts.toString());
  }

  static Stream<Arguments> textsThatDoNotFit() {
    return Stream.of(
        Arguments.of(
            "item 7 missing",
            textsFile("jse-s", 1, except(all(20), 7)),
            List.of(problem("items", "has no text for item 7 of jse-s version 1"))),
        Arguments.of(
            "items 7 and 19 missing",
            textsFile("jse-s", 1, except(all(20), 7, 19)),
            List.of(
                problem("items", "has no text for item 7 of jse-s version 1"),
                problem("items", "has no text for item 19 of jse-s version 1"))),
        Arguments.of(
            "an extra item 21",
            textsFile("jse-s", 1, all(21)),
            List.of(problem("items.21", "is not an item of jse-s version 1 (items 1–20)"))),
        Arguments.of(
            "texts of another instrument",
            textsFile("teq", 1, all(20)),
            List.of(problem("instrument", "is 'teq' but these texts are being applied to jse-s"))),
        Arguments.of(
            "texts of another version",
            textsFile("jse-s", 2, all(20)),
            List.of(
                problem("version", "is 2 but these texts are being applied to jse-s version 1"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("textsThatDoNotFit")
  void rejectsTextsThatDoNotFitTheInstrument(
      String name, String yaml, List<InstrumentProblem> expected) {
    LicensedItemTexts texts = LicensedItemTexts.parse(FILE, yaml);
    Instrument jse = TestInstruments.jseS();

    InstrumentException thrown = assertThrows(InstrumentException.class, () -> texts.applyTo(jse));

    assertEquals(expected, thrown.problems());
  }

  @Test
  void rejectsTextsForAnInstrumentThatShipsItsOwn() {
    LicensedItemTexts texts =
        LicensedItemTexts.parse(FILE, textsFile("rapport-empathy", 1, all(18)));

    InstrumentException thrown =
        assertThrows(
            InstrumentException.class, () -> texts.applyTo(TestInstruments.rapportEmpathy()));

    assertEquals(
        List.of(
            problem(
                "instrument",
                "rapport-empathy version 1 ships its own item texts; a licensed texts file is only"
                    + " for instruments with texts: licensee")),
        thrown.problems());
  }

  @Test
  void catalogRejectsTextsForAnInstrumentItHasNotLoaded() {
    LicensedItemTexts texts = LicensedItemTexts.parse(FILE, textsFile("jse-s", 3, all(20)));

    InstrumentException thrown =
        assertThrows(
            InstrumentException.class, () -> InstrumentCatalog.shipped().withLicensedTexts(texts));

    assertEquals(
        List.of(problem("instrument", "no instrument jse-s version 3 is loaded")),
        thrown.problems());
  }

  static Stream<Arguments> malformedFiles() {
    return Stream.of(
        Arguments.of(
            "blank text",
            "instrument: jse-s\nversion: 1\nitems:\n  1: ''\n",
            List.of(problem("items.1", "is empty"))),
        Arguments.of(
            "item key that is not a number",
            "instrument: jse-s\nversion: 1\nitems:\n  first: Some text\n",
            List.of(problem("items.first", "must be an item number, 1 or greater"))),
        Arguments.of(
            "no instrument, no version, items as a list",
            "items:\n  - Some text\n",
            List.of(
                problem("instrument", "is missing"),
                problem("version", "is missing"),
                problem("items", "must be texts by item number, not a list"))),
        Arguments.of(
            "unknown field",
            "instrument: jse-s\nversion: 1\nlanguage: en\nitems:\n  1: Some text\n",
            List.of(
                problem(
                    "language",
                    "is not a field of a licensed texts file; the fields are instrument, items, version"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedFiles")
  void rejectsMalformedFiles(String name, String yaml, List<InstrumentProblem> expected) {
    InstrumentException thrown =
        assertThrows(InstrumentException.class, () -> LicensedItemTexts.parse(FILE, yaml));

    assertEquals(expected, thrown.problems());
  }

  private static List<Integer> all(int count) {
    return IntStream.rangeClosed(1, count).boxed().toList();
  }

  private static List<Integer> except(List<Integer> numbers, Integer... left) {
    return numbers.stream().filter(n -> !List.of(left).contains(n)).toList();
  }

  private static String textsFile(String instrument, int version, List<Integer> numbers) {
    return "instrument: "
        + instrument
        + "\nversion: "
        + version
        + "\nitems:\n"
        + numbers.stream()
            .map(n -> "  " + n + ": Placeholder " + n + "\n")
            .collect(Collectors.joining());
  }

  private static InstrumentProblem problem(String field, String message) {
    return new InstrumentProblem(FILE, field, message);
  }
}
