package org.rapport.curriculum.alerts;

import org.rapport.curriculum.analytics.CohortReport;
import org.rapport.curriculum.analytics.CohortStatistics;
import org.rapport.curriculum.analytics.Dataset;

/** Entry point: statistics for every cohort of a dataset, then the rule's decline findings. */
public final class CohortAnalytics {

  private CohortAnalytics() {}

  public static CohortEvaluation evaluate(Dataset dataset, AlertRule rule) {
    CohortReport report = CohortStatistics.analyse(dataset, rule.analysisSettings());
    return new CohortEvaluation(report, DeclineDetector.detect(report, rule));
  }
}
