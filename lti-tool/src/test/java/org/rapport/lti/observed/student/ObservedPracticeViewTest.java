package org.rapport.lti.observed.student;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.InstrumentCatalog;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.curriculum.instruments.RaterType;
import org.rapport.lti.assessment.Trajectory;
import org.rapport.lti.observed.student.ObservedPracticePage.GapRow;
import org.rapport.lti.observed.student.ObservedPracticePage.ModuleLink;
import org.rapport.lti.web.Nav;
import org.rapport.lti.web.Pages;

class ObservedPracticeViewTest {
  private static final InstrumentCatalog CATALOG = InstrumentCatalog.shipped();
  private static final Instrument OBSERVER = form("rapport-observed-observer");
  private static final Instrument PATIENT = form("rapport-observed-patient");
  private static final Instrument SELF_V2 =
      CATALOG.find(InstrumentRef.of("rapport-empathy", 2)).orElseThrow();
  private static final Instrument JSE = CATALOG.find(InstrumentRef.of("jse-s", 1)).orElseThrow();
  private static final Nav NAV = Nav.student("t", Nav.StudentPage.OBSERVED);

  private static Instrument form(String id) {
    return CATALOG.find(InstrumentRef.of(id, 1)).orElseThrow();
  }

  /** An observer rating with the given layer sums (cognitive 3-15, affective 3-15, action 4-20). */
  private static ObservedPracticeView.Given observer(
      RaterType type, int cognitive, int affective, int action, String comment) {
    Map<String, BigDecimal> parts = new LinkedHashMap<>();
    parts.put("cognitive", BigDecimal.valueOf(cognitive));
    parts.put("affective", BigDecimal.valueOf(affective));
    parts.put("compassionate-action", BigDecimal.valueOf(action));
    return new ObservedPracticeView.Given(
        type,
        type == RaterType.PATIENT ? PATIENT : OBSERVER,
        BigDecimal.valueOf(cognitive + affective + action),
        parts,
        comment);
  }

  private static ObservedPracticeView.Rated encounter(
      LocalDate date, ObservedPracticeView.Given... given) {
    return new ObservedPracticeView.Rated(
        date, "End of year 1", "OSCE station", "Breaking news", "OSCE day", List.of(given));
  }

  /** A rapport-empathy v2 self-assessment with the given layer sums (each 6-42, total 18-126). */
  private static Trajectory self(int cognitive, int affective, int action) {
    return new Trajectory(
        SELF_V2,
        List.of(
            new Trajectory.Point(
                1,
                TrainingStage.Y1,
                LocalDate.of(2026, 6, 1),
                2,
                BigDecimal.valueOf(cognitive + affective + action),
                false,
                false,
                List.of(
                    new Trajectory.SubscalePoint(
                        "cognitive", "Cognitive empathy", BigDecimal.valueOf(cognitive)),
                    new Trajectory.SubscalePoint(
                        "affective", "Affective empathy", BigDecimal.valueOf(affective)),
                    new Trajectory.SubscalePoint(
                        "compassionate-action",
                        "Compassionate action",
                        BigDecimal.valueOf(action))),
                new Trajectory.CohortMean(Optional.empty(), 0, 10, null, null))));
  }

  private static ObservedPracticePage page(
      List<ObservedPracticeView.Rated> rated, List<Trajectory> self) {
    return ObservedPracticeView.build(
        NAV,
        "t",
        rated,
        self,
        id -> List.of(new ModuleLink("Module for " + id, "/app/modules/" + id + "?s=t")));
  }

