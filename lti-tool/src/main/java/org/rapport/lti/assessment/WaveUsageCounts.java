package org.rapport.lti.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.rapport.lti.cohorts.WaveUsage;

/** Counts a wave's responses by status for the cohort pages and API. */
@ApplicationScoped
@Transactional
public class WaveUsageCounts implements WaveUsage {
  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Override
  public Counts counts(long waveId) {
    long drafts = 0;
    long submitted = 0;
    long imported = 0;
    for (Object[] row :
        em.createQuery(
                "select r.status, count(r) from AssessmentResponse r where r.waveId = :w group by"
                    + " r.status",
                Object[].class)
            .setParameter("w", waveId)
            .getResultList()) {
      long n = ((Number) row[1]).longValue();
      switch ((ResponseStatus) row[0]) {
        case DRAFT -> drafts = n;
        case SUBMITTED -> submitted = n;
        case IMPORTED -> imported = n;
      }
    }
    return new Counts(drafts, submitted, imported);
  }
}
