package org.rapport.lti.analytics;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.rapport.curriculum.analytics.CohortKey;
import org.rapport.curriculum.analytics.StudentKey;
import org.rapport.curriculum.analytics.WaveKey;
import org.rapport.curriculum.cohorts.Programme;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.InstrumentCatalog;
import org.rapport.curriculum.instruments.InstrumentId;
import org.rapport.curriculum.instruments.SubscaleId;
import org.rapport.curriculum.observed.GapStatistics;
import org.rapport.curriculum.observed.ObservedScore;
import org.rapport.curriculum.observed.PercentOfScale;
import org.rapport.curriculum.observed.SelfFigures;

/**
 * Reads a tenant's observed ratings for the cohort figures, in percent of scale (each rating on its
 * own form's range, total and per domain), and the cohort's published self-assessment figures on
 * the same scale. A rating counts toward its student's cohort at its session's training stage; a
 * rating without a score (INCOMPLETE), of a session without a stage, of a student without a cohort,
 * or on a form the catalog does not know is left out.
 *
 * <p>The self side is only ever the published aggregate of {@value #SELF_INSTRUMENT} (the
 * instrument whose domains the observed forms share): never an individual's score, never a figure
 * that has not been published.
 *
 * <p>Plain JDBC on a connection the caller owns.
 */
public final class ObservedScores {
  private static final Logger LOG = Logger.getLogger(ObservedScores.class.getName());

  /** The self-assessment whose published figures the observed ratings are set against. */
  public static final String SELF_INSTRUMENT = "rapport-empathy";

  private ObservedScores() {}

  /**
   * One scored observed rating.
   *
   * @param encounterId the encounter rated, for rater agreement
   * @param raterId the rater, in invitation order within the encounter
   */
  public record Rating(long encounterId, long raterId, long cohortId, ObservedScore score) {}

