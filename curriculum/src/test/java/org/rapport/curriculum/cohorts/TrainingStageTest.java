package org.rapport.curriculum.cohorts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Year;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rapport.curriculum.modules.TrainingPhase;

class TrainingStageTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "MATRICULATION, MATRICULATION",
    "matriculation, MATRICULATION",
    "y1, Y1",
    " Y4 , Y4",
    "PGY-1, PGY1",
    "pgy3, PGY3",
    "Graduation, GRADUATION"
  })
  void readsStageNamesAsWrittenInFiles(String text, String expected) {
    assertEquals(Optional.of(expected), TrainingStage.parse(text).map(TrainingStage::code));
  }

  @Test
  void unknownNamesAreExplained() {
    assertTrue(TrainingStage.parse("Y5").isEmpty());
    assertEquals(
        "'Y5' is not a training stage; use one of MATRICULATION, Y1, Y2, Y3, Y4, GRADUATION, PGY1,"
            + " PGY2, PGY3",
        TrainingStage.unknown("Y5"));
  }

  @Test
  void orderIsChronological() {
    List<TrainingStage> stages = TrainingStage.values();
    for (int i = 1; i < stages.size(); i++) {
      assertTrue(stages.get(i - 1).order() < stages.get(i).order());
      assertTrue(stages.get(i - 1).compareTo(stages.get(i)) < 0);
    }
    assertEquals("End of year 3", TrainingStage.Y3.label());
    assertEquals("PGY-2", TrainingStage.PGY2.shortLabel());
  }

  @Test
  void aCohortIsInThePhaseThatFollowsTheLatestWaveItReached() {
    assertEquals(TrainingPhase.PRE_CLINICAL, TrainingStage.MATRICULATION.phaseAfter());
    assertEquals(TrainingPhase.PRE_CLINICAL, TrainingStage.Y1.phaseAfter());
    assertEquals(TrainingPhase.CLERKSHIP, TrainingStage.Y2.phaseAfter());
    assertEquals(TrainingPhase.FINAL_YEAR, TrainingStage.Y3.phaseAfter());
    assertEquals(TrainingPhase.RESIDENCY, TrainingStage.Y4.phaseAfter());
    assertEquals(TrainingPhase.RESIDENCY, TrainingStage.PGY2.phaseAfter());
  }

  @ParameterizedTest(name = "''{0}'' → {1}")
  @CsvSource({"y-5, Y5", "fy 1, FY1", "Internship, INTERNSHIP"})
  void institutionsCodesAreReadLikeTheStandardOnes(String text, String code) {
    assertEquals(Optional.of(code), TrainingStage.code(text));
  }

  @Test
  void aCodeIsShortAndPlain() {
    assertTrue(TrainingStage.code("year five of six!").isEmpty());
    assertTrue(TrainingStage.code("A_VERY_LONG_STAGE_CODE").isEmpty());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new TrainingStage("y5", "End of year 5", "Year 5", TrainingPhase.CLERKSHIP, 0, 0));
    assertEquals(
        "'y5' cannot name a stage; use 1 to 16 letters, digits or underscores, e.g. Y5 or FY1",
        e.getMessage());
  }

  @ParameterizedTest(name = "''{0}'' → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2024 | ",
        "2027 | ",
        "1950 | ",
        "2028 | 2028 is not a plausible matriculation year (1950–2027)",
        "1949 | 1949 is not a plausible matriculation year (1950–2027)",
        "24 | '24' is not a year; give the year the student started medical school, e.g. 2024",
        "'' | '' is not a year; give the year the student started medical school, e.g. 2024"
      })
  void matriculationYearsArePlausible(String text, String problem) {
    MatriculationYear.Parsed parsed = MatriculationYear.parse(text, Year.of(2026));
    assertEquals(Optional.ofNullable(problem), parsed.problem());
    assertEquals(problem == null, parsed.year().isPresent());
  }
}