  @Test
  void theGapPerLayerIsSelfMinusObservedInPointsOutOf100() {
    // Self (v2, 6-42 per layer): 33 -> 75, 24 -> 50, 42 -> 100.
    // Observed: cognitive 9 (3-15) -> 50, affective 12 -> 75, action 16 (4-20) -> 75.
    ObservedPracticePage page =
        page(
            List.of(
                encounter(
                    LocalDate.of(2026, 6, 10),
                    observer(RaterType.FACULTY, 9, 12, 16, "Good start"))),
            List.of(self(33, 24, 42)));
    assertNotNull(page.gap());
    assertFalse(page.gap().totalsOnly());
    List<GapRow> rows = page.gap().rows();
    assertEquals(3, rows.size());
    assertRow(rows.get(0), "cognitive", "75", "50", "+25");
    assertRow(rows.get(1), "affective", "50", "75", "-25");
    assertRow(rows.get(2), "compassionate-action", "100", "75", "+25");
    assertEquals(
        "You rated yourself higher than faculty experienced you in cognitive empathy, by 25"
            + " points out of 100.",
        rows.get(0).words());
    assertEquals(
        "You rated yourself lower than faculty experienced you in affective empathy, by 25"
            + " points out of 100.",
        rows.get(1).words());
  }

  @Test
  void theObservedScoreOfALayerIsTheMeanOverRatingsOfDifferentForms() {
    // Patient: cognitive 15 -> 100; faculty: cognitive 3 -> 0. Mean 50.
    ObservedPracticePage page =
        page(
            List.of(
                encounter(
                    LocalDate.of(2026, 6, 10),
                    observer(RaterType.PATIENT, 15, 9, 12, null),
                    observer(RaterType.FACULTY, 3, 9, 12, null))),
            List.of(self(24, 24, 24)));
    GapRow cognitive = page.gap().rows().get(0);
    assertRow(cognitive, "cognitive", "50", "50", "0");
    assertEquals(
        "How you rated yourself and how patients and faculty experienced you match in cognitive"
            + " empathy.",
        cognitive.words());
    assertEquals(
        "Cognitive empathy", page.weakest().domain(), "a tie goes to the form's first layer");
  }

  @Test
  void aSelfAssessmentWithOtherPartsIsComparedOnTheTotalOnlyAndSaysSo() {
    Instrument jse = JSE;
    Trajectory jseSelf =
        new Trajectory(
            jse,
            List.of(
                new Trajectory.Point(
                    1,
                    TrainingStage.Y1,
                    LocalDate.of(2026, 6, 1),
                    1,
                    BigDecimal.valueOf(jse.scoreRange().max()),
                    false,
                    false,
                    List.of(
                        new Trajectory.SubscalePoint(
                            "perspective-taking", "Perspective taking", BigDecimal.TEN)),
                    new Trajectory.CohortMean(Optional.empty(), 0, 10, null, null))));
    // Observed total 30 of 10-50 -> 50; self at its maximum -> 100.
    ObservedPracticePage page =
        page(
            List.of(encounter(LocalDate.of(2026, 6, 10), observer(RaterType.PEER, 9, 9, 12, null))),
            List.of(jseSelf));
    assertTrue(page.gap().totalsOnly());
    assertEquals(1, page.gap().rows().size());
    assertRow(page.gap().rows().get(0), "total", "100", "50", "+50");
    assertTrue(page.gap().basis().contains("only the totals are compared"), page.gap().basis());
  }

  @Test
  void withoutRatingsThePageExplainsObservedPracticeAndHasNoGap() {
    ObservedPracticePage page = page(List.of(), List.of(self(24, 24, 24)));
    assertTrue(page.empty());
    assertNull(page.gap());
    assertNull(page.weakest());
    assertTrue(page.gapMissing().contains("released"), page.gapMissing());
    String html = new Pages().render("observed", "Observed practice", page);
    assertTrue(html.contains("Observed practice means that someone watches"), html);
    assertTrue(html.contains("Ratings appear here after your course releases them"), html);
    assertFalse(html.contains("id=\"observed-gap\""), html);
  }

  @Test
  void withoutASelfAssessmentTheRatingsShowAndTheGapWaits() {
    ObservedPracticePage page =
        page(
            List.of(encounter(LocalDate.of(2026, 6, 10), observer(RaterType.PEER, 9, 9, 12, "Hi"))),
            List.of());
    assertFalse(page.empty());
    assertNull(page.gap());
    assertTrue(page.gapMissing().contains("self-assessment"), page.gapMissing());
    assertNotNull(page.weakest());
  }

