package org.rapport.lti.analytics;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rapport.curriculum.analytics.CohortKey;
import org.rapport.curriculum.analytics.Dataset;
import org.rapport.curriculum.cohorts.Programme;

/**
 * A tenant's scored self-assessments: its cohorts (by id, with roster sizes) and one dataset per
 * instrument, since scores of different instruments are on different scales and never pooled.
 *
 * @param datasets instrument id → dataset, instruments with the most responses first
 * @param programme the tenant's stages, which name and order the waves
 */
public record TenantObservations(
    long registrationId,
    Map<Long, CohortInfo> cohorts,
    Map<String, Dataset> datasets,
    Programme programme) {

  public TenantObservations {
    cohorts = Map.copyOf(cohorts);
  }

  /** Observations of a tenant on Rapport's standard programme. */
  public TenantObservations(
      long registrationId, Map<Long, CohortInfo> cohorts, Map<String, Dataset> datasets) {
    this(registrationId, cohorts, datasets, Programme.standard());
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
