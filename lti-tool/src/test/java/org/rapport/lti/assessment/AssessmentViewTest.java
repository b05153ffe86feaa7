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

  @Test
  void aRefusedSubmissionMarksEachUnansweredStatementInWordsAndListsItWithALink() {
    List<AssessmentPage.Option> scale =
        List.of(
            new AssessmentPage.Option(1, "No", false), new AssessmentPage.Option(2, "Yes", true));
    List<AssessmentPage.Option> blank =
        List.of(
            new AssessmentPage.Option(1, "No", false), new AssessmentPage.Option(2, "Yes", false));
    AssessmentPage.Form form =
        new AssessmentPage.Form(
            7,
            "Reflection",
            "",
            true,
            1,
            2,
            "No",
            "Yes",
            0,
            List.of(
                new AssessmentPage.FormItem(1, "First", scale, false),
                new AssessmentPage.FormItem(2, "Second", blank, true)),
            "Answer all 2 statements.");
    String html =
        new Pages()
            .render(
                "assessment",
                "Empathy self-assessment",
                new AssessmentPage(
                    "t",
                    org.rapport.lti.web.Nav.student(
                        "t", org.rapport.lti.web.Nav.StudentPage.ASSESSMENT),
                    "Class of 2024",
                    2024,
                    List.of(),
                    false,
                    false,
                    10,
                    "Some statements are still unanswered.",
                    false,
                    null,
                    null,
                    "End of year 1",
                    "31 December 2026",
                    false,
                    false,
                    false,
                    null,
                    null,
                    null,
                    form,
                    false,
                    AssessmentPage.answeredNote(1, 2),
                    org.rapport.lti.web.When.of(java.time.Instant.parse("2026-12-31T23:59:00Z")),
                    List.of(new AssessmentPage.Unanswered(2, "#item-2")),
                    new AssessmentPage.SupportView(List.of(), false, "", List.of()),
                    null));
    assertTrue(html.contains("1 statement is still unanswered:"), html);
    assertTrue(html.contains("<a href=\"#item-2\">Statement 2</a>"), html);
    assertTrue(html.contains("<fieldset class=\"item missing\" id=\"item-2\""), html);
    assertTrue(html.contains("<fieldset class=\"item\" id=\"item-1\">"), html);
    assertTrue(html.contains("aria-hidden=\"true\">⚠</span> Not answered yet"), html);
    assertTrue(
        html.contains("closes on <time class=\"local-time\" datetime=\"2026-12-31T23:59:00Z\">"),
        html);
    assertTrue(html.contains("Answer all 2 statements."), html);
    assertTrue(html.contains("aria-current=\"page\">Self-assessment</a>"), html);
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
