package org.rapport.lti.cohorts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.rapport.curriculum.cohorts.Programme;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.cohorts.WaveWindow;
import org.rapport.curriculum.instruments.InstrumentRef;

/** Finds, creates and changes waves. */
@ApplicationScoped
@Transactional
public class Waves {
  @Inject Clock clock;

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Inject Schedules schedules;

  /** The stages of the tenant the cohort belongs to. */
  public Programme programmeOf(long cohortId) {
    Cohort cohort = em.find(Cohort.class, cohortId);
    return cohort == null ? Programme.standard() : schedules.programme(cohort.getRegistrationId());
  }

  /** The wave's stage as its tenant's programme names and orders it. */
  public TrainingStage stage(Wave wave) {
    return programmeOf(wave.getCohortId()).stage(wave.getStageCode());
  }

  public Optional<Wave> find(long id) {
    return Optional.ofNullable(em.find(Wave.class, id));
  }

  public Optional<Wave> find(long cohortId, TrainingStage stage) {
    return em.createQuery("select w from Wave w where w.cohortId = :c and w.stage = :s", Wave.class)
        .setParameter("c", cohortId)
        .setParameter("s", stage.code())
        .getResultStream()
        .findFirst();
  }

  /** The cohort's wave open on {@code today}; when windows overlap, the one closing first. */
  public Optional<Wave> openFor(long cohortId, LocalDate today) {
    return all(cohortId).stream()
        .filter(w -> w.isOpen(today))
        .min(Comparator.comparing((Wave w) -> w.window().orElseThrow().closes()));
  }

  /** The cohort's next wave to open after {@code today}. */
  public Optional<Wave> nextFor(long cohortId, LocalDate today) {
    return all(cohortId).stream()
        .filter(w -> w.window().map(win -> win.opens().isAfter(today)).orElse(false))
        .min(Comparator.comparing((Wave w) -> w.window().orElseThrow().opens()));
  }

  /** The cohort's waves in the training order of its tenant's programme. */
  public List<Wave> all(long cohortId) {
    Programme programme = programmeOf(cohortId);
    return em
        .createQuery("select w from Wave w where w.cohortId = :c", Wave.class)
        .setParameter("c", cohortId)
        .getResultList()
        .stream()
        .sorted(Comparator.comparing((Wave w) -> programme.stage(w.getStageCode())))
        .toList();
  }

  public Wave create(
      long cohortId,
      TrainingStage stage,
      WaveWindow window,
      InstrumentRef instrument,
      WaveOrigin origin) {
    Wave wave = new Wave(cohortId, stage, window, instrument, origin, OffsetDateTime.now(clock));
    em.persist(wave);
    em.flush();
    return wave;
  }

  public Wave change(Wave wave, WaveWindow window, InstrumentRef instrument) {
    Wave managed = em.merge(wave);
    managed.change(window, instrument, OffsetDateTime.now(clock));
    em.flush();
    return managed;
  }
}
