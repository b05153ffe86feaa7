package org.rapport.curriculum.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.curriculum.assessments.ScoringStatus;
import org.rapport.curriculum.cohorts.Programme;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.instruments.InstrumentCatalog;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.curriculum.instruments.RaterType;

/**
 * Every kind of bad row of an observed-ratings file gives its problem at its row and column, with
 * the exact sentence; each case changes a few fields of a valid row. The forms are Rapport's
 * shipped observed-communication forms (10 items on 1–5): patients fill in
 * rapport-observed-patient, faculty and peers rapport-observed-observer.
 */
class ObservedResultFileValidatorTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  private static final InstrumentCatalog CATALOG = InstrumentCatalog.shipped();
  private static final InstrumentRef PATIENT_FORM = RatingFormLookup.PATIENT_FORM;
  private static final InstrumentRef OBSERVER_FORM = RatingFormLookup.OBSERVER_FORM;
  private static final RatingFormLookup FORMS = RatingFormLookup.SHIPPED;

  private static final List<String> HEADER = header();

  private static List<String> header() {
    List<String> h =
        new ArrayList<>(
            List.of(
                "student_pseudonym",
                "date",
                "stage",
                "station",
                "setting",
                "cohort",
                "rater_type",
                "form",
                "form_version",
                "comment"));
    for (int i = 1; i <= 10; i++) {
      h.add("item_" + i);
    }
    h.add("total");
    return h;
  }

  /** A valid patient rating with answer 4 to every item, the form left to the default. */
  private static Map<String, String> answersRow() {
    Map<String, String> row = new LinkedHashMap<>();
    HEADER.forEach(c -> row.put(c, ""));
    row.put("student_pseudonym", "S-001");
    row.put("date", "2025-03-14");
    row.put("stage", "Y3");
    row.put("station", "Breaking bad news");
    row.put("rater_type", "patient");
    row.put("comment", "Listened well.");
    for (int i = 1; i <= 10; i++) {
      row.put("item_" + i, "4");
    }
    return row;
  }

  /** A valid faculty rating with a total only. */
  private static Map<String, String> totalRow() {
    Map<String, String> row = answersRow();
    for (int i = 1; i <= 10; i++) {
      row.put("item_" + i, "");
    }
    row.put("rater_type", "faculty");
    row.put("total", "37.5");
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

  private static ObservedResultFileValidator validator() {
    ObservedResultFileValidator v =
        new ObservedResultFileValidator(CATALOG, FORMS, Programme.standard(), TODAY);
    assertEquals(List.of(), v.header(HEADER));
    return v;
  }

  static Stream<Arguments> badRows() {
    return Stream.of(
        Arguments.of(
            "no student",
            with(answersRow(), "student_pseudonym", ""),
            "student_pseudonym",
            "is empty; every row needs a student pseudonym"),
        Arguments.of(
            "an e-mail address as pseudonym",
            with(answersRow(), "student_pseudonym", "jane@example.edu"),
            "student_pseudonym",
            "'jane@example.edu' is not a pseudonymous id: use 1 to 64 letters, digits, dots,"
                + " dashes, underscores or colons (never a name or e-mail address)"),
        Arguments.of(
            "no date",
            with(answersRow(), "date", ""),
            "date",
            "is empty; every row needs a date (YYYY-MM-DD)"),
        Arguments.of(
            "a date as people write it",
            with(answersRow(), "date", "14.03.2025"),
            "date",
            "'14.03.2025' is not a date; write it as YYYY-MM-DD"),
        Arguments.of(
            "a date in the future",
            with(answersRow(), "date", "2026-11-27"),
            "date",
            "2026-11-27 is in the future"),
        Arguments.of(
            "no stage",
            with(answersRow(), "stage", ""),
            "stage",
            "is empty; every row needs a training stage"),
        Arguments.of(
            "an unknown stage",
            with(answersRow(), "stage", "Y9"),
            "stage",
            "'Y9' is not a training stage; use one of MATRICULATION, Y1, Y2, Y3, Y4, GRADUATION,"
                + " PGY1, PGY2, PGY3"),
        Arguments.of(
            "a cohort that is no year",
            with(answersRow(), "cohort", "class of 22"),
            "cohort",
            "'class of 22' is not a year; give the year the student started medical school, e.g."
                + " 2024"),
        Arguments.of(
            "a stage the cohort cannot have reached by the date",
            with(answersRow(), "cohort", "2024"),
            "stage",
            "a student of the cohort of 2024 cannot be at stage Y3 on 2025-03-14: that training"
                + " year begins in 2026 at the earliest; check the cohort, the stage and the date"),
        Arguments.of(
            "no station",
            with(answersRow(), "station", "  "),
            "station",
            "is empty; every row needs a station"),
        Arguments.of(
            "a station name too long to keep",
            with(answersRow(), "station", "x".repeat(201)),
            "station",
            "has 201 characters; at most 200 are kept, shorten it"),
        Arguments.of(
            "an unknown setting",
            with(answersRow(), "setting", "ward round"),
            "setting",
            "'ward round' is not a setting; use one of osce-station, sp-practice, clerkship,"
                + " peer-role-play"),
        Arguments.of(
            "no rater type",
            with(answersRow(), "rater_type", ""),
            "rater_type",
            "is empty; every row needs a rater type (patient, faculty, peer)"),
        Arguments.of(
            "an unknown rater type",
            with(answersRow(), "rater_type", "nurse"),
            "rater_type",
            "'nurse' is not a rater type; use one of patient, faculty, peer"),
        Arguments.of(
            "a comment too long to keep",
            with(answersRow(), "comment", "y".repeat(2001)),
            "comment",
            "has 2001 characters; at most 2000 are kept, shorten it"),
        Arguments.of(
            "an unknown form",
            with(answersRow(), "form", "sp-checklist"),
            "form",
            "no rating form 'sp-checklist' is installed; rating forms: rapport-observed-observer,"
                + " rapport-observed-patient"),
        Arguments.of(
            "a self-assessment named as form",
            with(answersRow(), "form", "jse-s"),
            "form",
            "no rating form 'jse-s' is installed; rating forms: rapport-observed-observer,"
                + " rapport-observed-patient"),
        Arguments.of(
            "a form version not installed",
            with(answersRow(), "form", "rapport-observed-patient", "form_version", "7"),
            "form_version",
            "rapport-observed-patient has no version 7; installed versions: 1"),
        Arguments.of(
            "a form version that is no number",
            with(answersRow(), "form", "rapport-observed-patient", "form_version", "v2"),
            "form_version",
            "'v2' is not a version number"),
        Arguments.of(
            "a version without its form",
            with(answersRow(), "form_version", "2"),
            "form_version",
            "names a version but the form column is empty; name the form too, or leave both empty"
                + " for the form patient raters fill in"),
        Arguments.of(
            "a form the rater type does not fill in",
            with(answersRow(), "form", "rapport-observed-observer"),
            "form",
            "rapport-observed-observer version 1 is not a form that patient raters fill in; forms"
                + " for patient raters: rapport-observed-patient version 1"),
        Arguments.of(
            "answers and a total",
            with(answersRow(), "total", "40"),
            "total",
            "give either item answers or a total in a row, not both"),
        Arguments.of(
            "neither answers nor a total",
            with(totalRow(), "total", ""),
            "total",
            "the row has neither item answers nor a total"),
        Arguments.of(
            "an answer outside the scale",
            with(answersRow(), "item_5", "6"),
            "item_5",
            "answer 6 is outside the scale 1–5"),
        Arguments.of(
            "an answer that is no whole number",
            with(answersRow(), "item_5", "3.5"),
            "item_5",
            "'3.5' is not a whole number"),
        Arguments.of(
            "a total outside the form's range",
            with(totalRow(), "total", "51"),
            "total",
            "51 is outside the possible range 10–50"),
        Arguments.of(
            "a total that is no number",
            with(totalRow(), "total", "high"),
            "total",
            "'high' is not a number"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRows")
  void eachBadRowKindIsReportedAtItsRowAndColumn(
      String name, Map<String, String> row, String column, String message) {
    ObservedResultFileValidator.Outcome outcome = validator().row(7, fields(row));
    assertEquals(List.of(new RowProblem(7, column, message)), outcome.problems(), name);
    assertTrue(outcome.result().isEmpty());
  }

  static Stream<Arguments> badHeaders() {
    return Stream.of(
        Arguments.of(
            "an empty file",
            List.of(""),
            List.of(
                new RowProblem(
                    1, "(file)", "the file is empty; the first row must name the columns"))),
        Arguments.of(
            "semicolons",
            List.of("student_pseudonym;date;stage;station;rater_type;total"),
            List.of(
                new RowProblem(
                    1,
                    "(file)",
                    "columns are separated by semicolons; save the file as comma-separated"
                        + " values (CSV)"))),
        Arguments.of(
            "a missing required column and an unknown one",
            List.of("student_pseudonym", "date", "stage", "rater", "rater_type", "total"),
            List.of(
                new RowProblem(
                    1,
                    "rater",
                    "is not a column of the observed-ratings format; use student_pseudonym, date,"
                        + " stage, station, rater_type, setting, cohort, form, form_version,"
                        + " comment, total, and item_1 … item_n"),
                new RowProblem(
                    1,
                    "station",
                    "is missing; the header must name the columns student_pseudonym, date, stage,"
                        + " station, rater_type"))),
        Arguments.of(
            "a column named twice",
            List.of("student_pseudonym", "date", "stage", "station", "rater_type", "DATE"),
            List.of(new RowProblem(1, "date", "appears twice in the header"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badHeaders")
  void aBadHeaderIsReportedAndNoRowIsChecked(
      String name, List<String> header, List<RowProblem> expected) {
    ObservedResultFileValidator v =
        new ObservedResultFileValidator(CATALOG, FORMS, Programme.standard(), TODAY);
    assertEquals(expected, v.header(header), name);
    assertThrows(IllegalStateException.class, () -> v.row(2, List.of("S-1")));
  }

  @Test
  void everyProblemOfARowIsReportedNotOnlyTheFirst() {
    Map<String, String> row =
        with(answersRow(), "date", "yesterday", "stage", "Y9", "item_3", "0", "setting", "ward");
    List<RowProblem> problems = validator().row(4, fields(row)).problems();
    assertEquals(
        List.of("date", "stage", "setting", "item_3"),
        problems.stream().map(RowProblem::column).toList());
    assertTrue(problems.stream().allMatch(p -> p.row() == 4));
  }

  @Test
  void aRowWithTheWrongNumberOfFieldsIsReportedAsAWhole() {
    assertEquals(
        List.of(new RowProblem(3, "(row)", "has 5 fields but the header has 21 columns")),
        validator().row(3, List.of("S-1", "2025-01-01", "Y3", "A", "patient")).problems());
  }

  @Test
  void aValidRowOfAnswersIsScoredWithTheDefaultFormOfItsRaterType() {
    ObservedResult r = validator().row(2, fields(answersRow())).result().orElseThrow();
    assertEquals("S-001", r.studentPseudonym());
    assertEquals(LocalDate.of(2025, 3, 14), r.date());
    assertEquals(TrainingStage.Y3, r.stage());
    assertEquals("Breaking bad news", r.station());
    assertEquals("OSCE_STATION", r.setting());
    assertEquals(RaterType.PATIENT, r.raterType());
    assertEquals(PATIENT_FORM, r.form());
    assertEquals(Optional.of("Listened well."), r.comment());
    assertEquals(ScoringStatus.COMPLETE, r.score().orElseThrow().status());
    assertTrue(r.total().isEmpty());
    assertEquals(
        new ObservedResult.Session(LocalDate.of(2025, 3, 14), "OSCE_STATION", "Y3"), r.session());
  }

  @Test
  void aFewUnansweredItemsAreProRatedAsTheFormAllows() {
    ObservedResult r =
        validator().row(2, fields(with(answersRow(), "item_2", ""))).result().orElseThrow();
    assertEquals(ScoringStatus.PRORATED, r.score().orElseThrow().status());
  }

  @Test
  void tooManyUnansweredItemsAreRefusedAtTheFirstOne() {
    Map<String, String> row = answersRow();
    for (int i = 1; i <= 6; i++) {
      row.put("item_" + i, "");
    }
    List<RowProblem> problems = validator().row(2, fields(row)).problems();
    assertEquals(1, problems.size());
    assertEquals("item_1", problems.get(0).column());
    assertTrue(
        problems.get(0).message().contains("(unanswered: items 1, 2, 3"), problems::toString);
  }

  @Test
  void aValidTotalRowKeepsTheDecimalsAndNamedSettingAndForm() {
    ObservedResult r =
        validator()
            .row(
                2,
                fields(
                    with(
                        totalRow(),
                        "setting",
                        "Peer role-play",
                        "form",
                        "rapport-observed-observer",
                        "form_version",
                        "1",
                        "rater_type",
                        "PEER")))
            .result()
            .orElseThrow();
    assertEquals(Optional.of(new BigDecimal("37.5")), r.total());
    assertEquals("PEER_ROLE_PLAY", r.setting());
    assertEquals(RaterType.PEER, r.raterType());
    assertEquals(OBSERVER_FORM, r.form());
    assertTrue(r.answers().isEmpty() && r.score().isEmpty());
  }

  @Test
  void aHeaderWithoutItemColumnsTakesTotalsOnly() {
    List<String> header =
        List.of("student_pseudonym", "date", "stage", "station", "rater_type", "total");
    ObservedResultFileValidator v =
        new ObservedResultFileValidator(CATALOG, FORMS, Programme.standard(), TODAY);
    assertEquals(List.of(), v.header(header));
    assertTrue(
        v.row(2, List.of("S-9", "2024-06-01", "Y2", "Station 4", "faculty", "30"))
            .result()
            .isPresent());
    assertEquals(
        List.of(new RowProblem(3, "total", "the row has neither item answers nor a total")),
        v.row(3, List.of("S-9", "2024-06-01", "Y2", "Station 5", "faculty", "")).problems());
  }

  @Test
  void answersWithoutAColumnForEveryItemAreRefusedNotProRated() {
    List<String> header =
        List.of("student_pseudonym", "date", "stage", "station", "rater_type", "item_1", "item_2");
    ObservedResultFileValidator v =
        new ObservedResultFileValidator(CATALOG, FORMS, Programme.standard(), TODAY);
    assertEquals(List.of(), v.header(header));
    List<RowProblem> problems =
        v.row(2, List.of("S-9", "2024-06-01", "Y2", "Station 4", "faculty", "5", "4")).problems();
    assertEquals(1, problems.size());
    assertEquals("item_3", problems.get(0).column());
    assertTrue(
        problems.get(0).message().startsWith("the header has no column for item_3, item_4,"),
        problems::toString);
  }

  @Test
  void aStudentAtTwoStagesOnOneDayIsReportedAtTheLaterRow() {
    ObservedResultFileValidator v = validator();
    assertTrue(v.row(2, fields(answersRow())).result().isPresent());
    assertTrue(
        v.row(3, fields(with(answersRow(), "station", "History taking"))).result().isPresent());
    assertEquals(
        List.of(
            new RowProblem(
                4,
                "stage",
                "student S-001 is at stage Y3 on 2025-03-14 in row 2; a student is at one stage"
                    + " on one day")),
        v.row(4, fields(with(answersRow(), "stage", "Y4"))).problems());
  }

  @Test
  void aStudentInTwoCohortsIsReportedAtTheLaterRowAndACohortIsKept() {
    ObservedResultFileValidator v = validator();
    ObservedResult first =
        v.row(2, fields(with(answersRow(), "cohort", "2022"))).result().orElseThrow();
    assertEquals(2022, first.cohort().orElseThrow().value());
    assertTrue(v.row(3, fields(totalRow())).result().orElseThrow().cohort().isEmpty());
    assertEquals(
        List.of(
            new RowProblem(
                4,
                "cohort",
                "student S-001 is in the cohort of 2022 in row 2; a student belongs to one"
                    + " cohort")),
        v.row(4, fields(with(totalRow(), "cohort", "2021"))).problems());
  }

  /** The example file of the README, read as an upload is. */
  @Test
  void theDocumentedExampleFileIsValid() throws Exception {
    String file =
        "student_pseudonym,date,stage,station,setting,cohort,rater_type,comment,item_1,item_2,"
            + "item_3,item_4,item_5,item_6,item_7,item_8,item_9,item_10,total\r\n"
            + "S-2022-014,2025-03-14,Y3,History taking,osce-station,2022,patient,\"Kind, and"
            + " explained everything\",4,5,4,4,5,3,4,4,5,4,\r\n"
            + "S-2022-014,2025-03-14,Y3,History taking,osce-station,2022,faculty,,,,,,,,,,,,38.5\r\n"
            + "S-2022-027,2025-03-14,Y3,History taking,osce-station,2022,patient,,3,3,,3,3,3,3,3,3,3,"
            + "\r\n"
            + "S-2022-027,2025-04-02,Y3,Breaking bad news,peer-role-play,2022,peer,Good"
            + " pauses,,,,,,,,,,,41\r\n";
    CsvReader csv = new CsvReader(new java.io.StringReader(file));
    ObservedResultFileValidator v =
        new ObservedResultFileValidator(CATALOG, FORMS, Programme.standard(), TODAY);
    assertEquals(List.of(), v.header(csv.next()));
    List<ObservedResult> results = new ArrayList<>();
    for (List<String> fields = csv.next(); fields != null; fields = csv.next()) {
      ObservedResultFileValidator.Outcome outcome = v.row(csv.recordNumber(), fields);
      assertEquals(List.of(), outcome.problems());
      results.add(outcome.result().orElseThrow());
    }
    assertEquals(4, results.size());
    assertEquals(
        3, results.stream().map(ObservedResult::encounter).distinct().count(), "encounters");
    assertEquals(2, results.stream().map(ObservedResult::session).distinct().count(), "sessions");
  }

  @Test
  void twoRatersOfOneEncounterAreTwoRowsOfTheSameEncounter() {
    ObservedResultFileValidator v = validator();
    ObservedResult patient = v.row(2, fields(answersRow())).result().orElseThrow();
    ObservedResult faculty = v.row(3, fields(totalRow())).result().orElseThrow();
    assertEquals(patient.encounter(), faculty.encounter());
  }

  @Test
  void theStagesAreTheTenantsProgramme() {
    Programme sixYears =
        new Programme(
            List.of(
                TrainingStage.MATRICULATION,
                TrainingStage.Y1,
                new TrainingStage("Y6", "Year 6", "Y6", TrainingStage.Y4.phaseAfter(), 2, 6)));
    ObservedResultFileValidator v =
        new ObservedResultFileValidator(CATALOG, FORMS, sixYears, TODAY);
    assertEquals(List.of(), v.header(HEADER));
    assertEquals(
        "Y6", v.row(2, fields(with(answersRow(), "stage", "y6"))).result().get().stage().code());
    assertEquals(
        "stage", v.row(3, fields(with(answersRow(), "stage", "Y3"))).problems().get(0).column());
  }

  @Test
  void noDefaultFormForARaterTypeAsksForTheForm() {
    RatingFormLookup none = type -> Optional.empty();
    ObservedResultFileValidator v =
        new ObservedResultFileValidator(CATALOG, none, Programme.standard(), TODAY);
    assertEquals(List.of(), v.header(HEADER));
    assertEquals(
        List.of(
            new RowProblem(
                2,
                "form",
                "no rating form is set up for patient raters; name the form in the form column")),
        v.row(2, fields(answersRow())).problems());
  }
}
