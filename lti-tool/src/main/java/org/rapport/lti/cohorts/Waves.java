package org.rapport.lti.cohorts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.cohorts.WaveWindow;
import org.rapport.curriculum.instruments.InstrumentRef;

/** Finds, creates and changes waves. */
@ApplicationScoped
@Transactional
public class Waves {
  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  public Optional<Wave> find(long id) {
    return Optional.ofNullable(em.find(Wave.class, id));
  }

  public Optional<Wave> find(long cohortId, TrainingStage stage) {
    return em.createQuery("select w from Wave w where w.cohortId = :c and w.stage = :s", Wave.class)
        .setParameter("c", cohortId)
        .setParameter("s", stage)
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

  public List<Wave> all(long cohortId) {
    return em
        .createQuery("select w from Wave w where w.cohortId = :c", Wave.class)
        .setParameter("c", cohortId)
        .getResultList()
        .stream()
        .sorted(Comparator.comparing(Wave::getStage))
        .toList();
  }

  public Wave create(
      long cohortId,
      TrainingStage stage,
      WaveWindow window,
      InstrumentRef instrument,
      WaveOrigin origin) {
    Wave wave =
        new Wave(cohortId, stage, window, instrument, origin, OffsetDateTime.now(ZoneOffset.UTC));
    em.persist(wave);
    em.flush();
    return wave;
  }

  public Wave change(Wave wave, WaveWindow window, InstrumentRef instrument) {
    Wave managed = em.merge(wave);
    managed.change(window, instrument, OffsetDateTime.now(ZoneOffset.UTC));
    em.flush();
    return managed;
  }
}
