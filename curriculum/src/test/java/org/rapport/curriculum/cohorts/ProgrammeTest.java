package org.rapport.curriculum.cohorts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.curriculum.modules.TrainingPhase;

class ProgrammeTest {
  private static final InstrumentRef RAPPORT = InstrumentRef.of("rapport-empathy", 2);

  /** Six school years, the last clinical, then two foundation years. */
  static ScheduleTemplate sixYearsAndFoundation() {
    return new ScheduleTemplate(
        MonthDay.of(9, 15),
        List.of(
            stage("ENTRY", "Start of medical school", TrainingPhase.PRE_CLINICAL, 0),
            stage("Y1", "End of year 1", TrainingPhase.PRE_CLINICAL, 9),
            stage("Y2", "End of year 2", TrainingPhase.PRE_CLINICAL, 21),
            stage("Y3", "End of year 3", TrainingPhase.CLERKSHIP, 33),
            stage("Y4", "End of year 4", TrainingPhase.CLERKSHIP, 45),
            stage("Y5", "End of year 5", TrainingPhase.FINAL_YEAR, 57),
            stage("Y6", "End of year 6", TrainingPhase.RESIDENCY, 69),
            stage("FY1", "Foundation year 1", TrainingPhase.RESIDENCY, 81),
            stage("FY2", "Foundation year 2", TrainingPhase.RESIDENCY, 93)));
  }

  private static ScheduledStage stage(
      String code, String label, TrainingPhase phase, int offsetMonths) {
    return new ScheduledStage(
        new TrainingStage(code, label, label, phase, 0, 0), offsetMonths, 42, RAPPORT);
  }

  @Test
  void aTemplateNamesTheProgrammesStagesInTheOrderListed() {
    Programme six = sixYearsAndFoundation().programme();
    assertEquals(
        List.of("ENTRY", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "FY1", "FY2"),
        six.stages().stream().map(TrainingStage::code).toList());
    assertEquals(6, six.parse("y6").orElseThrow().order());
    assertEquals("Foundation year 2", six.parse("fy-2").orElseThrow().label());
    assertTrue(six.parse("y5").orElseThrow().compareTo(six.parse("FY1").orElseThrow()) < 0);
    assertTrue(six.parse("GRADUATION").isEmpty());
    assertEquals(
        "'PGY1' is not a training stage; use one of ENTRY, Y1, Y2, Y3, Y4, Y5, Y6, FY1, FY2",
        six.unknown("PGY1"));
  }

  @Test
  void aStagesWaveCannotPrecedeTheYearItsOffsetReaches() {
    Programme six = sixYearsAndFoundation().programme();
    assertEquals(2030, six.parse("Y6").orElseThrow().earliestYear(2025)); // 69 months → 5 years
    assertEquals(2025, six.parse("Y1").orElseThrow().earliestYear(2025));
    for (TrainingStage standard : TrainingStage.values()) {
      TrainingStage placed =
          ScheduleTemplate.standard(RAPPORT).programme().parse(standard.code()).orElseThrow();
      assertEquals(standard.earliestYear(2020), placed.earliestYear(2020), standard.code());
      assertEquals(standard.order(), placed.order(), standard.code());
    }
  }

  @Test
  void wavesOfAnInstitutionsStagesFollowItsAnchorDay() {
    ScheduleTemplate six = sixYearsAndFoundation();
    ScheduledStage y6 = six.stage(six.programme().parse("Y6").orElseThrow()).orElseThrow();
    assertEquals(
        new WaveWindow(LocalDate.of(2031, 6, 15), LocalDate.of(2031, 7, 26)),
        six.window(new MatriculationYear(2025), y6));
  }

  @Test
  void aCodeNoLongerInTheProgrammeKeepsItsPlaceAfterTheProgrammesStages() {
    Programme six = sixYearsAndFoundation().programme();
    TrainingStage old = six.stage("PGY1");
    assertEquals("PGY1", old.label());
    assertTrue(old.order() >= 9);
    assertTrue(old.compareTo(six.stage("PGY2")) < 0, "standard stages keep their order");
    assertTrue(six.stage("OLD_A").order() != six.stage("OLD_B").order());
    assertEquals(six.parse("Y3").orElseThrow(), six.stage("Y3"));
  }

  @Test
  void aStageIsListedOnce() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new ScheduleTemplate(
                    MonthDay.of(9, 1),
                    List.of(
                        stage("Y1", "Year 1", TrainingPhase.PRE_CLINICAL, 9),
                        stage("Y1", "Year 1 again", TrainingPhase.PRE_CLINICAL, 10))));
    assertEquals("Y1 is listed twice; give each stage once", e.getMessage());
  }
}
