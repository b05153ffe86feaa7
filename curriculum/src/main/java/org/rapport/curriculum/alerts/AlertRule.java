package org.rapport.curriculum.alerts;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.rapport.curriculum.analytics.AnalysisSettings;
import org.rapport.curriculum.analytics.SmallCellSuppression;
import org.rapport.curriculum.instruments.InstrumentKind;

/**
 * One institution's rule for deciding that a cohort declined (domain: "Deciding that a cohort
 * declined"). A comparison raises a finding when all three hold:
 *
 * <ul>
 *   <li>its confidence interval for the change lies entirely below zero;
 *   <li>its effect size is at or beyond {@code effectSizeThreshold} (default d ≤ −0.3);
 *   <li>it has at least {@code minimumN} students (matched pairs; for cross-cohort, in this cohort
 *       and in the pooled earlier cohorts).
 * </ul>
 *
 * @param comparisons the comparisons switched on; default previous wave and baseline
 * @param minimumN at least {@code minimumGroupSize}
 * @param effectSizeThreshold negative; a finding needs an effect size at or below it
 * @param confidenceLevel of the intervals, strictly between 0.5 and 1
 * @param measures the measures watched ("total", subscale ids); empty watches every measure
 * @param minimumGroupSize small-cell threshold N, at least {@link SmallCellSuppression#FLOOR}
 * @param pairedEffectSize {@link EffectSizeMeasure#D_AV} (default: SD units of the scores, the unit
 *     of the thresholds) or {@link EffectSizeMeasure#D_Z}; cross-cohort always uses Hedges' g
 * @param validatedOnly raise alerts only on validated instruments, never on a formative one such as
 *     Rapport's own reflection tool (default false); dashboards still show every instrument
 */
public record AlertRule(
    Set<ComparisonKind> comparisons,
    int minimumN,
    double effectSizeThreshold,
    double confidenceLevel,
    Set<String> measures,
    int minimumGroupSize,
    EffectSizeMeasure pairedEffectSize,
    boolean validatedOnly) {

  public static final double DEFAULT_EFFECT_SIZE_THRESHOLD = -0.3;

  public AlertRule {
    comparisons = comparisons.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(comparisons));
    measures = Set.copyOf(measures);
    new SmallCellSuppression(minimumGroupSize); // refuses N below the floor, with the reason
    if (minimumN < minimumGroupSize) {
      throw new IllegalArgumentException(
          "The minimum number of students for an alert ("
              + minimumN
              + ") cannot be below the minimum group size for showing aggregates ("
              + minimumGroupSize
              + ").");
    }
    if (!(effectSizeThreshold < 0) || Double.isInfinite(effectSizeThreshold)) {
      throw new IllegalArgumentException(
          "The effect-size threshold for a decline must be a negative number such as -0.3, got "
              + effectSizeThreshold);
    }
    new AnalysisSettings(confidenceLevel, SmallCellSuppression.defaults()); // validates the level
    Objects.requireNonNull(pairedEffectSize, "pairedEffectSize");
    if (pairedEffectSize == EffectSizeMeasure.HEDGES_G) {
      throw new IllegalArgumentException("A paired comparison is judged on d_av or d_z.");
    }
  }

  /** A rule that judges every instrument, formative ones included. */
  public AlertRule(
      Set<ComparisonKind> comparisons,
      int minimumN,
      double effectSizeThreshold,
      double confidenceLevel,
      Set<String> measures,
      int minimumGroupSize,
      EffectSizeMeasure pairedEffectSize) {
    this(
        comparisons,
        minimumN,
        effectSizeThreshold,
        confidenceLevel,
        measures,
        minimumGroupSize,
        pairedEffectSize,
        false);
  }

  /** The domain's default rule. */
  public static AlertRule defaults() {
    return new AlertRule(
        EnumSet.of(ComparisonKind.PREVIOUS_WAVE, ComparisonKind.BASELINE),
        SmallCellSuppression.DEFAULT_MINIMUM_GROUP_SIZE,
        DEFAULT_EFFECT_SIZE_THRESHOLD,
        AnalysisSettings.DEFAULT_CONFIDENCE_LEVEL,
        Set.of(),
        SmallCellSuppression.DEFAULT_MINIMUM_GROUP_SIZE,
        EffectSizeMeasure.D_AV,
        false);
  }

  public boolean enabled(ComparisonKind kind) {
    return comparisons.contains(kind);
  }

  /**
   * Whether declines on an instrument of this kind may raise an alert. Only a formative instrument
   * is left out, and only when {@code validatedOnly}; an unknown kind ({@code null}, an instrument
   * no longer installed) is judged, as every instrument other than a formative one is.
   */
  public boolean judges(InstrumentKind kind) {
    return !validatedOnly || kind != InstrumentKind.FORMATIVE;
  }

  public AlertRule withValidatedOnly(boolean value) {
    return new AlertRule(
        comparisons,
        minimumN,
        effectSizeThreshold,
        confidenceLevel,
        measures,
        minimumGroupSize,
        pairedEffectSize,
        value);
  }

  public boolean watches(String measure) {
    return measures.isEmpty() || measures.contains(measure);
  }

  /** The settings the report must be computed with for this rule to judge it. */
  public AnalysisSettings analysisSettings() {
    return new AnalysisSettings(confidenceLevel, new SmallCellSuppression(minimumGroupSize));
  }

  public AlertRule withComparisons(Set<ComparisonKind> value) {
    return new AlertRule(
        value,
        minimumN,
        effectSizeThreshold,
        confidenceLevel,
        measures,
        minimumGroupSize,
        pairedEffectSize,
        validatedOnly);
  }

  public AlertRule withMinimumN(int value) {
    return new AlertRule(
        comparisons,
        value,
        effectSizeThreshold,
        confidenceLevel,
        measures,
        minimumGroupSize,
        pairedEffectSize,
        validatedOnly);
  }

  public AlertRule withEffectSizeThreshold(double value) {
    return new AlertRule(
        comparisons,
        minimumN,
        value,
        confidenceLevel,
        measures,
        minimumGroupSize,
        pairedEffectSize,
        validatedOnly);
  }

  public AlertRule withConfidenceLevel(double value) {
    return new AlertRule(
        comparisons,
        minimumN,
        effectSizeThreshold,
        value,
        measures,
        minimumGroupSize,
        pairedEffectSize,
        validatedOnly);
  }

  public AlertRule withMeasures(Set<String> value) {
    return new AlertRule(
        comparisons,
        minimumN,
        effectSizeThreshold,
        confidenceLevel,
        value,
        minimumGroupSize,
        pairedEffectSize,
        validatedOnly);
  }

  /** Sets N and raises {@code minimumN} to it when it was lower. */
  public AlertRule withMinimumGroupSize(int value) {
    return new AlertRule(
        comparisons,
        Math.max(minimumN, value),
        effectSizeThreshold,
        confidenceLevel,
        measures,
        value,
        pairedEffectSize,
        validatedOnly);
  }

  public AlertRule withPairedEffectSize(EffectSizeMeasure value) {
    return new AlertRule(
        comparisons,
        minimumN,
        effectSizeThreshold,
        confidenceLevel,
        measures,
        minimumGroupSize,
        value,
        validatedOnly);
  }
}
