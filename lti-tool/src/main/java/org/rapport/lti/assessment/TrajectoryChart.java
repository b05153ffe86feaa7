package org.rapport.lti.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rapport.curriculum.instruments.ScoreRange;

/**
 * The geometry of a trajectory's line chart; template {@code trajectory-chart} draws it as inline
 * SVG and escapes every text. It shows the student's total at each wave (solid line, round markers)
 * and, where shown, the cohort mean (dashed line, square markers), against the instrument's full
 * score range. The SVG has a title and a description that reads the figures out, and every marker
 * has its own title; the page puts the same figures in a table next to it.
 *
 * @param id unique within the page, used for the title and description ids
 * @param grid the minimum, the quarters and the maximum of the score range
 * @param cohortLine the cohort means' polyline; {@code null} with fewer than two means
 * @param ownLine the student's polyline; {@code null} with fewer than two waves
 */
public record TrajectoryChart(
    String id,
    String title,
    String desc,
    int width,
    int height,
    List<GridLine> grid,
    List<StageLabel> stages,
    String cohortLine,
    String ownLine,
    List<Marker> markers,
    Legend legend) {
  static final int WIDTH = 640;
  static final int HEIGHT = 300;
  private static final int LEFT = 56;
  private static final int RIGHT = 24;
  private static final int TOP = 20;
  private static final int BOTTOM = 64;

  /** A grid line at {@code y} with its score {@code label} left of the plot. */
  public record GridLine(int x1, int x2, String y, int labelX, String labelY, long label) {}

  /** A stage's short name under the plot. */
  public record StageLabel(String x, int y, String label) {}

  /**
   * One wave: the student's total and, when shown, the cohort mean.
   *
   * @param cohort {@code null} when the cohort mean is not shown
   */
  public record Marker(
      CohortMarker cohort, String cx, String cy, String title, String valueY, String value) {}

  /** The cohort mean's square, {@code x}/{@code y} its top left corner. */
  public record CohortMarker(String x, String y, String title) {}

  /**
   * The legend under the plot.
   *
   * @param cohort whether the cohort average has an entry (only when some mean is shown)
   */
  public record Legend(int y, int textY, int left, boolean cohort) {
    public int ownEnd() {
      return left + 24;
    }

    public int ownText() {
      return left + 30;
    }

    public int cohortStart() {
      return left + 140;
    }

    public int cohortEnd() {
      return left + 164;
    }

    public int cohortText() {
      return left + 170;
    }
  }

  /**
   * @param id unique within the page, used for the title and description ids
   */
  public static TrajectoryChart of(Trajectory trajectory, String id) {
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

    double plotWidth = WIDTH - LEFT - RIGHT;
    double plotHeight = HEIGHT - TOP - BOTTOM;
    List<GridLine> grid = new ArrayList<>();
    for (int i = 0; i <= 4; i++) {
      double value = range.min() + (range.max() - range.min()) * i / 4.0;
      double y = y(value, range, plotHeight);
      grid.add(new GridLine(LEFT, WIDTH - RIGHT, fmt(y), LEFT - 8, fmt(y + 4), Math.round(value)));
    }
    List<StageLabel> stages = new ArrayList<>();
    List<Marker> markers = new ArrayList<>();
    List<double[]> own = new ArrayList<>();
    List<double[]> cohort = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      Trajectory.Point p = points.get(i);
      double x =
          points.size() == 1 ? LEFT + plotWidth / 2 : LEFT + plotWidth * i / (points.size() - 1);
      double y = y(p.total().doubleValue(), range, plotHeight);
      own.add(new double[] {x, y});
      CohortMarker mean = null;
      if (p.cohortMean().shown()) {
        BigDecimal m = p.cohortMean().mean().get();
        double my = y(m.doubleValue(), range, plotHeight);
        cohort.add(new double[] {x, my});
        mean =
            new CohortMarker(
                fmt(x - 4), fmt(my - 4), p.stage().label() + ": cohort average " + plain(m));
      }
      stages.add(new StageLabel(fmt(x), HEIGHT - BOTTOM + 20, p.stage().shortLabel()));
      markers.add(
          new Marker(
              mean,
              fmt(x),
              fmt(y),
              p.stage().label() + ": your total " + plain(p.total()),
              fmt(y - 10),
              plain(p.total())));
    }
    return new TrajectoryChart(
        id,
        title,
        desc.toString(),
        WIDTH,
        HEIGHT,
        grid,
        stages,
        cohort.size() > 1 ? polyline(cohort) : null,
        own.size() > 1 ? polyline(own) : null,
        markers,
        new Legend(HEIGHT - 16, HEIGHT - 12, LEFT, !cohort.isEmpty()));
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
}