  /** The tenant's scored observed ratings, ordered by encounter and rater. */
  public static List<Rating> load(
      Connection c, long registrationId, InstrumentCatalog catalog, Programme programme)
      throws SQLException {
    Map<Long, Row> rows = new LinkedHashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT o.id, e.id, r.id, e.student_id, st.cohort_id, s.stage, r.rater_type,"
                + " r.form_id, r.form_version, o.score_value, sub.subscale_id, sub.score_value"
                + " FROM observed_rating o"
                + " JOIN encounter_rater r ON r.id = o.rater_id"
                + " JOIN encounter e ON e.id = r.encounter_id"
                + " JOIN encounter_session s ON s.id = e.session_id"
                + " JOIN student st ON st.id = e.student_id"
                + " LEFT JOIN observed_rating_subscale sub ON sub.rating_id = o.id"
                + " WHERE s.registration_id = ? AND st.registration_id = ?"
                + " AND s.stage IS NOT NULL AND st.cohort_id IS NOT NULL"
                + " AND o.score_value IS NOT NULL AND o.status <> 'INCOMPLETE'"
                + " ORDER BY e.id, r.id")) {
      s.setLong(1, registrationId);
      s.setLong(2, registrationId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          long ratingId = rs.getLong(1);
          Row row = rows.get(ratingId);
          if (row == null) {
            row =
                new Row(
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getLong(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getInt(9),
                    rs.getBigDecimal(10),
                    new LinkedHashMap<>());
            rows.put(ratingId, row);
          }
          String subscale = rs.getString(11);
          if (subscale != null) {
            row.subscales.put(subscale, rs.getBigDecimal(12));
          }
        }
      }
    }
    Map<String, Optional<Instrument>> forms = new HashMap<>();
    List<Rating> out = new ArrayList<>(rows.size());
    for (Row row : rows.values()) {
      Optional<Instrument> form =
          forms.computeIfAbsent(row.formId + "@" + row.formVersion, k -> find(catalog, row));
      if (form.isEmpty()) {
        continue;
      }
      Map<String, Double> percents = new LinkedHashMap<>();
      try {
        percents.put(
            ObservationQuery.TOTAL,
            PercentOfScale.of(form.get().scoreRange()).percent(row.total.doubleValue()));
        for (Map.Entry<String, BigDecimal> sub : row.subscales.entrySet()) {
          SubscaleId id = SubscaleId.of(sub.getKey());
          if (form.get().subscale(id).isPresent()) {
            percents.put(
                sub.getKey(),
                PercentOfScale.of(form.get().scoreRange(id)).percent(sub.getValue().doubleValue()));
          }
        }
      } catch (IllegalArgumentException e) {
        LOG.warning(
            () -> "Observed rating of rater " + row.raterId + " left out: " + e.getMessage());
        continue;
      }
      out.add(
          new Rating(
              row.encounterId,
              row.raterId,
              row.cohortId,
              new ObservedScore(
                  new StudentKey(Long.toString(row.studentId)),
                  CohortInfo.key(row.cohortId),
                  new WaveKey(row.stage),
                  programme.stage(row.stage).order(),
                  row.raterType,
                  percents)));
    }
    return out;
  }

  private static Optional<Instrument> find(InstrumentCatalog catalog, Row row) {
    try {
      return catalog.find(InstrumentId.of(row.formId), row.formVersion);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The published self-assessment figures of the tenant's cohorts (current versions, shown cells
   * with an SD) on {@value #SELF_INSTRUMENT}, in percent of its newest version's ranges.
   */
  public static List<SelfFigures> publishedSelf(
      Connection c, long registrationId, InstrumentCatalog catalog) throws SQLException {
    Optional<Instrument> instrument = catalog.latest(InstrumentId.of(SELF_INSTRUMENT));
    if (instrument.isEmpty()) {
      return List.of();
    }
    List<SelfFigures> out = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT p.cohort_id, p.stage, a.measure, a.n, a.mean_value, a.sd_value"
                + " FROM published_wave p JOIN published_aggregate a ON a.published_wave_id = p.id"
                + " WHERE p.registration_id = ? AND p.instrument_id = ?"
                + " AND p.superseded_at IS NULL AND a.suppressed = FALSE AND a.n IS NOT NULL"
                + " AND a.mean_value IS NOT NULL AND a.sd_value IS NOT NULL"
                + " ORDER BY p.cohort_id, p.stage, a.measure")) {
      s.setLong(1, registrationId);
      s.setString(2, SELF_INSTRUMENT);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String measure = rs.getString(3);
          PercentOfScale scale;
          try {
            scale =
                ObservationQuery.TOTAL.equals(measure)
                    ? PercentOfScale.of(instrument.get().scoreRange())
                    : instrument
                        .get()
                        .subscale(SubscaleId.of(measure))
                        .map(x -> PercentOfScale.of(instrument.get().scoreRange(x.id())))
                        .orElse(null);
          } catch (RuntimeException e) {
            scale = null;
          }
          double mean = rs.getBigDecimal(5).doubleValue();
          if (scale == null || mean < scale.min() || mean > scale.max()) {
            continue;
          }
          out.add(
              new SelfFigures(
                  CohortInfo.key(rs.getLong(1)),
                  new WaveKey(rs.getString(2)),
                  measure,
                  new GapStatistics.Group(
                      rs.getInt(4),
                      scale.percent(mean),
                      scale.points(rs.getBigDecimal(6).doubleValue()))));
        }
      }
    }
    return out;
  }

  private record Row(
      long encounterId,
      long raterId,
      long studentId,
      long cohortId,
      String stage,
      String raterType,
      String formId,
      int formVersion,
      BigDecimal total,
      Map<String, BigDecimal> subscales) {}

  /** The cohorts named by ratings, for pages: id → key. */
  public static Map<Long, CohortKey> cohorts(List<Rating> ratings) {
    Map<Long, CohortKey> out = new LinkedHashMap<>();
    for (Rating r : ratings) {
      out.putIfAbsent(r.cohortId(), r.score().cohort());
    }
    return out;
  }
}
