package org.rapport.curriculum.alerts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rapport.curriculum.analytics.CohortKey;
import org.rapport.curriculum.analytics.CohortReport;
import org.rapport.curriculum.analytics.CrossCohortComparison;
import org.rapport.curriculum.analytics.MixedModelContrast;
import org.rapport.curriculum.analytics.PairedComparison;
import org.rapport.curriculum.analytics.Summary;
import org.rapport.curriculum.analytics.WaveKey;

/**
 * Applies an {@link AlertRule} to a {@link CohortReport}.
 *
 * <p>Paired comparisons cover consecutive waves and baseline → each later wave. The pair baseline →
 * second wave is both; it is reported once, as {@link ComparisonKind#PREVIOUS_WAVE} when that is
 * switched on, else as {@link ComparisonKind#BASELINE}. Suppressed comparisons never raise a
 * finding. Findings come in the report's order: paired first, then cross-cohort.
 */
public final class DeclineDetector {

  /** Refusal when a report was computed with other settings than the rule's. */
  public static final String SETTINGS_MISMATCH =
      "The report was computed with a confidence level or minimum group size other than the"
          + " alert rule's; recompute it with the rule's settings.";

  private DeclineDetector() {}

  public static List<DeclineFinding> detect(CohortReport report, AlertRule rule) {
    if (!report.settings().equals(rule.analysisSettings())) {
      throw new IllegalArgumentException(SETTINGS_MISMATCH);
    }
    Map<WaveCell, Summary> summaries = new HashMap<>();
    for (Summary s : report.summaries()) {
      summaries.put(new WaveCell(s.cohort(), s.wave(), s.measure()), s);
    }
    Map<PairCell, MixedModelContrast> contrasts = new HashMap<>();
    for (MixedModelContrast c : report.allStudents()) {
      if (!c.suppressed()) {
        contrasts.put(new PairCell(c.cohort(), c.from(), c.to(), c.measure()), c);
      }
    }

    List<DeclineFinding> findings = new ArrayList<>();
    for (PairedComparison pc : report.paired()) {
      ComparisonKind kind = kind(pc, rule);
      if (kind == null || pc.suppressed() || !rule.watches(pc.measure())) {
        continue;
      }
      PairedComparison.Figures f = pc.figures();
      double effect = rule.pairedEffectSize() == EffectSizeMeasure.D_Z ? f.dz() : f.dav();
      if (f.pairs() < rule.minimumN()
          || !(f.ci().upper() < 0)
          || !(effect <= rule.effectSizeThreshold())) {
        continue;
      }
      findings.add(
          new DeclineFinding(
              new FindingKey(pc.cohort(), pc.from(), pc.to(), pc.measure(), kind),
              new DeclineFinding.GroupFigures(
                  f.pairs(), f.fromMean(), f.fromSd(), responseRate(summaries, pc, pc.from())),
              new DeclineFinding.GroupFigures(
                  f.pairs(), f.toMean(), f.toSd(), responseRate(summaries, pc, pc.to())),
              f.meanChange(),
              f.sdOfChange(),
              f.ci(),
              f.t(),
              f.df(),
              f.p(),
              effect,
              rule.pairedEffectSize(),
              pc,
              null,
              contrasts.get(new PairCell(pc.cohort(), pc.from(), pc.to(), pc.measure()))));
    }
    if (rule.enabled(ComparisonKind.CROSS_COHORT)) {
      for (CrossCohortComparison cc : report.crossCohort()) {
        if (cc.suppressed() || !rule.watches(cc.measure())) {
          continue;
        }
        CrossCohortComparison.Figures f = cc.figures();
        if (f.n() < rule.minimumN()
            || f.referenceN() < rule.minimumN()
            || !(f.ci().upper() < 0)
            || !(f.hedgesG() <= rule.effectSizeThreshold())) {
          continue;
        }
        findings.add(
            new DeclineFinding(
                new FindingKey(
                    cc.cohort(), cc.wave(), cc.wave(), cc.measure(), ComparisonKind.CROSS_COHORT),
                new DeclineFinding.GroupFigures(
                    f.referenceN(), f.referenceMean(), f.referenceSd(), f.referenceResponseRate()),
                new DeclineFinding.GroupFigures(f.n(), f.mean(), f.sd(), f.responseRate()),
                f.difference(),
                null,
                f.ci(),
                f.t(),
                f.df(),
                f.p(),
                f.hedgesG(),
                EffectSizeMeasure.HEDGES_G,
                null,
                cc,
                null));
      }
    }
    return findings;
  }

  private static ComparisonKind kind(PairedComparison pc, AlertRule rule) {
    if (pc.previousWave() && rule.enabled(ComparisonKind.PREVIOUS_WAVE)) {
      return ComparisonKind.PREVIOUS_WAVE;
    }
    if (pc.fromBaseline() && rule.enabled(ComparisonKind.BASELINE)) {
      return ComparisonKind.BASELINE;
    }
    return null;
  }

  private static Double responseRate(
      Map<WaveCell, Summary> summaries, PairedComparison pc, WaveKey wave) {
    Summary s = summaries.get(new WaveCell(pc.cohort(), wave, pc.measure()));
    return s == null || s.suppressed() ? null : s.figures().responseRate();
  }

  private record WaveCell(CohortKey cohort, WaveKey wave, String measure) {}

  private record PairCell(CohortKey cohort, WaveKey from, WaveKey to, String measure) {}
}
