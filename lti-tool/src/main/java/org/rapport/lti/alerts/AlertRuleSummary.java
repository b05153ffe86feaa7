package org.rapport.lti.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.rapport.curriculum.alerts.AlertRule;
import org.rapport.curriculum.alerts.ComparisonKind;
import org.rapport.curriculum.alerts.EffectSizeMeasure;

/** The alert rule in plain sentences, for faculty (read only) and the admin page. */
public final class AlertRuleSummary {
  private AlertRuleSummary() {}

  public static List<String> sentences(RuleSettings settings, AlertRule effective) {
    List<String> s = new ArrayList<>();
    s.add(
        "Rapport raises an alert when a cohort's score falls and all of the following hold."
            + (settings.stored() ? "" : " Your institution uses Rapport's standard settings."));
    s.add(
        "Comparisons watched: "
            + effective.comparisons().stream()
                .sorted()
                .map(k -> AlertVocabulary.comparison(k).toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining("; "))
            + ".");
    s.add(
        "The "
            + FigureFormat.level(effective.confidenceLevel())
            + " confidence interval of the change lies entirely below zero.");
    s.add(
        "The effect size is "
            + FigureFormat.effect(effective.effectSizeThreshold())
            + " or lower ("
            + (effective.pairedEffectSize() == EffectSizeMeasure.D_Z
                ? "mean change divided by the SD of the changes, d_z"
                : "mean change divided by the average SD of the two waves, d_av")
            + (effective.enabled(ComparisonKind.CROSS_COHORT)
                ? "; Hedges' g against earlier cohorts"
                : "")
            + ").");
    s.add("At least " + effective.minimumN() + " students are in the comparison.");
    s.add(
        effective.measures().isEmpty()
            ? "Measures watched: the total score and every subscale."
            : "Measures watched: "
                + String.join(", ", effective.measures().stream().sorted().toList())
                + ".");
    s.add(
        "Figures from fewer than "
            + effective.minimumGroupSize()
            + " students are never shown, exported or mailed.");
    if (effective.validatedOnly()) {
      s.add(
          "Only validated instruments raise alerts; Rapport's formative reflection tool is shown on"
              + " the dashboard but never alerts.");
    }
    return s;
  }
}
