package org.rapport.lti.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapport.lti.web.Pages;

class TrendChartTest {
  private static String svg(
      String id,
      String title,
      String desc,
      String yLabel,
      List<TrendChart.Point> points,
      boolean zeroLine) {
    return new Pages()
        .render("trend-chart", "", TrendChart.of(id, title, desc, yLabel, points, zeroLine));
  }

  @Test
  void aHiddenWaveHasNoPointAndNoFigure() {
    String svg =
        svg(
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
        svg("x", "<script>", "a & b", "y", List.of(TrendChart.Point.hidden("<b>", null)), true);
    assertFalse(svg.contains("<script>"));
    assertTrue(svg.contains("&lt;script&gt;"));
    assertTrue(svg.contains("a &amp; b"));
  }

  @Test
  void aDifferenceChartDrawsTheZeroLineAndJoinsNeighbouringPoints() {
    String svg =
        svg(
            "d",
            "Against earlier cohorts",
            "Differences",
            "Difference in points",
            List.of(
                new TrendChart.Point("Y1", -1.0, -2.0, 0.5, "n = 20 / 60", "Y1: -1.0"),
                new TrendChart.Point("Y2", -3.0, -4.5, -1.5, "n = 18 / 55", "Y2: -3.0")),
            true);
    assertEquals(1, svg.split("class=\"zero\"").length - 1);
    assertEquals(1, svg.split("<path class=\"trend\" d=\"M").length - 1);
    assertTrue(svg.contains(" L"), svg);
    // Below zero: the tick labels use a real minus sign.
    assertTrue(svg.contains(">\u22124</text>") || svg.contains(">\u22125</text>"), svg);
    assertEquals(2, svg.split("<g class=\"point\"><title>").length - 1);
  }

  @Test
  void stepsAreRound() {
    assertEquals(2.0, TrendChart.niceStep(1.7));
    assertEquals(5.0, TrendChart.niceStep(3.2));
    assertEquals(0.25, TrendChart.niceStep(0.23));
  }

  /** A negligible change (0.1 SD) stays small: the axis spans at least one SD, centred on it. */
  @Test
  void theAxisSpansAtLeastOneStandardDeviation() {
    TrendChart chart =
        TrendChart.of(
            "n",
            "Total",
            "Mean per wave",
            "Total",
            List.of(
                new TrendChart.Point("Y1", 100.0, 99.6, 100.4, null, "Y1"),
                new TrendChart.Point("Y2", 99.0, 98.6, 99.4, null, "Y2")),
            false,
            10.0,
            null);
    double low = Double.parseDouble(chart.grid().get(0).tick());
    double high = Double.parseDouble(chart.grid().get(chart.grid().size() - 1).tick());
    assertTrue(high - low >= 10.0, low + " to " + high);
    assertTrue(low <= 98.6 && high >= 100.4);
    assertEquals("10.00", chart.sd());
    // The change of one point takes about a tenth of the plot's height, not all of it.
    double y1 = Double.parseDouble(chart.slots().get(0).mark().value());
    double y2 = Double.parseDouble(chart.slots().get(1).mark().value());
    assertTrue(Math.abs(y2 - y1) < 0.15 * (TrendChart.HEIGHT - 80), y1 + " / " + y2);
  }

  @Test
  void aPublishedNormIsDrawnAsALabelledLineInsideTheAxis() {
    TrendChart chart =
        TrendChart.of(
            "j",
            "JSE-S",
            "Mean per wave",
            "JSE-S total",
            List.of(new TrendChart.Point("Matriculation", 110.0, 108.0, 112.0, null, "M")),
            false,
            10.85,
            new TrendChart.Reference(116.54, "published norm 116.5"));
    double high = Double.parseDouble(chart.grid().get(chart.grid().size() - 1).tick());
    assertTrue(high >= 116.54, "the norm lies within the axis: " + high);
    String svg = new Pages().render("trend-chart", "", chart);
    assertTrue(svg.contains("class=\"norm\" data-norm"), svg);
    assertTrue(svg.contains(">published norm 116.5</text>"), svg);
  }

  @Test
  void withoutANormThereIsNoLine() {
    String svg =
        svg(
            "x",
            "t",
            "d",
            "y",
            List.of(new TrendChart.Point("Y1", 1.0, 0.5, 1.5, null, "")),
            false);
    assertFalse(svg.contains("data-norm"));
  }
}
