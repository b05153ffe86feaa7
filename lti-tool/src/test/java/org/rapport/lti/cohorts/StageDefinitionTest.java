package org.rapport.lti.cohorts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A proposed stage's code, names and phase, each problem reported at its field. */
class StageDefinitionTest {
  private final List<String> problems = new ArrayList<>();

  private boolean read(String stage, String label, String phase) {
    return StageDefinition.read(
            (field, whatToDo) -> problems.add(field + ": " + whatToDo),
            new ScheduleTemplateView.StageView(stage, label, null, phase, 0, 30, "x", null))
        .isPresent();
  }

  @Test
  void aStandardStageTakesItsStandardNamesAndPhase() {
    assertTrue(read("Y1", null, null));
    assertEquals(List.of(), problems);
  }

  @Test
  void anUnknownStageNeedsANameAndAPhaseAndEachIsSaidAtItsField() {
    read("FY1", null, "later");
    assertEquals(
        List.of(
            "stageLabel: give the name people read for FY1, e.g. 'End of year 5' or 'Foundation"
                + " year 1'.",
            "phase: say which modules suit a cohort once the FY1 wave has opened: one of"
                + " pre-clinical, clerkship, final-year, residency."),
        problems);
  }

  @Test
  void aCodeThatCannotNameAStageIsTheOnlyProblemSaid() {
    read("year six!", "End of year 6", "later");
    assertEquals(
        List.of(
            "stage: 'year six!' cannot name a stage; use 1 to 16 letters, digits or underscores,"
                + " e.g. Y5 or FY1."),
        problems);
  }
}
