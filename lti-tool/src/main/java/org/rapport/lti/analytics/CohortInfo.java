package org.rapport.lti.analytics;

import org.rapport.curriculum.analytics.CohortKey;

/**
 * A cohort of a tenant as the analytics name it.
 *
 * @param rosterSize students assigned to the cohort; {@code null} when none are (response rates are
 *     then unknown)
 */
public record CohortInfo(long id, int matriculationYear, String label, Integer rosterSize) {

  public CohortKey key() {
    return key(id);
  }

  public static CohortKey key(long cohortId) {
    return new CohortKey(Long.toString(cohortId));
  }
}
