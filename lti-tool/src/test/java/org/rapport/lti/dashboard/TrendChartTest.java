package org.rapport.lti.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrendChartTest {
  @Test
  void aHiddenWaveHasNoPointAndNoFigure() {
    String svg =
        TrendChart.svg(
            "t",
            "Class of 2030: total",
            "Mean per wave",
            "Total",
            List.of(
                new TrendChart.Point("Y1", 90.5, 89.0, 92.0, "80% answered", "Y1: mean 90.5"),
                TrendChart.Point.hidden("Y2", "hidden"),
                new TrendChart.Point("Y3", 86.0, 84.0, 88.0, "75% answered", "Y3: mean 86.0")),
            false);
    assertTrue(svg.startsWith("<svg"));
    assertTrue(svg.contains("role=\"img\""));
    assertTrue(svg.contains("<title id=\"t-title\">Class of 2030: total</title>"));
    assertTrue(svg.contains("<desc id=\"t-desc\">"));
    assertEquals(2, svg.split("<circle").length - 1);
    assertEquals(1, svg.split("class=\"hidden-point\"").length - 1);
    // The line does not bridge the hidden wave.
    assertFalse(svg.contains(" L"), svg);
  }

  @Test
  void textIsEscaped() {
    String svg =
        TrendChart.svg(
            "x", "<script>", "a & b", "y", List.of(TrendChart.Point.hidden("<b>", null)), true);
    assertFalse(svg.contains("<script>"));
    assertTrue(svg.contains("&lt;script&gt;"));
    assertTrue(svg.contains("a &amp; b"));
  }

  @Test
  void stepsAreRound() {
    assertEquals(2.0, TrendChart.niceStep(1.7));
    assertEquals(5.0, TrendChart.niceStep(3.2));
    assertEquals(0.25, TrendChart.niceStep(0.23));
  }
}
