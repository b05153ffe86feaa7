package org.rapport.curriculum.analytics;

import java.util.List;
import java.util.Objects;

/**
 * Every aggregate computed for a dataset, each already through small-cell suppression. Lists are in
 * cohort order (matriculation year), then measure order, then wave order.
 *
 * @param paired consecutive waves and baseline → each later wave, matched students
 * @param allStudents the same wave pairs from the random-intercept model on all students
 * @param crossCohort each cohort against its pooled earlier cohorts, per wave
 */
public record CohortReport(
    AnalysisSettings settings,
    List<Summary> summaries,
    List<PairedComparison> paired,
    List<MixedModelContrast> allStudents,
    List<CrossCohortComparison> crossCohort) {

  public CohortReport {
    Objects.requireNonNull(settings, "settings");
    summaries = List.copyOf(summaries);
    paired = List.copyOf(paired);
    allStudents = List.copyOf(allStudents);
    crossCohort = List.copyOf(crossCohort);
  }
}
