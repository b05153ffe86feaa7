package org.rapport.lti.observed.student;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of the observed-versus-self line chart; template {@code observed-trend-chart} draws
 * it as inline SVG, as the self-assessment trajectory chart does. Both lines are in percent of
 * scale (0–100): observed ratings as a solid line with round markers, the self-assessment as a
 * dashed line with square markers, each marker with its own title and its value written above it,
 * so nothing depends on colour. The page shows the same figures in a table.
 *
 * @param observedLine the observed points' polyline; {@code null} with fewer than two
 * @param selfLine the self-assessment points' polyline; {@code null} with fewer than two
 */
public record ObservedTrendChart(
    String id,
    String title,
    String desc,
    int width,
    int height,
    List<GridLine> grid,
    List<Label> labels,
    String observedLine,
    String selfLine,
    List<Marker> observed,
    List<Marker> self,
    int legendY,
    int legendTextY) {
  static final int WIDTH = 640;
  static final int HEIGHT = 300;
  private static final int LEFT = 48;
  private static final int RIGHT = 24;
  private static final int TOP = 20;
  private static final int BOTTOM = 64;
  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("MMM uuuu", Locale.ENGLISH);

  /** A grid line at {@code y} with its value left of the plot. */
  public record GridLine(int x1, int x2, String y, int labelX, String labelY, int label) {}

  /** A date under the plot. */
  public record Label(String x, int y, String text) {}

  /** One point: centre, its title, and where its value is written. */
  public record Marker(
      String cx, String cy, String x, String y, String title, String valueY, String value) {}

  /** The chart of {@code points} (in date order); {@code null} without any. */
  static ObservedTrendChart of(List<ObservedPracticeView.TrendPoint> points, String id) {
    if (points.isEmpty()) {
      return null;
    }
    double plotWidth = WIDTH - LEFT - RIGHT;
    double plotHeight = HEIGHT - TOP - BOTTOM;
    List<GridLine> grid = new ArrayList<>();
    for (int v = 0; v <= 100; v += 25) {
      double y = y(v, plotHeight);
      grid.add(new GridLine(LEFT, WIDTH - RIGHT, fmt(y), LEFT - 8, fmt(y + 4), v));
    }
    List<Label> labels = new ArrayList<>();
    List<Marker> observed = new ArrayList<>();
    List<Marker> self = new ArrayList<>();
    List<double[]> observedXy = new ArrayList<>();
    List<double[]> selfXy = new ArrayList<>();
    StringBuilder desc = new StringBuilder();
    String lastLabel = null;
    for (int i = 0; i < points.size(); i++) {
      ObservedPracticeView.TrendPoint p = points.get(i);
      double x =
          points.size() == 1 ? LEFT + plotWidth / 2 : LEFT + plotWidth * i / (points.size() - 1);
      double y = y(p.percent(), plotHeight);
      long value = Math.round(p.percent());
      String when = p.date() == null ? p.stage() : SHORT.format(p.date());
      String title = (p.observed() ? "Observed" : "Self-assessment") + ", " + when + ": " + value;
      Marker marker =
          new Marker(
              fmt(x), fmt(y), fmt(x - 5), fmt(y - 5), title, fmt(y - 10), String.valueOf(value));
      (p.observed() ? observed : self).add(marker);
      (p.observed() ? observedXy : selfXy).add(new double[] {x, y});
      if (when != null && !when.equals(lastLabel)) {
        labels.add(new Label(fmt(x), HEIGHT - BOTTOM + 20, when));
        lastLabel = when;
      }
      if (desc.length() > 0) {
        desc.append("; ");
      }
      desc.append(title);
    }
    desc.append(". Scores are in points out of 100.");
    return new ObservedTrendChart(
        id,
        "Observed ratings and self-assessment over time, in points out of 100",
        desc.toString(),
        WIDTH,
        HEIGHT,
        grid,
        labels,
        observedXy.size() > 1 ? polyline(observedXy) : null,
        selfXy.size() > 1 ? polyline(selfXy) : null,
        observed,
        self,
        HEIGHT - 16,
        HEIGHT - 12);
  }

  public int legendLeft() {
    return LEFT;
  }

  public int legendObservedEnd() {
    return LEFT + 24;
  }

  public int legendObservedText() {
    return LEFT + 30;
  }

  public int legendSelfStart() {
    return LEFT + 170;
  }

  public int legendSelfEnd() {
    return LEFT + 194;
  }

  public int legendSelfText() {
    return LEFT + 200;
  }

  private static double y(double percent, double plotHeight) {
    return TOP + (100 - Math.max(0, Math.min(100, percent))) / 100.0 * plotHeight;
  }

  private static String polyline(List<double[]> xy) {
    StringBuilder s = new StringBuilder();
    for (double[] p : xy) {
      if (s.length() > 0) {
        s.append(' ');
      }
      s.append(fmt(p[0])).append(',').append(fmt(p[1]));
    }
    return s.toString();
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
