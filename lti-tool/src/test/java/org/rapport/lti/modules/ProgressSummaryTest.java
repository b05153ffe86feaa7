package org.rapport.lti.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rapport.curriculum.modules.Module;
import org.rapport.curriculum.modules.ModuleCatalog;
import org.rapport.curriculum.modules.ModuleId;

class ProgressSummaryTest {
  private static final Module TEACH_BACK =
      ModuleCatalog.load(null).find(ModuleId.of("teach-back")).orElseThrow();

  @Test
  void notStartedIsTheFirstStepWithNothingDone() {
    ProgressSummary summary = ProgressSummary.of(TEACH_BACK, null, Set.of(), false);
    assertEquals(ProgressSummary.Status.NOT_STARTED, summary.status());
    assertEquals("Not started", summary.label());
    assertEquals(1, summary.stepNumber());
    assertEquals("what-teach-back-is", summary.currentStepId());
    assertEquals("what-teach-back-is", summary.nextToDoId());
    assertEquals(0, summary.percentDone());
  }

  @Test
  void inProgressCountsTheSavedStepAndTheStepsDone() {
    ProgressSummary summary =
        ProgressSummary.of(
            TEACH_BACK, "check", Set.of("what-teach-back-is", "chunk-check-reteach"), false);
    assertEquals(ProgressSummary.Status.IN_PROGRESS, summary.status());
    assertEquals("In progress: step 4 of 6", summary.label());
    assertEquals("2 of 6 steps done", summary.doneLabel());
    assertEquals(33, summary.percentDone());
    assertEquals("discharge-scenario", summary.nextToDoId());
    assertFalse(summary.allDone());
  }

  @Test
  void stepsNoLongerInTheModuleAreIgnored() {
    ProgressSummary summary =
        ProgressSummary.of(TEACH_BACK, "removed-step", Set.of("removed-step", "check"), false);
    assertEquals(1, summary.stepNumber());
    assertEquals("what-teach-back-is", summary.currentStepId());
    assertEquals(1, summary.doneCount());
  }

  @Test
  void completedWhenRecordedSo() {
    Set<String> all =
        Set.of(
            "what-teach-back-is",
            "chunk-check-reteach",
            "discharge-scenario",
            "check",
            "teach-back-practice",
            "reflect");
    ProgressSummary summary = ProgressSummary.of(TEACH_BACK, "reflect", all, true);
    assertEquals("Completed", summary.label());
    assertTrue(summary.allDone());
    assertEquals(100, summary.percentDone());
    assertNull(summary.nextToDoId());
  }
}
