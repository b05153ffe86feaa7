package org.rapport.lti.cohorts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.rapport.curriculum.cohorts.MatriculationYear;
import org.rapport.curriculum.cohorts.ScheduleTemplate;
import org.rapport.curriculum.cohorts.ScheduledStage;

/**
 * Creates a cohort with the waves of its tenant's schedule template, in a transaction of its own:
 * when two first students of a class arrive at once, one creation wins and the other finds it.
 */
@ApplicationScoped
public class CohortCreation {
  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Inject Schedules schedules;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public long create(long registrationId, MatriculationYear year, String label) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    Cohort cohort =
        new Cohort(
            registrationId,
            year,
            label == null || label.isBlank() ? year.cohortLabel() : label,
            now);
    em.persist(cohort);
    em.flush();
    ScheduleTemplate template = schedules.forTenant(registrationId).template();
    for (ScheduledStage stage : template.stages()) {
      em.persist(
          new Wave(
              cohort.getId(),
              stage.stage(),
              template.window(year, stage),
              stage.instrument(),
              WaveOrigin.TEMPLATE,
              now));
    }
    em.flush();
    return cohort.getId();
  }
}
