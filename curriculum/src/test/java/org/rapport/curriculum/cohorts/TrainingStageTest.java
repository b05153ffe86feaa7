package org.rapport.curriculum.cohorts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Year;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
  void readsStageNamesAsWrittenInFiles(String text, TrainingStage expected) {
    assertEquals(Optional.of(expected), TrainingStage.parse(text));
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
    TrainingStage[] stages = TrainingStage.values();
    for (int i = 1; i < stages.length; i++) {
      assertTrue(stages[i - 1].order() < stages[i].order());
    }
    assertEquals("End of year 3", TrainingStage.Y3.label());
    assertEquals("PGY-2", TrainingStage.PGY2.shortLabel());
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
