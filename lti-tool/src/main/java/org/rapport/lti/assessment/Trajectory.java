package org.rapport.lti.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.instruments.Instrument;

/**
 * A student's scores across waves for one instrument (scores of different instruments are not
 * comparable, so each instrument has its own trajectory).
 *
 * @param instrument the definition the points were scored with (the newest of them)
 * @param points in training order
 */
public record Trajectory(Instrument instrument, List<Point> points) {

  /**
   * Of several trajectories (one per instrument), the one whose last point is the most recent;
   * {@code null} when none has a point.
   */
  public static Trajectory latest(List<Trajectory> trajectories) {
    Trajectory latest = null;
    for (Trajectory t : trajectories) {
      if (t.points().isEmpty()) {
        continue;
      }
      if (latest == null || t.last().stage().compareTo(latest.last().stage()) >= 0) {
        latest = t;
      }
    }
    return latest;
  }

  /** The latest point; the trajectory must have one. */
  public Point last() {
    return points.get(points.size() - 1);
  }

  /** One wave's scores. */
  public record Point(
      long waveId,
      TrainingStage stage,
      LocalDate date,
      int scoredWithVersion,
      BigDecimal total,
      boolean prorated,
      boolean imported,
      List<SubscalePoint> subscales,
      CohortMean cohortMean) {}

  /** A subscale score at one wave. */
  public record SubscalePoint(String id, String label, BigDecimal value) {}

  /**
   * The mean total of everyone who answered the same wave with the same instrument version; shown
   * only when at least the minimum group size answered.
   *
   * @param mean empty when suppressed
   * @param respondents how many answered (reported only when shown)
   */
  public record CohortMean(
      Optional<BigDecimal> mean,
      long respondents,
      int minimumGroupSize,
      String publishedOn,
      String note) {
    public boolean shown() {
      return mean.isPresent();
    }
  }
}
