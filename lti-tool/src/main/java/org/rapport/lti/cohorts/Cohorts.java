package org.rapport.lti.cohorts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Comparator;
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
    try {
      return em.find(Cohort.class, creation.create(registrationId, year, null));
    } catch (RuntimeException raced) {
      // Another request created it first (unique registration and year); use that one.
      return find(registrationId, year).orElseThrow(() -> raced);
    }
  }

  /** Creates a cohort; empty when the tenant already has one for that year. */
  public Optional<Cohort> create(long registrationId, MatriculationYear year, String label) {
    if (find(registrationId, year).isPresent()) {
      return Optional.empty();
    }
    try {
      return Optional.of(em.find(Cohort.class, creation.create(registrationId, year, label)));
    } catch (RuntimeException raced) {
      if (find(registrationId, year).isPresent()) {
        return Optional.empty();
      }
      throw raced;
    }
  }

  /** The cohort's waves in training order. */
  public List<Wave> waves(long cohortId) {
    return em
        .createQuery("select w from Wave w where w.cohortId = :c", Wave.class)
        .setParameter("c", cohortId)
        .getResultList()
        .stream()
        .sorted(Comparator.comparing(Wave::getStage))
        .toList();
  }

  public long students(long cohortId) {
    return em.createQuery("select count(s) from Student s where s.cohortId = :c", Long.class)
        .setParameter("c", cohortId)
        .getSingleResult();
  }
}
