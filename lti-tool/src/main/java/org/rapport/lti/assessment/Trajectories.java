package org.rapport.lti.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rapport.curriculum.analytics.SmallCellSuppression;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.curriculum.instruments.SubscaleId;
import org.rapport.lti.cohorts.Wave;
import org.rapport.lti.cohorts.Waves;
import org.rapport.lti.instruments.Instruments;
import org.rapport.lti.modules.MinimumGroupSize;

/**
 * Builds a student's trajectories from their submitted and imported responses, with the cohort mean
 * of each wave when enough students answered it ({@link SmallCellSuppression}).
 */
@ApplicationScoped
@Transactional
public class Trajectories {
  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Inject Responses responses;
  @Inject ScoreStore scores;
  @Inject Waves waves;
  @Inject Instruments instruments;
  @Inject MinimumGroupSize groupSize;

  /** One trajectory per instrument, the instrument answered most recently first. */
  public List<Trajectory> of(long studentId) {
    SmallCellSuppression suppression = groupSize.rule();
    Map<String, List<Trajectory.Point>> byInstrument = new LinkedHashMap<>();
    Map<String, InstrumentRef> newest = new LinkedHashMap<>();
    for (AssessmentResponse r : responses.of(studentId)) {
      if (!r.getStatus().isFinal() || r.getScoreVersion() == null) {
        continue;
      }
      Optional<ScoreStore.StoredScore> stored = scores.find(r.getId(), r.getScoreVersion());
      Optional<Wave> wave = waves.find(r.getWaveId());
      InstrumentRef scoredWith = InstrumentRef.of(r.getInstrumentId(), r.getScoreVersion());
      Optional<Instrument> definition = instruments.find(scoredWith);
      if (stored.isEmpty() || wave.isEmpty() || definition.isEmpty()) {
        continue;
      }
      List<Trajectory.SubscalePoint> subscales = new ArrayList<>();
      for (SubscaleScoreRecord s : stored.get().subscales()) {
        String label =
            definition
                .get()
                .subscale(SubscaleId.of(s.getSubscaleId()))
                .map(x -> x.label())
                .orElse(s.getSubscaleId());
        subscales.add(new Trajectory.SubscalePoint(s.getSubscaleId(), label, s.getValue()));
      }
      subscales.sort(Comparator.comparingInt(p -> indexOf(definition.get(), p.id())));
      ResponseScore total = stored.get().total();
      LocalDate date =
          r.getCompletedOn() != null
              ? r.getCompletedOn()
              : wave.get().window().map(w -> w.opens()).orElse(null);
      byInstrument
          .computeIfAbsent(r.getInstrumentId(), k -> new ArrayList<>())
          .add(
              new Trajectory.Point(
                  wave.get().getId(),
                  waves.stage(wave.get()),
                  date,
                  r.getScoreVersion(),
                  total.getValue(),
                  "PRORATED".equals(total.getStatus()),
                  r.getStatus() == ResponseStatus.IMPORTED,
                  subscales,
                  cohortMean(r, suppression)));
      newest.merge(r.getInstrumentId(), scoredWith, (a, b) -> a.version() >= b.version() ? a : b);
    }
    List<Trajectory> trajectories = new ArrayList<>();
    byInstrument.forEach(
        (id, points) -> {
          points.sort(Comparator.comparing(Trajectory.Point::stage));
          trajectories.add(new Trajectory(instruments.get(newest.get(id)), List.copyOf(points)));
        });
    trajectories.sort(
        Comparator.comparing((Trajectory t) -> t.points().get(t.points().size() - 1).stage())
            .reversed());
    return trajectories;
  }

  /**
   * The class mean for the wave and instrument of {@code r}, as published once the wave closed
   * ({@link org.rapport.lti.analytics.WavePublication}): never a live figure, so two looks before
   * and after a classmate answers show the same number and cannot reveal that classmate's score.
   */
  Trajectory.CohortMean cohortMean(AssessmentResponse r, SmallCellSuppression suppression) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT a.mean_value, a.n, p.published_at, p.note FROM wave w JOIN published_wave"
                    + " p ON p.cohort_id = w.cohort_id AND p.stage = w.stage"
                    + " AND p.superseded_at IS NULL JOIN published_aggregate a"
                    + " ON a.published_wave_id = p.id AND a.measure = 'total'"
                    + " WHERE w.id = ? AND p.instrument_id = ? AND a.suppressed = FALSE")
            .setParameter(1, r.getWaveId())
            .setParameter(2, r.getInstrumentId())
            .getResultList();
    if (rows.isEmpty() || rows.get(0)[0] == null) {
      return new Trajectory.CohortMean(
          Optional.empty(), 0, suppression.minimumGroupSize(), null, null);
    }
    Object[] row = rows.get(0);
    BigDecimal mean = new BigDecimal(row[0].toString()).setScale(1, RoundingMode.HALF_UP);
    java.time.Instant published =
        row[2] instanceof java.sql.Timestamp t
            ? t.toInstant()
            : row[2] instanceof java.time.OffsetDateTime o
                ? o.toInstant()
                : java.time.Instant.parse(row[2].toString());
    return new Trajectory.CohortMean(
        Optional.of(mean),
        ((Number) row[1]).longValue(),
        suppression.minimumGroupSize(),
        Days.of(published.atZone(java.time.ZoneOffset.UTC).toLocalDate()),
        row[3] == null ? null : row[3].toString());
  }

  private static int indexOf(Instrument instrument, String subscale) {
    for (int i = 0; i < instrument.subscales().size(); i++) {
      if (instrument.subscales().get(i).id().value().equals(subscale)) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }
}
