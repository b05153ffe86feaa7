package org.rapport.curriculum.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.curriculum.assessments.ScoringStatus;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.instruments.InstrumentCatalog;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.curriculum.instruments.SubscaleId;

/**
 * Every kind of bad row gives one problem with its row number, column name and exact sentence. Each
 * case changes a few fields of a valid row (answers, or scores).
 */
class ResultFileValidatorTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  private static final InstrumentCatalog CATALOG = InstrumentCatalog.shipped();

  private static final List<String> HEADER = header();

  private static List<String> header() {
    List<String> h =
        new ArrayList<>(List.of("student_id", "cohort", "stage", "instrument", "version"));
    h.add("completed_on");
    for (int i = 1; i <= 20; i++) {
      h.add("item_" + i);
    }
    h.addAll(
        List.of(
            "total",
            "subscale_cognitive",
            "subscale_affective",
            "subscale_compassionate-action",
            "subscale_perspective-taking"));
    return h;
  }

  /** A valid row with answers 4 to all 18 items of rapport-empathy version 1. */
  private static Map<String, String> answersRow() {
    Map<String, String> row = new LinkedHashMap<>();
    HEADER.forEach(c -> row.put(c, ""));
    row.put("student_id", "S-001");
    row.put("cohort", "2022");
    row.put("stage", "Y1");
    row.put("instrument", "rapport-empathy");
    row.put("version", "1");
    row.put("completed_on", "2023-05-10");
    for (int i = 1; i <= 18; i++) {
      row.put("item_" + i, "4");
    }
    return row;
  }

  /** A valid row with scores only. */
  private static Map<String, String> scoresRow() {
    Map<String, String> row = answersRow();
    for (int i = 1; i <= 18; i++) {
      row.put("item_" + i, "");
    }
    row.put("total", "72.5");
    row.put("subscale_cognitive", "24");
    row.put("subscale_affective", "24.5");
    row.put("subscale_compassionate-action", "24");
    return row;
  }

  private static Map<String, String> with(Map<String, String> row, String... columnValue) {
    for (int i = 0; i < columnValue.length; i += 2) {
      row.put(columnValue[i], columnValue[i + 1]);
    }
    return row;
  }

  private static List<String> fields(Map<String, String> row) {
    return HEADER.stream().map(row::get).toList();
  }

  private static ResultFileValidator validator() {
    ResultFileValidator v = new ResultFileValidator(CATALOG, TODAY);
    assertEquals(List.of(), v.header(HEADER));
    return v;
  }

  static Stream<Arguments> badRows() {
    return Stream.of(
        Arguments.of(
            "no student id",
            with(answersRow(), "student_id", ""),
            "student_id",
            "is empty; every row needs a pseudonymous student id"),
        Arguments.of(
            "an e-mail address as student id",
            with(answersRow(), "student_id", "jane@example.edu"),
            "student_id",
            "'jane@example.edu' is not a pseudonymous id: use 1 to 64 letters, digits, dots,"
                + " dashes, underscores or colons (never a name or e-mail address)"),
        Arguments.of(
            "cohort not a year",
            with(answersRow(), "cohort", "twenty"),
            "cohort",
            "'twenty' is not a year; give the year the student started medical school, e.g."
                + " 2024"),
        Arguments.of(
            "cohort out of range",
            with(answersRow(), "cohort", "1900"),
            "cohort",
            "1900 is not a plausible matriculation year (1950–2027)"),
        Arguments.of(
            "no cohort",
            with(answersRow(), "cohort", " "),
            "cohort",
            "is empty; every row needs a cohort (matriculation year)"),
        Arguments.of(
            "unknown stage",
            with(answersRow(), "stage", "Y9"),
            "stage",
            "'Y9' is not a training stage; use one of MATRICULATION, Y1, Y2, Y3, Y4, GRADUATION,"
                + " PGY1, PGY2, PGY3"),
        Arguments.of(
            "unknown instrument",
            with(answersRow(), "instrument", "tea-scale"),
            "instrument",
            "no instrument 'tea-scale' is installed; installed: jse-s, rapport-empathy"),
        Arguments.of(
            "version not a number",
            with(answersRow(), "version", "two"),
            "version",
            "'two' is not a version number"),
        Arguments.of(
            "version not installed",
            with(answersRow(), "version", "3"),
            "version",
            "rapport-empathy has no version 3; installed versions: 1, 2"),
        Arguments.of(
            "answer not a number",
            with(answersRow(), "item_4", "x"),
            "item_4",
            "'x' is not a whole number"),
        Arguments.of(
            "answer off the scale",
            with(answersRow(), "item_4", "9"),
            "item_4",
            "answer 9 is outside the scale 1–7"),
        Arguments.of(
            "answer to an item the instrument does not have",
            with(answersRow(), "item_19", "4"),
            "item_19",
            "is not an item of rapport-empathy version 1 (items 1–18)"),
        Arguments.of(
            "too many unanswered in one subscale",
            with(answersRow(), "item_1", "", "item_4", ""),
            "item_1",
            "2 of 6 items unanswered in subscale cognitive; at most 1 may be missing"
                + " (unanswered: items 1, 4)"),
        Arguments.of(
            "too many unanswered in all",
            with(answersRow(), "item_1", "", "item_2", "", "item_3", "", "item_7", ""),
            "item_1",
            "4 of 18 items unanswered; at most 3 may be missing in total; 2 of 6 items"
                + " unanswered in subscale cognitive; at most 1 may be missing (unanswered: items"
                + " 1, 2, 3, 7)"),
        Arguments.of(
            "answers and scores in one row",
            with(answersRow(), "total", "72"),
            "total",
            "give either item answers or scores in a row, not both"),
        Arguments.of(
            "neither answers nor scores",
            with(
                scoresRow(),
                "total",
                "",
                "subscale_cognitive",
                "",
                "subscale_affective",
                "",
                "subscale_compassionate-action",
                ""),
            "total",
            "the row has neither item answers nor a total score"),
        Arguments.of(
            "total out of range",
            with(scoresRow(), "total", "200", "subscale_cognitive", ""),
            "total",
            "200 is outside the possible range 18–126"),
        Arguments.of(
            "subscale score not a number",
            with(scoresRow(), "subscale_cognitive", "abc"),
            "subscale_cognitive",
            "'abc' is not a number"),
        Arguments.of(
            "subscale score out of range",
            with(scoresRow(), "subscale_cognitive", "43"),
            "subscale_cognitive",
            "43 is outside the possible range 6–42"),
        Arguments.of(
            "subscale of another instrument",
            with(scoresRow(), "subscale_perspective-taking", "30"),
            "subscale_perspective-taking",
            "'perspective-taking' is not a subscale of rapport-empathy version 1 (cognitive,"
                + " affective, compassionate-action)"),
        Arguments.of(
            "subscales that do not add up to the total",
            with(scoresRow(), "total", "73"),
            "total",
            "is 73 but the subscale scores add up to 72.5"),
        Arguments.of(
            "subscales without a total",
            with(scoresRow(), "total", ""),
            "total",
            "is empty; scores need a total"),
        Arguments.of(
            "completion date not a date",
            with(answersRow(), "completed_on", "2024-13-01"),
            "completed_on",
            "'2024-13-01' is not a date; write it as YYYY-MM-DD"),
        Arguments.of(
            "completion date in the future",
            with(answersRow(), "completed_on", "2027-01-01"),
            "completed_on",
            "2027-01-01 is in the future"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRows")
  void eachBadRowKindIsReportedAtItsRowAndColumn(
      String what, Map<String, String> row, String column, String message) {
    ResultFileValidator.Outcome outcome = validator().row(7, fields(row));
    assertEquals(List.of(new RowProblem(7, column, message)), outcome.problems());
    assertTrue(outcome.result().isEmpty());
  }

  @Test
  void aRowWithTheWrongNumberOfFieldsIsReportedAsAWhole() {
    ResultFileValidator.Outcome outcome =
        validator().row(3, List.of("S-1", "2022", "Y1", "rapport-empathy", "1"));
    assertEquals(
        List.of(new RowProblem(3, "(row)", "has 5 fields but the header has 31 columns")),
        outcome.problems());
  }

  @Test
  void everyProblemOfARowIsReportedNotOnlyTheFirst() {
    ResultFileValidator.Outcome outcome =
        validator()
            .row(4, fields(with(answersRow(), "student_id", "", "stage", "Y9", "item_2", "8")));
    assertEquals(
        List.of("student_id", "stage", "item_2"),
        outcome.problems().stream().map(RowProblem::column).toList());
  }

  @Test
  void aValidAnswersRowIsScoredByRapport() {
    ResultFileValidator.Outcome outcome =
        validator()
            .row(
                2,
                fields(
                    with(
                        answersRow(),
                        "item_5",
                        "",
                        "stage",
                        "pgy-1",
                        "completed_on",
                        "2026-08-01")));
    HistoricalResult result = outcome.result().orElseThrow();
    assertEquals("S-001", result.studentId());
    assertEquals(2022, result.cohort().value());
    assertEquals(TrainingStage.PGY1, result.stage());
    assertEquals(InstrumentRef.of("rapport-empathy", 1), result.instrument());
    assertEquals(LocalDate.of(2026, 8, 1), result.completedOn().orElseThrow());
    assertEquals(17, result.answers().orElseThrow().byItem().size());
    assertEquals(ScoringStatus.PRORATED, result.score().orElseThrow().status());
    assertEquals(72.0, result.score().orElseThrow().total().orElseThrow().value(), 1e-9);
  }

  @Test
  void aHeaderWithoutOneOfTheInstrumentsItemColumnsIsRefusedNotProRated() {
    List<String> header = new ArrayList<>(HEADER);
    header.remove("item_20");
    ResultFileValidator v = new ResultFileValidator(CATALOG, TODAY);
    assertEquals(List.of(), v.header(header));
    Map<String, String> row = answersRow();
    for (int i = 1; i <= 20; i++) {
      row.put("item_" + i, "5");
    }
    row.put("instrument", "jse-s");

    ResultFileValidator.Outcome outcome = v.row(2, header.stream().map(row::get).toList());

    assertEquals(
        List.of(
            new RowProblem(
                2,
                "item_20",
                "the header has no column for item_20 of jse-s version 1; a file of item answers needs a"
                    + " column for every item (leave a cell empty where an item was not"
                    + " answered)")),
        outcome.problems());
  }

  @Test
  void aWaveThatCannotHaveHappenedYetIsRefused() {
    // Cohort 2026 cannot have reached year 3 by 2026-11-26 (today) ...
    ResultFileValidator.Outcome today =
        validator()
            .row(
                2, fields(with(answersRow(), "cohort", "2026", "stage", "Y3", "completed_on", "")));
    assertEquals(
        List.of(
            new RowProblem(
                2,
                "stage",
                "the Y3 wave of the cohort of 2026 cannot have taken place by today (2026-11-26):"
                    + " that training year begins in 2028 at the earliest; check the cohort and"
                    + " the stage")),
        today.problems());
    // ... nor cohort 2022 its graduation by the completed_on date of 2024.
    ResultFileValidator.Outcome dated =
        validator()
            .row(
                3, fields(with(answersRow(), "stage", "GRADUATION", "completed_on", "2024-06-01")));
    assertEquals(
        List.of(
            new RowProblem(
                3,
                "stage",
                "the GRADUATION wave of the cohort of 2022 cannot have taken place by 2024-06-01:"
                    + " that training year begins in 2025 at the earliest; check the cohort and"
                    + " the stage")),
        dated.problems());
  }

  @Test
  void theEarliestPossibleWaveOfEachStageIsAccepted() {
    for (TrainingStage stage : TrainingStage.values()) {
      int year = stage.earliestYear(2020);
      ResultFileValidator.Outcome outcome =
          validator()
              .row(
                  2,
                  fields(
                      with(
                          answersRow(),
                          "cohort",
                          "2020",
                          "stage",
                          stage.name(),
                          "completed_on",
                          year + "-01-01")));
      assertEquals(List.of(), outcome.problems(), stage.name());
    }
  }

  @Test
  void aValidScoresRowKeepsTheGivenDecimals() {
    HistoricalResult result = validator().row(2, fields(scoresRow())).result().orElseThrow();
    assertEquals(new BigDecimal("72.5"), result.given().orElseThrow().total());
    assertEquals(
        new BigDecimal("24.5"),
        result.given().orElseThrow().subscales().get(SubscaleId.of("affective")));
    assertTrue(result.answers().isEmpty());
  }

  @Test
  void licensedInstrumentsCanBeImportedWithoutTheirTexts() {
    Map<String, String> row = answersRow();
    for (int i = 1; i <= 20; i++) {
      row.put("item_" + i, "5");
    }
    row.put("instrument", "jse-s");
    HistoricalResult result = validator().row(2, fields(row)).result().orElseThrow();
    // 10 plain items score 5, 10 reverse-keyed items score 8 − 5 = 3.
    assertEquals(80, result.score().orElseThrow().total().orElseThrow().keyedSum());
  }

  @Test
  void aRepeatedResultIsReportedAtTheLaterRow() {
    ResultFileValidator v = validator();
    assertTrue(v.row(2, fields(answersRow())).problems().isEmpty());
    assertTrue(v.row(3, fields(with(answersRow(), "stage", "Y2"))).problems().isEmpty());
    assertEquals(
        List.of(
            new RowProblem(
                4,
                "student_id",
                "repeats the result of row 2 (same student, stage and instrument)")),
        v.row(4, fields(with(answersRow(), "item_1", "5"))).problems());
  }

  @Test
  void aStudentInTwoCohortsIsReportedAtTheLaterRow() {
    ResultFileValidator v = validator();
    assertTrue(v.row(2, fields(answersRow())).problems().isEmpty());
    assertEquals(
        List.of(
            new RowProblem(
                3,
                "cohort",
                "student S-001 is in the cohort of 2022 in row 2; a student belongs to one"
                    + " cohort")),
        v.row(3, fields(with(answersRow(), "stage", "Y2", "cohort", "2021"))).problems());
  }

  static Stream<Arguments> badHeaders() {
    return Stream.of(
        Arguments.of(
            List.of("student_id", "cohort", "stage", "instrument"),
            List.of(
                new RowProblem(
                    1,
                    "version",
                    "is missing; the header must name the columns student_id, cohort, stage,"
                        + " instrument, version"))),
        Arguments.of(
            List.of("student_id", "cohort", "stage", "instrument", "version", "name"),
            List.of(
                new RowProblem(
                    1,
                    "name",
                    "is not a column of the import format; use student_id, cohort, stage,"
                        + " instrument, version, completed_on, item_1 … item_n, total and"
                        + " subscale_<id>"))),
        Arguments.of(
            List.of("student_id", "cohort", "stage", "instrument", "version", "Item_3", "item_3"),
            List.of(new RowProblem(1, "item_3", "appears twice in the header"))),
        Arguments.of(
            List.of("student_id;cohort;stage;instrument;version"),
            List.of(
                new RowProblem(
                    1,
                    "(file)",
                    "columns are separated by semicolons; save the file as comma-separated"
                        + " values (CSV)"))),
        Arguments.of(
            List.of(""),
            List.of(
                new RowProblem(
                    1, "(file)", "the file is empty; the first row must name the columns"))));
  }

  @ParameterizedTest
  @MethodSource("badHeaders")
  void headerProblemsAreReportedAtRowOne(List<String> header, List<RowProblem> expected) {
    assertEquals(expected, new ResultFileValidator(CATALOG, TODAY).header(header));
  }
}
