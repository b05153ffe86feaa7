package org.rapport.curriculum.observed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rapport.curriculum.alerts.AlertRule;
import org.rapport.curriculum.alerts.DeclineDetector;
import org.rapport.curriculum.alerts.DeclineFinding;
import org.rapport.curriculum.analytics.CohortKey;
import org.rapport.curriculum.analytics.Summary;
import org.rapport.curriculum.analytics.WaveKey;

/**
 * Observed trends, the cohort gaps and what the observed rules find in them.
 *
 * @param gaps per cohort, stage and measure where both the published self figures and the observed
 *     summary are shown (each with at least two students), in the report's order
 * @param declines observed ratings that fell from one stage to the next (overall, every rater group
 *     together)
 * @param widenings gaps that widened from one observed stage to the next
 */
public record ObservedEvaluation(
    ObservedReport report,
    List<StageGap> gaps,
    List<DeclineFinding> declines,
    List<GapWidening> widenings) {

  public ObservedEvaluation {
    Objects.requireNonNull(report, "report");
    gaps = List.copyOf(gaps);
    declines = List.copyOf(declines);
    widenings = List.copyOf(widenings);
  }

  /**
   * Computes everything for the scores.
   *
   * @param measures "total" first, then the domains
   * @param self the published self-assessment figures, percent of scale
   * @param declineRule its settings (confidence level, N) are the report's
   */
  public static ObservedEvaluation evaluate(
      Collection<ObservedScore> scores,
      List<String> measures,
      Collection<SelfFigures> self,
      AlertRule declineRule,
      GapRule gapRule) {
    ObservedReport report =
        ObservedTrends.analyse(scores, measures, declineRule.analysisSettings());
    Map<Cell, SelfFigures> published = new HashMap<>();
    for (SelfFigures s : self) {
      published.put(new Cell(s.cohort(), s.stage(), s.measure()), s);
    }
    Map<WaveKey, Integer> orders = new HashMap<>();
    for (ObservedScore s : scores) {
      orders.put(s.stage(), s.stageOrder());
    }
    List<StageGap> gaps = new ArrayList<>();
    for (Summary observed : report.overall().summaries()) {
      SelfFigures s =
          published.get(new Cell(observed.cohort(), observed.wave(), observed.measure()));
      if (observed.suppressed() || s == null) {
        continue;
      }
      Summary.Figures f = observed.figures();
      if (f.n() < 2 || s.figures().n() < 2) {
        continue;
      }
      gaps.add(
          new StageGap(
              observed.cohort(),
              observed.wave(),
              orders.get(observed.wave()),
              observed.measure(),
              GapStatistics.cohortGap(
                  s.figures(),
                  new GapStatistics.Group(f.n(), f.mean(), f.sd()),
                  gapRule.confidenceLevel())));
    }
    return new ObservedEvaluation(
        report,
        gaps,
        DeclineDetector.detect(report.overall(), declineRule),
        GapWideningDetector.detect(gaps, gapRule));
  }

  private record Cell(CohortKey cohort, WaveKey stage, String measure) {}
}
