package org.rapport.curriculum.observed;

import java.util.EnumSet;
import java.util.Set;
import org.rapport.curriculum.alerts.AlertRule;
import org.rapport.curriculum.alerts.ComparisonKind;
import org.rapport.curriculum.alerts.EffectSizeMeasure;
import org.rapport.curriculum.analytics.AnalysisSettings;
import org.rapport.curriculum.analytics.SmallCellSuppression;

/**
 * The default rules for observed ratings, which differ from the self-assessment's on purpose.
 *
 * <p><b>Decline</b> ({@link #declineDefaults()}): the self-assessment's rule (the interval for the
 * change lies below zero, the effect size d<sub>av</sub> is at or beyond the threshold, at least N
 * matched students), but
 *
 * <ul>
 *   <li>only from one stage to the next ({@link ComparisonKind#PREVIOUS_WAVE}): observed ratings of
 *       the first stage come from other stations and other raters than those years later, so a
 *       comparison with the first stage mostly measures that difference;
 *   <li>threshold d ≤ {@value #DECLINE_EFFECT_SIZE_THRESHOLD} instead of −0.3: stations, scenarios
 *       and raters change between stages and shift the ratings of everyone alike, so a change has
 *       to be larger before it is taken for a change in the students.
 * </ul>
 *
 * <p><b>Widening gap</b> ({@link GapRule#defaults()}): at two consecutive observed stages both
 * sides of the gap have at least N students, the gap lies at least {@value
 * GapRule#DEFAULT_WIDENING_POINTS} percentage points further from zero at the later stage, and the
 * interval for the change lies on the side the later gap points to.
 */
public final class ObservedAlertRules {

  /** Default effect-size threshold of an observed decline. */
  public static final double DECLINE_EFFECT_SIZE_THRESHOLD = -0.4;

  private ObservedAlertRules() {}

  public static AlertRule declineDefaults() {
    return new AlertRule(
        EnumSet.of(ComparisonKind.PREVIOUS_WAVE),
        SmallCellSuppression.DEFAULT_MINIMUM_GROUP_SIZE,
        DECLINE_EFFECT_SIZE_THRESHOLD,
        AnalysisSettings.DEFAULT_CONFIDENCE_LEVEL,
        Set.of(),
        SmallCellSuppression.DEFAULT_MINIMUM_GROUP_SIZE,
        EffectSizeMeasure.D_AV,
        false);
  }
}
