package org.rapport.lti.analytics;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rapport.curriculum.analytics.CohortKey;
import org.rapport.curriculum.analytics.Dataset;

/**
 * A tenant's scored self-assessments: its cohorts (by id, with roster sizes) and one dataset per
 * instrument, since scores of different instruments are on different scales and never pooled.
 *
 * @param datasets instrument id → dataset, instruments with the most responses first
 */
public record TenantObservations(
    long registrationId, Map<Long, CohortInfo> cohorts, Map<String, Dataset> datasets) {

  public TenantObservations {
    cohorts = Map.copyOf(cohorts);
  }

  public Optional<CohortInfo> cohort(CohortKey key) {
    try {
      return Optional.ofNullable(cohorts.get(Long.parseLong(key.value())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  public List<String> instruments() {
    return List.copyOf(datasets.keySet());
  }
}
