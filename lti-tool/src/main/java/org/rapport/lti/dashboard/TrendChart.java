package org.rapport.lti.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of a chart of one value per wave with its confidence interval as an error bar and a
 * note under each wave (e.g. the response rate); template {@code trend-chart} draws it as SVG and
 * escapes every text. A wave whose figures are suppressed has no point at all, only the word
 * "hidden": nothing suppressed ever reaches the drawing. The SVG names itself with {@code <title>}
 * and {@code <desc>}, and every point carries a {@code <title>} with its figures; the page shows
 * the same figures in a table beside it.
 *
 * @param id unique on the page, for the title and desc ids
 * @param grid horizontal grid lines with their value labels
 * @param zero the line at zero, for differences; {@code null} when not drawn
 * @param axisY the vertical middle of the plot, where the axis label sits
 * @param path the line through consecutive shown points; {@code null} when there is none
 * @param sd the standard deviation the vertical axis spans at least, formatted; {@code null} when
 *     the chart has no such floor
 * @param norm a published norm's reference line; {@code null} when there is none
 */
public record TrendChart(
    String id,
    String title,
    String desc,
    int width,
    int height,
    List<GridLine> grid,
    Rule zero,
    int axisY,
    String yLabel,
    String path,
    List<Slot> slots,
    String sd,
    Norm norm) {
  static final int WIDTH = 560;
  static final int HEIGHT = 290;
  private static final int LEFT = 58;
  private static final int RIGHT = 16;
  private static final int TOP = 16;
  private static final int BOTTOM = 64;

  /**
   * One wave.
   *
   * @param value {@code null} when suppressed or missing
   * @param note a short line under the wave's label, e.g. "86% answered"
   * @param tooltip the point's figures in words
   */
  public record Point(
      String label, Double value, double lower, double upper, String note, String tooltip) {

    public static Point hidden(String label, String note) {
      return new Point(label, null, 0, 0, note, null);
    }
  }

  /** A grid line at {@code y} and its label {@code tick} left of the plot. */
  public record GridLine(String x1, String x2, String y, String tickX, String tickY, String tick) {}

  /** A horizontal line across the plot. */
  public record Rule(String x1, String x2, String y) {}

  /** A published norm's value and what it is, e.g. "national norm at matriculation". */
  public record Reference(double value, String label) {}

  /** A reference line drawn across the plot, labelled at its right end. */
  public record Norm(String x1, String x2, String y, String labelX, String labelY, String label) {}

  /**
   * One wave's column: its label and note under the plot, and either its mark or the word hidden.
   *
   * @param note {@code null} when the wave has none
   * @param mark {@code null} when the wave is hidden
   */
  public record Slot(
      String x,
      int labelY,
      String label,
      String note,
      int noteY,
      boolean hidden,
      String hiddenY,
      Mark mark) {}

  /** A shown value: the error bar from {@code lower} to {@code upper} with caps, and the mean. */
  public record Mark(
      String tooltip,
      String x,
      String capLeft,
      String capRight,
      String lower,
      String upper,
      String value) {}

  /**
   * @param id unique on the page, for the title and desc ids
   * @param zeroLine draw a line at zero (for differences)
   */
  public static TrendChart of(
      String id, String title, String desc, String yLabel, List<Point> points, boolean zeroLine) {
    return of(id, title, desc, yLabel, points, zeroLine, 0, null);
  }

  /**
   * @param minimumSpan the least range the vertical axis spans (one standard deviation of the
   *     measure), so that a small change looks small; 0 for none
   * @param reference a published norm to draw as a line; {@code null} for none
   */
  public static TrendChart of(
      String id,
      String title,
      String desc,
      String yLabel,
      List<Point> points,
      boolean zeroLine,
      double minimumSpan,
      Reference reference) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Point p : points) {
      if (p.value() != null) {
        lo = Math.min(lo, Math.min(p.lower(), p.value()));
        hi = Math.max(hi, Math.max(p.upper(), p.value()));
      }
    }
    if (zeroLine) {
      lo = Math.min(lo, 0);
      hi = Math.max(hi, 0);
    }
    if (lo == Double.POSITIVE_INFINITY) {
      lo = 0;
      hi = 1;
    }
    if (reference != null) {
      lo = Math.min(lo, reference.value());
      hi = Math.max(hi, reference.value());
    }
    if (hi - lo < minimumSpan) {
      double middle = (lo + hi) / 2;
      lo = middle - minimumSpan / 2;
      hi = middle + minimumSpan / 2;
    }
    if (hi - lo < 1e-9) {
      lo -= 1;
      hi += 1;
    }
    double step = niceStep((hi - lo) / 4);
    lo = Math.floor(lo / step) * step;
    hi = Math.ceil(hi / step) * step;

    int plotBottom = HEIGHT - BOTTOM;
    int plotRight = WIDTH - RIGHT;
    List<GridLine> grid = new ArrayList<>();
    for (double v = lo; v <= hi + step / 2; v += step) {
      double y = y(v, lo, hi);
      grid.add(
          new GridLine(
              String.valueOf(LEFT),
              String.valueOf(plotRight),
              f(y),
              String.valueOf(LEFT - 6),
              f(y + 4),
              tick(v, step)));
    }
    Norm norm =
        reference == null
            ? null
            : new Norm(
                String.valueOf(LEFT),
                String.valueOf(plotRight),
                f(y(reference.value(), lo, hi)),
                String.valueOf(plotRight - 4),
                f(y(reference.value(), lo, hi) - 5),
                reference.label());
    Rule zero =
        zeroLine
            ? new Rule(String.valueOf(LEFT), String.valueOf(plotRight), f(y(0, lo, hi)))
            : null;

    int n = points.size();
    double slot = (double) (plotRight - LEFT) / Math.max(1, n);
    StringBuilder path = new StringBuilder();
    boolean pen = false;
    List<Slot> slots = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Point p = points.get(i);
      double x = LEFT + slot * (i + 0.5);
      Mark mark = null;
      if (p.value() == null) {
        pen = false;
      } else {
        double yv = y(p.value(), lo, hi);
        path.append(pen ? " L" : " M").append(f(x)).append(' ').append(f(yv));
        pen = true;
        mark =
            new Mark(
                p.tooltip(),
                f(x),
                f(x - 7),
                f(x + 7),
                f(y(p.lower(), lo, hi)),
                f(y(p.upper(), lo, hi)),
                f(yv));
      }
      slots.add(
          new Slot(
              f(x),
              plotBottom + 18,
              p.label(),
              p.note(),
              plotBottom + 36,
              mark == null,
              f((TOP + plotBottom) / 2.0),
              mark));
    }
    return new TrendChart(
        id,
        title,
        desc,
        WIDTH,
        HEIGHT,
        grid,
        zero,
        (TOP + plotBottom) / 2,
        yLabel,
        path.length() == 0 ? null : path.toString().strip(),
        slots,
        minimumSpan > 0 ? String.format(Locale.ROOT, "%.2f", minimumSpan) : null,
        norm);
  }

  private static double y(double v, double lo, double hi) {
    int plotBottom = HEIGHT - BOTTOM;
    return plotBottom - (v - lo) / (hi - lo) * (plotBottom - TOP);
  }

  static double niceStep(double raw) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double r = raw / magnitude;
    double nice = r <= 1 ? 1 : r <= 2 ? 2 : r <= 2.5 ? 2.5 : r <= 5 ? 5 : 10;
    return nice * magnitude;
  }

  private static String tick(double v, double step) {
    if (Math.abs(v) < step / 1e6) {
      v = 0;
    }
    String s =
        step >= 1
            ? String.format(Locale.ROOT, "%.0f", v)
            : String.format(Locale.ROOT, "%." + (int) Math.ceil(-Math.log10(step)) + "f", v);
    return s.startsWith("-") ? "\u2212" + s.substring(1) : s;
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
