package org.rapport.lti.dashboard;

import java.util.List;
import java.util.Locale;

/**
 * Draws a server-side SVG chart of one value per wave with its confidence interval as an error bar
 * and a note under each wave (e.g. the response rate). A wave whose figures are suppressed has no
 * point at all, only the word "hidden": nothing suppressed ever reaches the drawing. The SVG names
 * itself with {@code <title>} and {@code <desc>}, and every point carries a {@code <title>} with
 * its figures; the page shows the same figures in a table beside it.
 */
public final class TrendChart {
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

  private TrendChart() {}

  /**
   * @param id unique on the page, for the title and desc ids
   * @param zeroLine draw a line at zero (for differences)
   */
  public static String svg(
      String id, String title, String desc, String yLabel, List<Point> points, boolean zeroLine) {
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
    if (hi - lo < 1e-9) {
      lo -= 1;
      hi += 1;
    }
    double step = niceStep((hi - lo) / 4);
    lo = Math.floor(lo / step) * step;
    hi = Math.ceil(hi / step) * step;

    StringBuilder s = new StringBuilder();
    s.append("<svg class=\"chart\" data-chart=\"")
        .append(esc(id))
        .append("\" role=\"img\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" aria-labelledby=\"")
        .append(esc(id))
        .append("-title ")
        .append(esc(id))
        .append("-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
    s.append("<title id=\"")
        .append(esc(id))
        .append("-title\">")
        .append(esc(title))
        .append("</title>");
    s.append("<desc id=\"").append(esc(id)).append("-desc\">").append(esc(desc)).append("</desc>");

    int plotBottom = HEIGHT - BOTTOM;
    int plotRight = WIDTH - RIGHT;
    // Grid and y axis labels.
    for (double v = lo; v <= hi + step / 2; v += step) {
      double y = y(v, lo, hi);
      s.append("<line class=\"grid\" x1=\"")
          .append(LEFT)
          .append("\" x2=\"")
          .append(plotRight)
          .append("\" y1=\"")
          .append(f(y))
          .append("\" y2=\"")
          .append(f(y))
          .append("\"/>");
      s.append("<text class=\"tick\" x=\"")
          .append(LEFT - 6)
          .append("\" y=\"")
          .append(f(y + 4))
          .append("\" text-anchor=\"end\">")
          .append(esc(tick(v, step)))
          .append("</text>");
    }
    if (zeroLine) {
      double y = y(0, lo, hi);
      s.append("<line class=\"zero\" x1=\"")
          .append(LEFT)
          .append("\" x2=\"")
          .append(plotRight)
          .append("\" y1=\"")
          .append(f(y))
          .append("\" y2=\"")
          .append(f(y))
          .append("\"/>");
    }
    s.append("<text class=\"axis-label\" transform=\"translate(14 ")
        .append((TOP + plotBottom) / 2)
        .append(") rotate(-90)\" text-anchor=\"middle\">")
        .append(esc(yLabel))
        .append("</text>");

    int n = points.size();
    double slot = (double) (plotRight - LEFT) / Math.max(1, n);
    // Line through consecutive shown points.
    StringBuilder path = new StringBuilder();
    boolean pen = false;
    for (int i = 0; i < n; i++) {
      Point p = points.get(i);
      if (p.value() == null) {
        pen = false;
        continue;
      }
      double x = LEFT + slot * (i + 0.5);
      path.append(pen ? " L" : " M").append(f(x)).append(' ').append(f(y(p.value(), lo, hi)));
      pen = true;
    }
    if (path.length() > 0) {
      s.append("<path class=\"trend\" d=\"").append(path.toString().strip()).append("\"/>");
    }
    for (int i = 0; i < n; i++) {
      Point p = points.get(i);
      double x = LEFT + slot * (i + 0.5);
      s.append("<text class=\"wave\" x=\"")
          .append(f(x))
          .append("\" y=\"")
          .append(plotBottom + 18)
          .append("\" text-anchor=\"middle\">")
          .append(esc(p.label()))
          .append("</text>");
      if (p.note() != null) {
        s.append("<text class=\"note\" x=\"")
            .append(f(x))
            .append("\" y=\"")
            .append(plotBottom + 36)
            .append("\" text-anchor=\"middle\">")
            .append(esc(p.note()))
            .append("</text>");
      }
      if (p.value() == null) {
        s.append("<text class=\"hidden-point\" x=\"")
            .append(f(x))
            .append("\" y=\"")
            .append(f((TOP + plotBottom) / 2.0))
            .append("\" text-anchor=\"middle\">hidden</text>");
        continue;
      }
      double yl = y(p.lower(), lo, hi);
      double yu = y(p.upper(), lo, hi);
      double yv = y(p.value(), lo, hi);
      s.append("<g class=\"point\"><title>").append(esc(p.tooltip())).append("</title>");
      s.append("<line class=\"ci\" x1=\"").append(f(x)).append("\" x2=\"").append(f(x));
      s.append("\" y1=\"").append(f(yl)).append("\" y2=\"").append(f(yu)).append("\"/>");
      for (double cap : new double[] {yl, yu}) {
        s.append("<line class=\"ci\" x1=\"")
            .append(f(x - 7))
            .append("\" x2=\"")
            .append(f(x + 7))
            .append("\" y1=\"")
            .append(f(cap))
            .append("\" y2=\"")
            .append(f(cap))
            .append("\"/>");
      }
      s.append("<circle class=\"mean\" cx=\"")
          .append(f(x))
          .append("\" cy=\"")
          .append(f(yv))
          .append("\" r=\"5\"/></g>");
    }
    s.append("</svg>");
    return s.toString();
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

  static String esc(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
