package org.rapport.lti.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rapport.curriculum.instruments.ScoreRange;

/**
 * Draws a trajectory as an inline SVG line chart on the server: the student's total at each wave
 * (solid line, round markers) and, where shown, the cohort mean (dashed line, square markers),
 * against the instrument's full score range. The SVG has a title and a description that reads the
 * figures out, and every marker has its own title; the page puts the same figures in a table next
 * to it.
 */
public final class TrajectoryChart {
  static final int WIDTH = 640;
  static final int HEIGHT = 300;
  private static final int LEFT = 56;
  private static final int RIGHT = 24;
  private static final int TOP = 20;
  private static final int BOTTOM = 64;

  private TrajectoryChart() {}

  /**
   * @param id unique within the page, used for the title and description ids
   */
  public static String svg(Trajectory trajectory, String id) {
    ScoreRange range = trajectory.instrument().scoreRange();
    List<Trajectory.Point> points = trajectory.points();
    String title =
        "Your total score on the " + trajectory.instrument().title() + ", by training stage";
    StringBuilder desc = new StringBuilder();
    for (Trajectory.Point p : points) {
      if (desc.length() > 0) {
        desc.append("; ");
      }
      desc.append(p.stage().label()).append(": ").append(plain(p.total()));
      if (p.cohortMean().shown()) {
        desc.append(" (cohort average ").append(plain(p.cohortMean().mean().get())).append(")");
      }
    }
    desc.append(". Possible scores range from ")
        .append(range.min())
        .append(" to ")
        .append(range.max())
        .append('.');

    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trajectory-chart\" role=\"img\"")
        .append(" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" aria-labelledby=\"")
        .append(id)
        .append("-title ")
        .append(id)
        .append("-desc\">");
    svg.append("<title id=\"")
        .append(id)
        .append("-title\">")
        .append(escape(title))
        .append("</title>");
    svg.append("<desc id=\"")
        .append(id)
        .append("-desc\">")
        .append(escape(desc.toString()))
        .append("</desc>");

    double plotWidth = WIDTH - LEFT - RIGHT;
    double plotHeight = HEIGHT - TOP - BOTTOM;
    // Horizontal grid lines with their score labels: the minimum, quarters and the maximum.
    for (int i = 0; i <= 4; i++) {
      double value = range.min() + (range.max() - range.min()) * i / 4.0;
      double y = y(value, range, plotHeight);
      svg.append("<line class=\"grid\" x1=\"")
          .append(LEFT)
          .append("\" x2=\"")
          .append(WIDTH - RIGHT)
          .append("\" y1=\"")
          .append(fmt(y))
          .append("\" y2=\"")
          .append(fmt(y))
          .append("\"/>");
      svg.append("<text class=\"axis\" x=\"")
          .append(LEFT - 8)
          .append("\" y=\"")
          .append(fmt(y + 4))
          .append("\" text-anchor=\"end\">")
          .append(Math.round(value))
          .append("</text>");
    }
    List<double[]> own = new ArrayList<>();
    List<double[]> cohort = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      Trajectory.Point p = points.get(i);
      double x =
          points.size() == 1 ? LEFT + plotWidth / 2 : LEFT + plotWidth * i / (points.size() - 1);
      own.add(new double[] {x, y(p.total().doubleValue(), range, plotHeight)});
      if (p.cohortMean().shown()) {
        cohort.add(
            new double[] {x, y(p.cohortMean().mean().get().doubleValue(), range, plotHeight)});
      }
      svg.append("<text class=\"axis\" x=\"")
          .append(fmt(x))
          .append("\" y=\"")
          .append(HEIGHT - BOTTOM + 20)
          .append("\" text-anchor=\"middle\">")
          .append(escape(p.stage().shortLabel()))
          .append("</text>");
    }
    if (cohort.size() > 1) {
      svg.append("<polyline class=\"cohort-line\" fill=\"none\" points=\"")
          .append(polyline(cohort))
          .append("\"/>");
    }
    if (own.size() > 1) {
      svg.append("<polyline class=\"own-line\" fill=\"none\" points=\"")
          .append(polyline(own))
          .append("\"/>");
    }
    int c = 0;
    for (int i = 0; i < points.size(); i++) {
      Trajectory.Point p = points.get(i);
      double[] xy = own.get(i);
      if (p.cohortMean().shown()) {
        double[] m = cohort.get(c++);
        svg.append("<rect class=\"cohort-point\" x=\"")
            .append(fmt(m[0] - 4))
            .append("\" y=\"")
            .append(fmt(m[1] - 4))
            .append("\" width=\"8\" height=\"8\"><title>")
            .append(
                escape(
                    p.stage().label() + ": cohort average " + plain(p.cohortMean().mean().get())))
            .append("</title></rect>");
      }
      svg.append("<circle class=\"own-point\" cx=\"")
          .append(fmt(xy[0]))
          .append("\" cy=\"")
          .append(fmt(xy[1]))
          .append("\" r=\"5\"><title>")
          .append(escape(p.stage().label() + ": your total " + plain(p.total())))
          .append("</title></circle>");
      svg.append("<text class=\"value\" x=\"")
          .append(fmt(xy[0]))
          .append("\" y=\"")
          .append(fmt(xy[1] - 10))
          .append("\" text-anchor=\"middle\">")
          .append(plain(p.total()))
          .append("</text>");
    }
    // Legend.
    int ly = HEIGHT - 16;
    svg.append("<line class=\"own-line\" x1=\"")
        .append(LEFT)
        .append("\" x2=\"")
        .append(LEFT + 24)
        .append("\" y1=\"")
        .append(ly)
        .append("\" y2=\"")
        .append(ly)
        .append("\"/>");
    svg.append("<text class=\"legend\" x=\"")
        .append(LEFT + 30)
        .append("\" y=\"")
        .append(ly + 4)
        .append("\">Your total</text>");
    if (!cohort.isEmpty()) {
      svg.append("<line class=\"cohort-line\" x1=\"")
          .append(LEFT + 140)
          .append("\" x2=\"")
          .append(LEFT + 164)
          .append("\" y1=\"")
          .append(ly)
          .append("\" y2=\"")
          .append(ly)
          .append("\"/>");
      svg.append("<text class=\"legend\" x=\"")
          .append(LEFT + 170)
          .append("\" y=\"")
          .append(ly + 4)
          .append("\">Cohort average</text>");
    }
    svg.append("</svg>");
    return svg.toString();
  }

  private static double y(double value, ScoreRange range, double plotHeight) {
    double span = Math.max(1, range.max() - range.min());
    return TOP + (range.max() - value) / span * plotHeight;
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

  /** A score as people read it: whole numbers without decimals, others with one. */
  static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() <= 0) {
      return stripped.toPlainString();
    }
    return value.setScale(1, RoundingMode.HALF_UP).toPlainString();
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
