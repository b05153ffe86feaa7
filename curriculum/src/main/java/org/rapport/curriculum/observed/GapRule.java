package org.rapport.curriculum.observed;

import java.util.Set;
import org.rapport.curriculum.analytics.AnalysisSettings;
import org.rapport.curriculum.analytics.SmallCellSuppression;

/**
 * When a cohort's self-versus-observed gap counts as widening (see {@link ObservedAlertRules}).
 *
 * @param minimumN fewest students on each side of each gap (self and observed, both stages), at
 *     least {@code minimumGroupSize}
 * @param wideningPoints how much further from zero, in percentage points of the scale, the later
 *     gap must lie; positive
 * @param confidenceLevel of the intervals
 * @param measures the measures watched ("total", domain ids); empty watches every measure
 * @param minimumGroupSize the small-cell threshold N
 */
public record GapRule(
    int minimumN,
    double wideningPoints,
    double confidenceLevel,
    Set<String> measures,
    int minimumGroupSize) {

  public static final double DEFAULT_WIDENING_POINTS = 10;

  public GapRule {
    new SmallCellSuppression(minimumGroupSize); // refuses N below the floor, with the reason
    if (minimumN < minimumGroupSize) {
      throw new IllegalArgumentException(
          "The minimum number of students for a gap alert ("
              + minimumN
              + ") cannot be below the minimum group size for showing aggregates ("
              + minimumGroupSize
              + ").");
    }
    if (!(wideningPoints > 0) || !(wideningPoints <= 100)) {
      throw new IllegalArgumentException(
          "The widening of a gap that raises an alert is a number of percentage points above 0"
              + " and at most 100, such as 10, got "
              + wideningPoints);
    }
    new AnalysisSettings(confidenceLevel, SmallCellSuppression.defaults()); // validates the level
    measures = Set.copyOf(measures);
  }

  public static GapRule defaults() {
    return new GapRule(
        SmallCellSuppression.DEFAULT_MINIMUM_GROUP_SIZE,
        DEFAULT_WIDENING_POINTS,
        AnalysisSettings.DEFAULT_CONFIDENCE_LEVEL,
        Set.of(),
        SmallCellSuppression.DEFAULT_MINIMUM_GROUP_SIZE);
  }

  public boolean watches(String measure) {
    return measures.isEmpty() || measures.contains(measure);
  }

  /** Sets N and raises {@code minimumN} to it when it was lower. */
  public GapRule withMinimumGroupSize(int value) {
    return new GapRule(Math.max(minimumN, value), wideningPoints, confidenceLevel, measures, value);
  }

  public GapRule withMinimumN(int value) {
    return new GapRule(value, wideningPoints, confidenceLevel, measures, minimumGroupSize);
  }

  public GapRule withWideningPoints(double value) {
    return new GapRule(minimumN, value, confidenceLevel, measures, minimumGroupSize);
  }

  public GapRule withConfidenceLevel(double value) {
    return new GapRule(minimumN, wideningPoints, value, measures, minimumGroupSize);
  }

  public GapRule withMeasures(Set<String> value) {
    return new GapRule(minimumN, wideningPoints, confidenceLevel, value, minimumGroupSize);
  }
}
