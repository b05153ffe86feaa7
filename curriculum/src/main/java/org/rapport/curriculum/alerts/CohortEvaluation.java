package org.rapport.curriculum.alerts;

import java.util.List;
import java.util.Objects;
import org.rapport.curriculum.analytics.CohortReport;
import org.rapport.curriculum.analytics.Summary;

/** The statistics of a dataset and the declines they show under one rule. */
public record CohortEvaluation(CohortReport report, List<DeclineFinding> findings) {
  public CohortEvaluation {
    Objects.requireNonNull(report, "report");
    findings = List.copyOf(findings);
  }

  public List<Summary> summaries() {
    return report.summaries();
  }
}
