package org.rapport.curriculum.observed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rapport.curriculum.analytics.CohortKey;

/**
 * Applies a {@link GapRule} to a cohort's gaps: consecutive stages (in stage order, among the
 * stages that have a gap on the measure) are compared, and a comparison is a finding when both gaps
 * rest on at least {@code minimumN} students on each side, the later gap lies at least the rule's
 * points further from zero, and the interval for the change lies on the later gap's side of zero.
 */
public final class GapWideningDetector {

  private GapWideningDetector() {}

  public static List<GapWidening> detect(List<StageGap> gaps, GapRule rule) {
    Map<Series, List<StageGap>> series = new LinkedHashMap<>();
    for (StageGap g : gaps) {
      if (rule.watches(g.measure())) {
        series.computeIfAbsent(new Series(g.cohort(), g.measure()), s -> new ArrayList<>()).add(g);
      }
    }
    List<GapWidening> findings = new ArrayList<>();
    for (List<StageGap> stages : series.values()) {
      stages.sort(Comparator.comparingInt(StageGap::stageOrder));
      for (int i = 0; i + 1 < stages.size(); i++) {
        StageGap earlier = stages.get(i);
        StageGap later = stages.get(i + 1);
        if (!enough(earlier.gap(), rule) || !enough(later.gap(), rule)) {
          continue;
        }
        GapStatistics.GapChange change =
            GapStatistics.change(earlier.gap(), later.gap(), rule.confidenceLevel());
        if (change.widening() >= rule.wideningPoints() && change.clearlyAwayFromZero()) {
          findings.add(
              new GapWidening(
                  earlier.cohort(), earlier.stage(), later.stage(), earlier.measure(), change));
        }
      }
    }
    return findings;
  }

  private static boolean enough(GapStatistics.Gap gap, GapRule rule) {
    return gap.self().n() >= rule.minimumN() && gap.observed().n() >= rule.minimumN();
  }

  private record Series(CohortKey cohort, String measure) {}
}
