package org.rapport.lti.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.InstrumentCatalog;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.lti.settings.WellbeingResources;
import org.rapport.lti.web.Pages;

/** The self-assessment page's words: rules, counts, and where falling results lead. */
class AssessmentViewTest {
  private static final Instrument V1 =
      InstrumentCatalog.shipped().find(InstrumentRef.of("rapport-empathy", 1)).orElseThrow();

  @Test
  void theRulesAreSaidBeforeTheyBite() {
    assertEquals(
        "Answer all 18 statements; you may leave up to 3 unanswered (at most 1 in each part).",
        AssessmentPage.rule(V1));
  }

  @Test
  void countsUseTheRightNumber() {
    assertEquals("9 of 18 statements answered.", AssessmentPage.answeredNote(9, 18));
    assertEquals("1 of 1 statement answered.", AssessmentPage.answeredNote(1, 1));
    assertEquals("0 of 2 statements answered.", AssessmentPage.answeredNote(0, 2));
  }

  @Test
  void aFallOfAtLeastOneTwentiethOfTheRangeIsFallingASmallerOneIsNot() {
    // rapport-empathy: 18 items on 1..7, so 18..126; one twentieth of 108 is 5.4 points.
    assertFalse(ResultsSupport.falling(trajectory("80")));
    assertFalse(ResultsSupport.falling(trajectory("80", "75")));
    assertTrue(ResultsSupport.falling(trajectory("80", "74.6")));
    assertFalse(ResultsSupport.falling(trajectory("70", "90")));
  }

  @Test
  void aFallingTrajectoryGetsTheNoteAndOnlyTheInstitutionsOwnLinks() {
    AssessmentPage.PartView part =
        new AssessmentPage.PartView(
            "Affective empathy",
            "Sharing in what the patient feels.",
            List.of(new AssessmentPage.ModuleLink("Responding to emotion", "/app/modules/x?s=t")));
    String none =
        new Pages()
            .render(
                "assessment-support",
                "",
                new AssessmentPage.SupportView(List.of(part), true, "", List.of()));
    assertTrue(none.contains("id=\"falling-note\""), none);
    assertTrue(none.contains("href=\"/app/modules/x?s&#61;t\">Responding to emotion</a>"), none);
    assertFalse(none.contains("wellbeing-links"), none);
    assertFalse(none.contains("tel:"), none);

    String offered =
        new Pages()
            .render(
                "assessment-support",
                "",
                new AssessmentPage.SupportView(
                    List.of(part),
                    true,
                    "Our counsellors are there for you.",
                    List.of(
                        new WellbeingResources.Link(
                            "Student counselling", "https://uni.example/counselling"))));
    assertTrue(offered.contains("Our counsellors are there for you."), offered);
    assertTrue(offered.contains("href=\"https://uni.example/counselling\""), offered);

    String steady =
        new Pages()
            .render(
                "assessment-support",
                "",
                new AssessmentPage.SupportView(List.of(part), false, "", List.of()));
    assertFalse(steady.contains("falling-note"), steady);
    assertTrue(steady.contains("Responding to emotion"), steady);
  }

  private static Trajectory trajectory(String... totals) {
    TrainingStage[] stages = {TrainingStage.MATRICULATION, TrainingStage.Y1, TrainingStage.Y2};
    List<Trajectory.Point> points =
        java.util.stream.IntStream.range(0, totals.length)
            .mapToObj(
                i ->
                    new Trajectory.Point(
                        i + 1,
                        stages[i],
                        LocalDate.of(2024 + i, 5, 1),
                        1,
                        new BigDecimal(totals[i]),
                        false,
                        false,
                        List.of(),
                        new Trajectory.CohortMean(Optional.empty(), 0, 10, null, null)))
            .toList();
    return new Trajectory(V1, points);
  }
}
