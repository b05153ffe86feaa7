package org.rapport.curriculum.analytics;

import java.util.EnumSet;
import org.rapport.curriculum.alerts.AlertRule;
import org.rapport.curriculum.alerts.CohortAnalytics;
import org.rapport.curriculum.alerts.CohortEvaluation;
import org.rapport.curriculum.alerts.ComparisonKind;
import org.rapport.curriculum.analytics.testdata.SyntheticCohorts;

/**
 * Timing printout, not a test: a consortium of 200,000 students × 6 waves (1,000 cohorts of 200),
 * every comparison switched on. Run after {@code mvn -pl curriculum test-compile}:
 *
 * <pre>
 * java -cp curriculum/target/classes:curriculum/target/test-classes:$HOME/.m2/repository/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar \
 *   org.rapport.curriculum.analytics.AnalyticsBenchmark
 * </pre>
 */
public final class AnalyticsBenchmark {
  public static void main(String[] args) {
    int cohorts = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int size = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    SyntheticCohorts generator = SyntheticCohorts.seed(20260101L);
    for (int c = 0; c < cohorts; c++) {
      generator.cohort(
          "school" + (c / 10) + "/" + (2020 + c % 10),
          2020 + c % 10,
          size,
          6,
          0.15,
          c % 3 == 0
              ? new SyntheticCohorts.Decline[] {new SyntheticCohorts.Decline(2, 3, 4)}
              : new SyntheticCohorts.Decline[0]);
    }
    long t0 = System.nanoTime();
    Dataset dataset = generator.build();
    long t1 = System.nanoTime();
    AlertRule rule = AlertRule.defaults().withComparisons(EnumSet.allOf(ComparisonKind.class));
    for (int run = 0; run < 3; run++) {
      long a = System.nanoTime();
      CohortEvaluation evaluation = CohortAnalytics.evaluate(dataset, rule);
      long b = System.nanoTime();
      System.out.printf(
          "run %d: evaluate %.0f ms (%d summaries, %d paired, %d mixed, %d cross, %d findings)%n",
          run,
          (b - a) / 1e6,
          evaluation.summaries().size(),
          evaluation.report().paired().size(),
          evaluation.report().allStudents().size(),
          evaluation.report().crossCohort().size(),
          evaluation.findings().size());
    }
    System.out.printf(
        "generate + build dataset: %.0f ms for %d students x 6 waves, %d cores%n",
        (t1 - t0) / 1e6, cohorts * size, Runtime.getRuntime().availableProcessors());
  }
}
