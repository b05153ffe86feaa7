package org.rapport.curriculum.instruments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.curriculum.testdata.DefinitionYaml;

class InstrumentDefinitionReaderTest {

  private static final String FILE = DefinitionYaml.FILE;

  @Test
  void readsTheValidDefinition() {
    Instrument instrument = InstrumentDefinitionReader.parse(FILE, DefinitionYaml.VALID);

    assertEquals(InstrumentRef.of("test-scale", 1), instrument.ref());
    assertEquals("Test scale", instrument.shortTitle());
    assertEquals(InstrumentKind.FORMATIVE, instrument.kind());
    assertEquals(TextSource.INCLUDED, instrument.texts());
    assertEquals(new LikertScale(1, 5, Map.of(1, "Never", 5, "Always")), instrument.scale());
    assertEquals(
        List.of(
            new Item(1, java.util.Optional.of("Item one."), false, SubscaleId.of("first")),
            new Item(2, java.util.Optional.of("Item two."), true, SubscaleId.of("first")),
            new Item(3, java.util.Optional.of("Item three."), false, SubscaleId.of("second")),
            new Item(4, java.util.Optional.of("Item four."), true, SubscaleId.of("second"))),
        instrument.items());
    assertEquals(
        new MissingRule(OptionalInt.of(1), 1, ProrationMethod.PRORATE_MEAN), instrument.missing());
    assertEquals(new ScoreRange(4, 20), instrument.scoreRange());
    assertEquals(new ScoreRange(2, 10), instrument.scoreRange(SubscaleId.of("second")));
    assertTrue(instrument.schedulable());
  }

