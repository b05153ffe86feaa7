package org.rapport.lti.cohorts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.rapport.curriculum.cohorts.MatriculationYear;
import org.rapport.curriculum.cohorts.ScheduleTemplate;
import org.rapport.curriculum.cohorts.ScheduledStage;

/**
 * Creates a cohort with the waves of its tenant's schedule template, in the caller's transaction:
 * when two first students of a class arrive at once, one creation inserts the cohort and its waves
 * and the other finds that cohort.
 */
@ApplicationScoped
public class CohortCreation {
  @Inject Clock clock;

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Inject Schedules schedules;
  @Inject org.rapport.lti.persistence.InsertIfAbsent inserts;

  /** The new cohort's id; empty when the tenant already has a cohort of that year. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Long> create(long registrationId, MatriculationYear year, String label) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    LinkedHashMap<String, Object> row = new LinkedHashMap<>();
    row.put("registration_id", registrationId);
    row.put("matriculation_year", year.value());
    row.put("label", label == null || label.isBlank() ? year.cohortLabel() : label);
    row.put("created_at", now);
    if (!inserts.insert(
        "cohort", row, List.of("registration_id", "matriculation_year"), registrationId)) {
      return Optional.empty();
    }
    Cohort cohort =
        em.createQuery(
                "select c from Cohort c where c.registrationId = :r and c.matriculationYear = :y",
                Cohort.class)
            .setParameter("r", registrationId)
            .setParameter("y", year.value())
            .getSingleResult();
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
    return Optional.of(cohort.getId());
  }
}
