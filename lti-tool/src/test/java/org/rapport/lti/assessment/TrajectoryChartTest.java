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
import org.rapport.curriculum.instruments.InstrumentCatalog;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.lti.web.Pages;

class TrajectoryChartTest {
  private static String svg(Trajectory trajectory, String id) {
    return new Pages().render("trajectory-chart", "", TrajectoryChart.of(trajectory, id));
  }

  private static Trajectory.Point point(TrainingStage stage, String total, String mean) {
    return new Trajectory.Point(
        1,
        stage,
        LocalDate.of(2024, 5, 1),
        1,
        new BigDecimal(total),
        false,
        false,
        List.of(),
        new Trajectory.CohortMean(
            Optional.ofNullable(mean).map(BigDecimal::new),
            mean == null ? 0 : 12,
            10,
            mean == null ? null : "1 June 2024",
            null));
  }

  private static Trajectory trajectory(Trajectory.Point... points) {
    return new Trajectory(
        InstrumentCatalog.shipped().find(InstrumentRef.of("rapport-empathy", 1)).orElseThrow(),
        List.of(points));
  }

  @Test
  void theChartIsAnAccessibleImageThatReadsItsFiguresOut() {
    String svg =
        svg(
            trajectory(
                point(TrainingStage.MATRICULATION, "80.0000", null),
                point(TrainingStage.Y1, "84.5000", "88.25")),
            "t1");
    assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
    assertTrue(svg.contains("role=\"img\""));
    assertTrue(svg.contains("aria-labelledby=\"t1-title t1-desc\""));
    assertTrue(
        svg.contains(
            "<title id=\"t1-title\">Your total score on the Rapport empathy reflection, by training"
                + " stage</title>"),
        svg);
    assertTrue(
        svg.contains(
            "<desc id=\"t1-desc\">Start of medical school: 80; End of year 1: 84.5 (cohort"
                + " average 88.3). Possible scores range from 18 to 126.</desc>"),
        svg);
    assertEquals(2, count(svg, "<circle class=\"own-point\""));
    assertEquals(1, count(svg, "<rect class=\"cohort-point\""));
    assertTrue(svg.contains("<polyline class=\"own-line\""));
    assertFalse(svg.contains("<polyline class=\"cohort-line\""), "one average is no line");
    assertTrue(svg.contains(">Cohort average</text>"));
  }

  @Test
  void higherScoresAreDrawnHigherAndTheRangeSetsTheScale() {
    String svg =
        svg(
            trajectory(point(TrainingStage.Y1, "18", null), point(TrainingStage.Y2, "126", null)),
            "t2");
    // The minimum sits on the bottom grid line (y 236), the maximum on the top one (y 20).
    assertTrue(svg.contains("cy=\"236.0\""), svg);
    assertTrue(svg.contains("cy=\"20.0\""), svg);
    assertFalse(svg.contains("Cohort average"), "no legend entry without averages");
  }

  @Test
  void twoClassAveragesAreJoinedByTheirOwnLineAndNamedInTheLegend() {
    String svg =
        svg(
            trajectory(point(TrainingStage.Y1, "50", "60"), point(TrainingStage.Y2, "55", "61")),
            "t3");
    assertEquals(2, count(svg, "<rect class=\"cohort-point\""));
    assertTrue(svg.contains("<polyline class=\"cohort-line\""), svg);
    assertTrue(svg.contains(">Cohort average</text>"), svg);
    assertEquals(2, count(svg, "<circle class=\"own-point\""));
  }

  @Test
  void valuesArePrintedPlainly() {
    assertEquals("80", TrajectoryChart.plain(new BigDecimal("80.0000")));
    assertEquals("80.5", TrajectoryChart.plain(new BigDecimal("80.5000")));
    assertEquals("80.3", TrajectoryChart.plain(new BigDecimal("80.2500")));
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
