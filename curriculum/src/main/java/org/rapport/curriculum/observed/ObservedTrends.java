package org.rapport.curriculum.observed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.rapport.curriculum.analytics.AnalysisSettings;
import org.rapport.curriculum.analytics.CohortKey;
import org.rapport.curriculum.analytics.CohortReport;
import org.rapport.curriculum.analytics.CohortStatistics;
import org.rapport.curriculum.analytics.Dataset;
import org.rapport.curriculum.analytics.Observation;
import org.rapport.curriculum.analytics.StudentKey;
import org.rapport.curriculum.analytics.Summary;
import org.rapport.curriculum.analytics.WaveKey;

/**
 * Observed-rating trends per cohort and stage, through the same {@link CohortStatistics} as the
 * self-assessment: a student's observation at a stage is the mean of their observed ratings there
 * (percent of scale, per measure), so every figure counts students, not ratings, and a student
 * rated ten times weighs as much as one rated once.
 *
 * <p>Overall (every rater group) the full {@link CohortReport} is computed: summaries, paired
 * comparisons between stages, the all-students model. Per rater group only the summaries are kept.
 *
 * <p><b>Small cells.</b> Each summary passes the primary rule (fewer than N students: hidden). The
 * rater groups of one cohort, stage and measure then form a set beside the overall figure: they
 * overlap (a student can be rated by a patient and by faculty), but the overall figure minus the
 * shown groups would still narrow a hidden group down, so while the overall figure is shown the set
 * goes through {@link org.rapport.curriculum.analytics.SmallCellSuppression#suppressAdditiveSet}: a
 * lone hidden group, or hidden groups together under N students, hide the smallest shown group too.
 */
public final class ObservedTrends {

  /** The name of the figures over every rater group. */
  public static final String OVERALL = "overall";

  private ObservedTrends() {}

  /**
   * Observations for the cohort statistics: per student, cohort and stage, the mean of each measure
   * over the ratings whose rater group {@code include} accepts.
   */
  public static List<Observation> observations(
      Collection<ObservedScore> scores, Predicate<String> include) {
    Map<Cell, Map<String, Double>> totals = new LinkedHashMap<>();
    Map<Cell, Map<String, int[]>> counts = new HashMap<>();
    for (ObservedScore s : scores) {
      if (!include.test(s.raterGroup())) {
        continue;
      }
      Cell cell = new Cell(s.student(), s.cohort(), s.stage(), s.stageOrder());
      Map<String, Double> t = totals.computeIfAbsent(cell, c -> new HashMap<>());
      Map<String, int[]> n = counts.computeIfAbsent(cell, c -> new HashMap<>());
      for (Map.Entry<String, Double> e : s.percents().entrySet()) {
        t.merge(e.getKey(), e.getValue(), Double::sum);
        n.computeIfAbsent(e.getKey(), k -> new int[1])[0]++;
      }
    }
    List<Observation> out = new ArrayList<>(totals.size());
    for (Cell cell : totals.keySet()) {
      Map<String, Double> means = new HashMap<>();
      Map<String, int[]> n = counts.get(cell);
      totals.get(cell).forEach((measure, sum) -> means.put(measure, sum / n.get(measure)[0]));
      out.add(new Observation(cell.student, cell.cohort, cell.stage, cell.order, means));
    }
    return out;
  }

  /**
   * Every trend figure for the scores.
   *
   * @param measures the measures to report, in order ("total" first, then domains)
   */
  public static ObservedReport analyse(
      Collection<ObservedScore> scores, List<String> measures, AnalysisSettings settings) {
    Objects.requireNonNull(settings, "settings");
    List<String> kept = List.copyOf(measures);
    CohortReport overall = CohortStatistics.analyse(dataset(scores, kept, g -> true), settings);

    TreeSet<String> groups = new TreeSet<>();
    scores.forEach(s -> groups.add(s.raterGroup()));
    Map<String, Map<SummaryCell, Summary>> byGroup = new LinkedHashMap<>();
    for (String group : groups) {
      CohortReport report =
          CohortStatistics.analyse(dataset(scores, kept, group::equals), settings);
      Map<SummaryCell, Summary> cells = new HashMap<>();
      for (Summary s : report.summaries()) {
        cells.put(new SummaryCell(s.cohort(), s.wave(), s.measure()), s);
      }
      byGroup.put(group, cells);
    }
    Map<SummaryCell, Map<String, Set<StudentKey>>> students = studentsPerGroup(scores);

    List<ObservedReport.GroupSummary> groupSummaries = new ArrayList<>();
    for (Summary total : overall.summaries()) {
      SummaryCell cell = new SummaryCell(total.cohort(), total.wave(), total.measure());
      List<String> present = new ArrayList<>();
      List<Summary> summaries = new ArrayList<>();
      for (String group : groups) {
        Summary s = byGroup.get(group).get(cell);
        if (s != null) {
          present.add(group);
          summaries.add(s);
        }
      }
      int[] sizes = new int[present.size()];
      Map<String, Set<StudentKey>> perGroup = students.getOrDefault(cell, Map.of());
      for (int i = 0; i < sizes.length; i++) {
        sizes[i] = perGroup.getOrDefault(present.get(i), Set.of()).size();
      }
      boolean[] hidden = settings.suppression().suppressAdditiveSet(sizes, !total.suppressed());
      for (int i = 0; i < sizes.length; i++) {
        Summary s = summaries.get(i);
        boolean complementary = hidden[i] && !s.suppressed();
        if (complementary) {
          s = new Summary(s.cohort(), s.wave(), s.measure(), true, null);
        }
        groupSummaries.add(new ObservedReport.GroupSummary(present.get(i), s, complementary));
      }
    }
    return new ObservedReport(settings, kept, List.copyOf(groups), overall, groupSummaries);
  }

  private static Dataset dataset(
      Collection<ObservedScore> scores, List<String> measures, Predicate<String> include) {
    Set<String> known = new HashSet<>(measures);
    Dataset.Builder builder = Dataset.builder(measures);
    for (Observation o : observations(scores, include)) {
      Map<String, Double> kept = new HashMap<>(o.scores());
      kept.keySet().retainAll(known);
      builder.add(new Observation(o.student(), o.cohort(), o.wave(), o.waveOrder(), kept));
    }
    return builder.build();
  }

  private static Map<SummaryCell, Map<String, Set<StudentKey>>> studentsPerGroup(
      Collection<ObservedScore> scores) {
    Map<SummaryCell, Map<String, Set<StudentKey>>> out = new HashMap<>();
    for (ObservedScore s : scores) {
      for (String measure : s.percents().keySet()) {
        out.computeIfAbsent(new SummaryCell(s.cohort(), s.stage(), measure), c -> new HashMap<>())
            .computeIfAbsent(s.raterGroup(), g -> new HashSet<>())
            .add(s.student());
      }
    }
    return out;
  }

  private record Cell(StudentKey student, CohortKey cohort, WaveKey stage, int order) {}

  private record SummaryCell(CohortKey cohort, WaveKey stage, String measure) {}
}