  @Test
  void theWeakestObservedLayerGetsItsModules() {
    ObservedPracticePage page =
        page(
            List.of(
                encounter(LocalDate.of(2026, 6, 10), observer(RaterType.FACULTY, 12, 6, 20, null))),
            List.of());
    assertEquals("Affective empathy", page.weakest().domain());
    assertEquals("25", page.weakest().observed());
    assertEquals("Module for affective", page.weakest().modules().get(0).title());
  }

  @Test
  void eachRatingShowsTheRaterTypeTotalPartsCommentAndTheScaleInWords() {
    ObservedPracticePage page =
        page(
            List.of(
                encounter(
                    LocalDate.of(2026, 6, 10),
                    observer(RaterType.PEER, 9, 12, 16, "Clear & <kind> plan"))),
            List.of(self(33, 24, 42)));
    ObservedPracticePage.RatingView rating = page.encounters().get(0).ratings().get(0);
    assertEquals("Peer", rating.rater());
    assertEquals("37 of 50", rating.total());
    assertEquals("Cognitive empathy", rating.domains().get(0).label());
    assertEquals("9 of 15", rating.domains().get(0).value());
    assertEquals("1 Poor, 2 Fair, 3 Good, 4 Very good, 5 Excellent", page.scales().get(0).words());
    String html = new Pages().render("observed", "Observed practice", page);
    assertTrue(
        html.contains("<blockquote class=\"rating-comment\">Clear &amp; &lt;kind&gt; plan"), html);
    assertTrue(html.contains("Rated by: Peer"), html);
    assertTrue(html.contains("id=\"observed-encounters\""), html);
    assertTrue(html.contains("id=\"observed-gap\""), html);
    assertTrue(html.contains("id=\"observed-trend\""), html);
    assertTrue(html.contains("<tr data-domain=\"cognitive\"><th scope=\"row\">Cognitive empathy"));
    assertTrue(html.contains("role=\"img\""), "the trend chart is an image with a description");
  }

  @Test
  void theTrendPutsObservedDaysAndSelfAssessmentsInDateOrderInPercent() {
    ObservedPracticePage page =
        page(
            List.of(
                encounter(
                    LocalDate.of(2026, 7, 1),
                    observer(RaterType.FACULTY, 15, 15, 20, null),
                    observer(RaterType.PATIENT, 3, 3, 4, null)),
                encounter(LocalDate.of(2026, 5, 1), observer(RaterType.PEER, 15, 15, 20, null))),
            List.of(self(24, 24, 24)));
    List<ObservedPracticePage.TrendRow> trend = page.trend();
    assertEquals(3, trend.size());
    assertEquals("1 May 2026", trend.get(0).date());
    assertEquals("100", trend.get(0).percent());
    assertTrue(trend.get(0).observed());
    assertEquals("1 June 2026", trend.get(1).date());
    assertEquals("50", trend.get(1).percent());
    assertFalse(trend.get(1).observed());
    assertEquals("50", trend.get(2).percent(), "the mean of 100 and 0 on one day");
    assertEquals("Observed (2 ratings)", trend.get(2).source());
    assertEquals("1 July 2026", page.encounters().get(0).context().split(" · ")[1]);
  }

  @Test
  void anUnscoredRatingKeepsItsCommentButCountsInNoFigure() {
    ObservedPracticeView.Given unscored =
        new ObservedPracticeView.Given(RaterType.FACULTY, OBSERVER, null, Map.of(), "Too short");
    ObservedPracticePage page =
        page(List.of(encounter(LocalDate.of(2026, 6, 1), unscored)), List.of(self(24, 24, 24)));
    assertEquals("Too short", page.encounters().get(0).ratings().get(0).comment());
    assertTrue(page.encounters().get(0).ratings().get(0).total().startsWith("not scored"));
    assertNull(page.gap());
    assertNull(page.weakest());
  }

  private static void assertRow(GapRow row, String id, String self, String observed, String gap) {
    assertEquals(id, row.id());
    assertEquals(self, row.self(), "self of " + id);
    assertEquals(observed, row.observed(), "observed of " + id);
    assertEquals(gap, row.gap(), "gap of " + id);
  }
}
