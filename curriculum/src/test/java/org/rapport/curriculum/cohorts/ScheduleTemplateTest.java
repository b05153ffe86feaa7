package org.rapport.curriculum.cohorts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapport.curriculum.instruments.InstrumentRef;

class ScheduleTemplateTest {
  private static final InstrumentRef RAPPORT = InstrumentRef.of("rapport-empathy", 1);

  @Test
  void windowsFollowTheMatriculationDate() {
    ScheduleTemplate standard = ScheduleTemplate.standard(RAPPORT);
    MatriculationYear y2024 = new MatriculationYear(2024);
    assertEquals(LocalDate.of(2024, 8, 1), standard.matriculationDate(y2024));
    WaveWindow matriculation =
        standard.window(y2024, standard.stage(TrainingStage.MATRICULATION).orElseThrow());
    assertEquals(
        new WaveWindow(LocalDate.of(2024, 8, 1), LocalDate.of(2024, 9, 11)), matriculation);
    assertEquals(42, matriculation.days());
    WaveWindow y3 = standard.window(y2024, standard.stage(TrainingStage.Y3).orElseThrow());
    assertEquals(LocalDate.of(2027, 5, 1), y3.opens());
    assertEquals(9, standard.stages().size());
  }

  @Test
  void everyStandardWindowEndsBeforeTheNextOpens() {
    ScheduleTemplate standard = ScheduleTemplate.standard(RAPPORT);
    MatriculationYear year = new MatriculationYear(2025);
    List<ScheduledStage> stages = standard.stages();
    for (int i = 1; i < stages.size(); i++) {
      WaveWindow earlier = standard.window(year, stages.get(i - 1));
      WaveWindow later = standard.window(year, stages.get(i));
      assertTrue(earlier.closes().isBefore(later.opens()), stages.get(i).stage().name());
    }
  }

  @Test
  void problemsNameEveryBrokenRule() {
    List<ScheduledStage> stages =
        List.of(
            new ScheduledStage(TrainingStage.Y1, 9, 30, RAPPORT),
            new ScheduledStage(TrainingStage.Y1, 10, 30, RAPPORT),
            new ScheduledStage(TrainingStage.Y2, 5, 30, RAPPORT));
    assertEquals(
        List.of(
            "Y1 is listed twice; give each stage once",
            "Y2 opens before Y1; list the stages in training order"),
        ScheduleTemplate.problems(stages));
    assertEquals(
        List.of("a schedule needs at least one stage"), ScheduleTemplate.problems(List.of()));
    assertThrows(
        IllegalArgumentException.class, () -> new ScheduleTemplate(MonthDay.of(9, 1), stages));
  }

  @Test
  void aWindowCannotCloseBeforeItOpens() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new WaveWindow(LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 1)));
    assertEquals("closes on 2026-05-01, before it opens on 2026-05-02", e.getMessage());
  }
}
