package org.rapport.lti.dashboard;

import java.util.Comparator;
import java.util.List;
import org.rapport.curriculum.alerts.ComparisonKind;
import org.rapport.curriculum.cohorts.Programme;
import org.rapport.lti.alerts.AlertVocabulary;
import org.rapport.lti.alerts.EffectWords;
import org.rapport.lti.alerts.FigureFormat;
import org.rapport.lti.alerts.StoredAlert;

/**
 * The paragraph at the top of a cohort's dashboard, in plain words from the figures on the page:
 * the most important decline that needs attention (the total score first, then the latest wave),
 * how many subscales fell with it and how many students answered; or, without one, where the cohort
 * stands. It repeats published figures only, never one the page hides.
 */
final class CohortSummary {
  private CohortSummary() {}

  static String of(
      String cohort,
      List<StoredAlert> alerts,
      CohortFigures figures,
      int subscales,
      Programme programme,
      AlertVocabulary words) {
    List<StoredAlert> attention = alerts.stream().filter(StoredAlert::needsAttention).toList();
    if (!attention.isEmpty()) {
      StoredAlert lead =
          attention.stream()
              .min(
                  Comparator.comparing((StoredAlert a) -> !"total".equals(a.measure()))
                      .thenComparing(
                          a -> -programme.stage(a.toStage()).order(), Comparator.naturalOrder())
                      .thenComparing(a -> a.comparison().ordinal()))
              .orElseThrow();
      long fellWith =
          attention.stream()
              .filter(a -> !"total".equals(a.measure()))
              .filter(a -> a.comparison() == lead.comparison())
              .filter(a -> a.fromStage().equals(lead.fromStage()))
              .filter(a -> a.toStage().equals(lead.toStage()))
              .map(StoredAlert::measure)
              .distinct()
              .count();
      String measure =
          "total".equals(lead.measure())
              ? "Total empathy"
              : words.measure(lead.instrumentId(), lead.measure());
      StringBuilder s = new StringBuilder();
      if (lead.comparison() == ComparisonKind.CROSS_COHORT) {
        s.append(measure)
            .append(" of ")
            .append(cohort)
            .append(" at ")
            .append(AlertVocabulary.stage(programme, lead.toStage()))
            .append(" was lower than earlier cohorts' at the same wave by ");
      } else {
        s.append(measure)
            .append(" of ")
            .append(cohort)
            .append(" fell from ")
            .append(AlertVocabulary.stage(programme, lead.fromStage()))
            .append(" to ")
            .append(AlertVocabulary.stage(programme, lead.toStage()))
            .append(" by ");
      }
      s.append(EffectWords.size(lead.effectSize()))
          .append(" (")
          .append(FigureFormat.score(Math.abs(lead.change())))
          .append(" points)");
      if ("total".equals(lead.measure()) && subscales > 0) {
        s.append("; ")
            .append(fellWith)
            .append(" of ")
            .append(subscales)
            .append(subscales == 1 ? " subscale" : " subscales")
            .append(" fell enough to raise an alert");
      }
      if (lead.current().responseRate() != null) {
        s.append("; ")
            .append(FigureFormat.rate(lead.current().responseRate()))
            .append(" of the cohort answered at ")
            .append(AlertVocabulary.stage(programme, lead.toStage()));
      }
      s.append(". ");
      s.append(
          attention.size() == 1
              ? "1 alert needs attention."
              : attention.size() + " alerts need attention.");
      return s.toString();
    }
    String history =
        alerts.stream().anyMatch(StoredAlert::historical)
            ? " Earlier declines of this cohort are listed under historical findings."
            : "";
    if (figures == null || !figures.shown()) {
      return "No alert needs attention for "
          + cohort
          + ". Its results are not shown yet: figures appear once a wave has closed with enough"
          + " answers."
          + history;
    }
    CohortFigures.WaveRow latest = null;
    for (CohortFigures.MeasureSection m : figures.trend()) {
      for (CohortFigures.WaveRow r : m.rows()) {
        if (!r.hidden()) {
          latest = r;
        }
      }
    }
    StringBuilder s = new StringBuilder("No alert needs attention for ").append(cohort).append('.');
    if (latest != null) {
      s.append(" At ")
          .append(latest.wave())
          .append(", its latest published wave, the mean total score was ")
          .append(latest.mean())
          .append(" (n = ")
          .append(latest.n());
      if (!"unknown".equals(latest.rate())) {
        s.append(", ").append(latest.rate()).append(" answered");
      }
      s.append(").");
      CohortFigures.ChangeRow change =
          figures.changes().stream()
              .filter(c -> "total".equals(c.measureId()) && c.previousWave() && !c.hidden())
              .reduce((a, b) -> b)
              .orElse(null);
      if (change != null) {
        s.append(" From ")
            .append(change.from())
            .append(" to ")
            .append(change.to())
            .append(" it changed by ")
            .append(change.change())
            .append(" points, a ")
            .append(EffectWords.magnitude(change.davValue()))
            .append(" change.");
      }
    }
    return s.append(history).toString();
  }
}
