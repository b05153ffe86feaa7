package org.rapport.lti.cohorts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.rapport.curriculum.cohorts.MatriculationYear;

/** Finds and creates cohorts; a new cohort gets its waves from the tenant's schedule template. */
@ApplicationScoped
@Transactional
public class Cohorts {
  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Inject CohortCreation creation;
  @Inject Waves waves;

  public Optional<Cohort> find(long id) {
    return Optional.ofNullable(em.find(Cohort.class, id));
  }

  public Optional<Cohort> find(long registrationId, MatriculationYear year) {
    return em.createQuery(
            "select c from Cohort c where c.registrationId = :r and c.matriculationYear = :y",
            Cohort.class)
        .setParameter("r", registrationId)
        .setParameter("y", year.value())
        .getResultStream()
        .findFirst();
  }

  public List<Cohort> all(long registrationId) {
    return em.createQuery(
            "select c from Cohort c where c.registrationId = :r order by c.matriculationYear desc",
            Cohort.class)
        .setParameter("r", registrationId)
        .getResultList();
  }

  /** The tenant's cohort of {@code year}, created with its waves when it does not exist yet. */
  public Cohort findOrCreate(long registrationId, MatriculationYear year) {
    Optional<Cohort> existing = find(registrationId, year);
    if (existing.isPresent()) {
      return existing.get();
    }
    // When another request created it at the same moment, creation does nothing and we read it.
    creation.create(registrationId, year, null);
    return find(registrationId, year).orElseThrow();
  }

  /** Creates a cohort; empty when the tenant already has one for that year. */
  public Optional<Cohort> create(long registrationId, MatriculationYear year, String label) {
    if (find(registrationId, year).isPresent()) {
      return Optional.empty();
    }
    return creation.create(registrationId, year, label).map(id -> em.find(Cohort.class, id));
  }

  /** The cohort's waves in training order. */
  public List<Wave> waves(long cohortId) {
    return waves.all(cohortId);
  }

  public long students(long cohortId) {
    return em.createQuery("select count(s) from Student s where s.cohortId = :c", Long.class)
        .setParameter("c", cohortId)
        .getSingleResult();
  }
}
