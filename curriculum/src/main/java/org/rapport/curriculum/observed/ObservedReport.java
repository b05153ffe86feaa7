package org.rapport.curriculum.observed;

import java.util.List;
import java.util.Objects;
import org.rapport.curriculum.analytics.AnalysisSettings;
import org.rapport.curriculum.analytics.CohortReport;
import org.rapport.curriculum.analytics.Summary;

/**
 * Observed-rating trends, every figure through the small-cell rule.
 *
 * @param measures in report order
 * @param raterGroups the rater groups that have ratings, alphabetically
 * @param overall every rater group together: summaries per cohort, stage and measure, paired
 *     comparisons between stages, all-students contrasts
 * @param byRaterGroup per overall summary (in its order), one summary per rater group that rated in
 *     that cohort and stage
 */
public record ObservedReport(
    AnalysisSettings settings,
    List<String> measures,
    List<String> raterGroups,
    CohortReport overall,
    List<GroupSummary> byRaterGroup) {

  public ObservedReport {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(overall, "overall");
    measures = List.copyOf(measures);
    raterGroups = List.copyOf(raterGroups);
    byRaterGroup = List.copyOf(byRaterGroup);
  }

  /**
   * @param complementary hidden only so that a smaller hidden group cannot be worked out from it
   *     (its own group was large enough)
   */
  public record GroupSummary(String raterGroup, Summary summary, boolean complementary) {
    public GroupSummary {
      Objects.requireNonNull(raterGroup, "raterGroup");
      Objects.requireNonNull(summary, "summary");
      if (complementary && !summary.suppressed()) {
        throw new IllegalArgumentException("Only a hidden summary is hidden complementarily.");
      }
    }
  }
}