  static Stream<Arguments> brokenDefinitions() {
    DefinitionYaml valid = DefinitionYaml.valid();
    return Stream.of(
        broken(
            "duplicate item number",
            valid.replacing("{number: 3, text: Item three.", "{number: 2, text: Item three."),
            problem("items[2].number", "item number 2 appears more than once (first at items[1])")),
        broken(
            "gap in item numbers",
            valid.replacing("{number: 4, text: Item four.", "{number: 5, text: Item four."),
            problem("items", "item numbers must run from 1 to 4 without gaps; missing: 4")),
        broken(
            "item number below 1",
            valid.replacing("{number: 1, text: Item one.", "{number: 0, text: Item one."),
            problem("items[0].number", "must be 1 or greater, not 0")),
        broken(
            "item in an undeclared subscale",
            valid.replacing(
                "reverse: false, subscale: second}", "reverse: false, subscale: third}"),
            problem("items[2].subscale", "subscale 'third' is not declared under subscales")),
        broken(
            "reverse flag that is not a boolean",
            valid.replacing("Item one., reverse: false", "Item one., reverse: maybe"),
            problem("items[0].reverse", "must be true or false, not the text 'maybe'")),
        broken(
            "reverse flag left out",
            valid.replacing("Item one., reverse: false, ", "Item one., "),
            problem("items[0].reverse", "is missing")),
        broken(
            "scale without labels",
            valid.replacing("  labels:\n    1: Never\n    5: Always\n", ""),
            problem("scale.labels", "is missing")),
        broken(
            "labels that miss an end of the scale",
            valid.replacing("    5: Always\n", "    4: Often\n"),
            problem("scale.labels", "must name at least both ends of the scale (1 and 5)")),
        broken(
            "label outside the scale",
            valid.replacing("    5: Always\n", "    5: Always\n    6: Beyond\n"),
            problem("scale.labels.6", "is outside the scale 1–5")),
        broken(
            "scale max not above min",
            valid.replacing("  max: 5\n", "  max: 1\n"),
            problem("scale.max", "must be greater than scale.min (1)")),
        broken(
            "text missing although texts are included",
            valid.replacing("{number: 4, text: Item four., ", "{number: 4, "),
            problem("items[3].text", "is missing; it is required when texts is 'included'")),
        broken(
            "blank text",
            valid.replacing("text: Item four.,", "text: ' ',"),
            problem("items[3].text", "is empty")),
        broken(
            "texts shipped for a licensee instrument",
            valid.replacing("texts: included", "texts: licensee"),
            licenseeText(0),
            licenseeText(1),
            licenseeText(2),
            licenseeText(3)),
        broken(
            "unknown texts source",
            valid.replacing("texts: included", "texts: embedded"),
            problem("texts", "must be one of included, licensee, not 'embedded'")),
        broken(
            "subscale declared twice",
            valid.replacing("{id: second, label: Second", "{id: first, label: Second"),
            problem("subscales[1].id", "subscale 'first' is declared more than once")),
        broken(
            "subscale without items",
            valid.replacing(
                "description: The second subscale.}\n",
                "description: The second subscale.}\n"
                    + "  - {id: third, label: Third, description: Nothing counts here.}\n"),
            problem("subscales[2]", "subscale 'third' has no items")),
        broken(
            "subscale without description",
            valid.replacing(", description: The first subscale.}", "}"),
            problem("subscales[0].description", "is missing")),
        broken(
            "id that is not a slug",
            valid.replacing("id: test-scale", "id: Test Scale"),
            problem(
                "id",
                "must be lower-case letters and digits separated by single hyphens, e.g. jse-s")),
        broken(
            "version 0",
            valid.replacing("version: 1", "version: 0"),
            problem("version", "must be 1 or greater, not 0")),
        broken(
            "version that is not a whole number",
            valid.replacing("version: 1", "version: 1.5"),
            problem("version", "must be a whole number, not the number 1.5")),
        broken(
            "title missing",
            valid.replacing("title: Test scale\n", ""),
            problem("title", "is missing")),
        broken(
            "blank licence",
            valid.replacing("licence: Written for Rapport's tests.", "licence: ''"),
            problem("licence", "is empty")),
        broken(
            "unknown kind",
            valid.replacing("kind: formative", "kind: research"),
            problem("kind", "must be one of formative, validated, not 'research'")),
        broken(
            "unknown top-level field",
            valid.replacing("texts: included\n", "texts: included\nreverse_items: [2, 4]\n"),
            problem(
                "reverse_items",
                "is not a field of an instrument definition; the fields are comment_prompt,"
                    + " description, id, items, kind, licence, missing, rated_by, scale,"
                    + " score_range, short_title, subscales, texts, title, total, version")),
        broken(
            "unknown item field",
            valid.replacing("{number: 1, text:", "{number: 1, reversed: true, text:"),
            problem(
                "items[0].reversed",
                "is not a field of an item; the fields are number, reverse, subscale, text")),
        broken(
            "missing rule left out",
            valid.replacing(
                "missing: {max_missing_per_subscale: 1, max_missing_total: 1, method: prorate-mean}\n",
                ""),
            problem("missing", "is missing")),
        broken(
            "as many missing answers allowed as there are items",
            valid.replacing("max_missing_total: 1", "max_missing_total: 4"),
            problem("missing.max_missing_total", "must be less than the number of items (4)")),
        broken(
            "negative per-subscale limit",
            valid.replacing("max_missing_per_subscale: 1", "max_missing_per_subscale: -1"),
            problem("missing.max_missing_per_subscale", "must be 0 or greater, not -1")),
        broken(
            "unknown proration method",
            valid.replacing("method: prorate-mean", "method: drop-response"),
            problem("missing.method", "must be one of prorate-mean, not 'drop-response'")),
        broken(
            "declared score range that does not match the items",
            valid.replacing("score_range: {min: 4, max: 20}", "score_range: {min: 5, max: 35}"),
            problem("score_range.min", "is 5 but the items give 4 (4 items × scale minimum 1)"),
            problem("score_range.max", "is 35 but the items give 20 (4 items × scale maximum 5)")),
        broken(
            "total without label",
            valid.replacing("total: {label: Test total}", "total: {}"),
            problem("total.label", "is missing")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenDefinitions")
  void reportsEachProblemWithFileFieldAndMessage(
      String name, DefinitionYaml definition, List<InstrumentProblem> expected) {
    InstrumentException thrown =
        assertThrows(
            InstrumentException.class,
            () -> InstrumentDefinitionReader.parse(FILE, definition.text()));

    assertEquals(expected, thrown.problems());
  }

  @Test
  void readsAnOptionalPublishedNormOfTheTotal() {
    assertTrue(
        InstrumentDefinitionReader.parse(FILE, DefinitionYaml.VALID).total().norm().isEmpty());
    String yaml =
        DefinitionYaml.valid()
            .replacing(
                "total: {label: Test total}",
                "total: {label: Test total, norm: {mean: 15.5, sd: 2.25, group: first-years,"
                    + " source: A study}}")
            .text();

    Norm norm = InstrumentDefinitionReader.parse(FILE, yaml).total().norm().orElseThrow();

    assertEquals(new Norm(15.5, 2.25, "first-years", "A study"), norm);
  }

  @Test
  void reportsABrokenNorm() {
    String yaml =
        DefinitionYaml.valid()
            .replacing(
                "total: {label: Test total}",
                "total: {label: Test total, norm: {mean: high, sd: 0, group: first-years}}")
            .text();

    InstrumentException thrown =
        assertThrows(InstrumentException.class, () -> InstrumentDefinitionReader.parse(FILE, yaml));

    assertEquals(
        List.of(
            problem("total.norm.mean", "must be a number"),
            problem("total.norm.source", "is missing"),
            problem("total.norm.sd", "must be greater than 0")),
        thrown.problems());
  }

  @Test
  void theShippedJseDefinitionCarriesTheNationalMatriculantNorm() {
    Instrument jse = InstrumentCatalog.shipped().latest(InstrumentId.of("jse-s")).orElseThrow();

    Norm norm = jse.total().norm().orElseThrow();
    assertEquals(116.54, norm.mean());
    assertEquals(10.85, norm.sd());
  }

  @Test
  void reportsAllProblemsOfAFileAtOnce() {
    String yaml =
        DefinitionYaml.valid()
            .replacing("kind: formative", "kind: research")
            .replacing("version: 1", "version: 0")
            .replacing("Item one., reverse: false", "Item one., reverse: maybe")
            .text();

    InstrumentException thrown =
        assertThrows(InstrumentException.class, () -> InstrumentDefinitionReader.parse(FILE, yaml));

    assertEquals(
        List.of(
            problem("version", "must be 1 or greater, not 0"),
            problem("kind", "must be one of formative, validated, not 'research'"),
            problem("items[0].reverse", "must be true or false, not the text 'maybe'")),
        thrown.problems());
    assertTrue(
        thrown
            .getMessage()
            .contains(FILE + ": kind: must be one of formative, validated, not 'research'"),
        thrown.getMessage());
  }

  @Test
  void rejectsDuplicateKeysAsInvalidYaml() {
    String yaml =
        DefinitionYaml.valid().replacing("    1: Never\n", "    1: Never\n    1: Rarely\n").text();

    InstrumentException thrown =
        assertThrows(InstrumentException.class, () -> InstrumentDefinitionReader.parse(FILE, yaml));

    assertEquals(1, thrown.problems().size());
    InstrumentProblem only = thrown.problems().get(0);
    assertEquals(FILE, only.file());
    assertEquals("line 11, column 5", only.field(), "where the second key stands");
    assertTrue(only.message().startsWith("is not valid YAML: "), only.message());
    assertTrue(only.message().contains("duplicate key 1"), only.message());
  }

  @Test
  void rejectsADocumentThatIsNotAMapping() {
    InstrumentException thrown =
        assertThrows(
            InstrumentException.class, () -> InstrumentDefinitionReader.parse(FILE, "- a\n- b\n"));

    assertEquals(
        List.of(problem("(file)", "must be a set of fields (id, version, title, ...), not a list")),
        thrown.problems());
  }

  @Test
  void acceptsALicenseeDefinitionWithoutTextsButDoesNotScheduleIt() {
    String yaml =
        DefinitionYaml.valid()
            .replacing("texts: included", "texts: licensee")
            .replacing(" text: Item one.,", "")
            .replacing(" text: Item two.,", "")
            .replacing(" text: Item three.,", "")
            .replacing(" text: Item four.,", "")
            .text();

    Instrument instrument = InstrumentDefinitionReader.parse(FILE, yaml);

    assertFalse(instrument.schedulable());
    assertEquals(
        "Test scale item texts have not been supplied:"
            + " set rapport.instruments.test-scale.texts to the licensed texts file",
        instrument.unschedulableReason().orElseThrow());
  }

  private static Arguments broken(
      String name, DefinitionYaml definition, InstrumentProblem... expected) {
    return Arguments.of(name, definition, List.of(expected));
  }

  private static InstrumentProblem problem(String field, String message) {
    return new InstrumentProblem(FILE, field, message);
  }

  private static InstrumentProblem licenseeText(int index) {
    return problem(
        "items[" + index + "].text",
        "must be left out when texts is 'licensee': the institution supplies the licensed wording"
            + " in its own texts file");
  }
}
