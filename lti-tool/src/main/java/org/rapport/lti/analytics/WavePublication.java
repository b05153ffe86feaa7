package org.rapport.lti.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rapport.curriculum.analytics.CohortReport;
import org.rapport.curriculum.analytics.Summary;

/**
 * Publishes the figures of closed waves, once, as dated versions ({@code published_wave} and its
 * {@code published_aggregate} rows). This is what stops a student's answers being worked out by
 * comparing two views of the same group before and after one more answer ("differencing"):
 *
 * <ul>
 *   <li>a wave's figures exist only once it has closed (its closing day is over in the assessment
 *       time zone; waves without dates, taken over from an import, count as closed);
 *   <li>a version covers the responses of the wave up to a response id, so a later answer or import
 *       does not move its figures; every analysis Rapport shows reads exactly those responses
 *       ({@link ObservationQuery});
 *   <li>a new version replaces the current one, with a dated note, only when at least the minimum
 *       group size of answers were added or removed since (or when the current version was too
 *       small to show figures at all): the difference between two versions then describes a group,
 *       never one student.
 * </ul>
 *
 * <p>Runs inside the tenant's evaluation ({@code TenantEvaluation}), on its connection and
 * transaction: {@link #prepare} before the observations are read, {@link #record} once the reports
 * are computed.
 */
public final class WavePublication {
  private WavePublication() {}

  /** A version this evaluation publishes; its figures are recorded by {@link #record}. */
  public record NewVersion(long id, long cohortId, String instrument, String stage) {}

  /** Decides, for each closed wave of the tenant, whether a version is published now. */
  public static List<NewVersion> prepare(
      Connection c, long registrationId, LocalDate today, Instant now, int minimumGroupSize)
      throws SQLException {
    record Candidate(
        long cohortId,
        String instrument,
        String stage,
        int count,
        long maxId,
        Long currentId,
        int version,
        long through,
        int respondents,
        Instant publishedAt,
        int added) {}
    List<Candidate> candidates = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT w.cohort_id, r.instrument_id, w.stage, COUNT(r.id), MAX(r.id), p.id,"
                + " p.version, p.through_response_id, p.respondents, p.published_at,"
                + " SUM(CASE WHEN r.id > p.through_response_id THEN 1 ELSE 0 END)"
                + " FROM cohort k JOIN wave w ON w.cohort_id = k.id"
                + " JOIN assessment_response r ON r.wave_id = w.id"
                + " AND r.status IN ('SUBMITTED', 'IMPORTED')"
                + " JOIN assessment_score s ON s.response_id = r.id"
                + " AND s.scored_with_version = r.score_version AND s.status <> 'INCOMPLETE'"
                + " LEFT JOIN published_wave p ON p.cohort_id = w.cohort_id"
                + " AND p.instrument_id = r.instrument_id AND p.stage = w.stage"
                + " AND p.superseded_at IS NULL"
                + " WHERE k.registration_id = ? AND (w.closes_on IS NULL OR w.closes_on < ?)"
                + " GROUP BY w.cohort_id, r.instrument_id, w.stage, p.id, p.version,"
                + " p.through_response_id, p.respondents, p.published_at")) {
      s.setLong(1, registrationId);
      s.setDate(2, Date.valueOf(today));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          long current = rs.getLong(6);
          boolean published = !rs.wasNull();
          candidates.add(
              new Candidate(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getInt(4),
                  rs.getLong(5),
                  published ? current : null,
                  published ? rs.getInt(7) : 0,
                  published ? rs.getLong(8) : 0,
                  published ? rs.getInt(9) : 0,
                  published ? rs.getTimestamp(10).toInstant() : null,
                  published ? rs.getInt(11) : rs.getInt(4)));
        }
      }
    }
    List<NewVersion> published = new ArrayList<>();
    try (PreparedStatement old =
            c.prepareStatement("UPDATE published_wave SET superseded_at = ? WHERE id = ?");
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO published_wave (registration_id, cohort_id, instrument_id, stage,"
                    + " version, published_at, through_response_id, respondents, note)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new String[] {"id"})) {
      for (Candidate k : candidates) {
        String note;
        if (k.currentId() == null) {
          note = null;
        } else {
          int kept = k.count() - k.added();
          int removed = Math.max(0, k.respondents() - kept);
          boolean wasHidden = k.respondents() < minimumGroupSize;
          boolean publish =
              wasHidden ? k.count() >= minimumGroupSize : k.added() + removed >= minimumGroupSize;
          if (!publish) {
            continue; // fewer changes than the minimum group size stay unpublished: see above
          }
          note =
              "Version "
                  + (k.version() + 1)
                  + ", published "
                  + day(now)
                  + ", replaces version "
                  + k.version()
                  + " of "
                  + day(k.publishedAt())
                  + ": "
                  + (wasHidden
                      ? "enough students have now answered for figures to be shown"
                      : k.added()
                          + " answer(s) added and "
                          + removed
                          + " removed after the wave closed (a late import or a correction)")
                  + ".";
          old.setTimestamp(1, Timestamp.from(now));
          old.setLong(2, k.currentId());
          old.executeUpdate();
        }
        insert.setLong(1, registrationId);
        insert.setLong(2, k.cohortId());
        insert.setString(3, k.instrument());
        insert.setString(4, k.stage());
        insert.setInt(5, k.version() + 1);
        insert.setTimestamp(6, Timestamp.from(now));
        insert.setLong(7, k.maxId());
        insert.setInt(8, k.count());
        if (note == null) {
          insert.setNull(9, Types.VARCHAR);
        } else {
          insert.setString(9, note);
        }
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
          keys.next();
          published.add(new NewVersion(keys.getLong(1), k.cohortId(), k.instrument(), k.stage()));
        }
      }
    }
    return published;
  }

  /**
   * Records the figures of the versions {@link #prepare} published, per measure, from the reports
   * computed on the published responses, at one decimal.
   */
  public static void record(
      Connection c, List<NewVersion> versions, Map<String, CohortReport> reports)
      throws SQLException {
    if (versions.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO published_aggregate (published_wave_id, measure, suppressed, n,"
                + " mean_value, sd_value, ci_lower, ci_upper, roster)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      // Each version's summaries, found by cohort and wave: a first evaluation publishes
      // thousands of versions, and scanning every summary for each took longer than the rest.
      Map<String, Map<List<Object>, List<Summary>>> byWave = new HashMap<>();
      for (NewVersion v : versions) {
        CohortReport report = reports.get(v.instrument());
        if (report == null) {
          continue;
        }
        Map<List<Object>, List<Summary>> waves =
            byWave.computeIfAbsent(v.instrument(), i -> summariesByWave(report));
        for (Summary s :
            waves.getOrDefault(List.of(CohortInfo.key(v.cohortId()), v.stage()), List.of())) {
          insert.setLong(1, v.id());
          insert.setString(2, s.measure());
          insert.setBoolean(3, s.suppressed());
          if (s.suppressed()) {
            for (int i = 4; i <= 9; i++) {
              insert.setNull(i, i == 4 || i == 9 ? Types.INTEGER : Types.DECIMAL);
            }
          } else {
            Summary.Figures f = s.figures();
            insert.setInt(4, f.n());
            decimal(insert, 5, f.mean());
            decimal(insert, 6, f.sd());
            decimal(insert, 7, f.ci().lower());
            decimal(insert, 8, f.ci().upper());
            if (f.rosterSize() == null) {
              insert.setNull(9, Types.INTEGER);
            } else {
              insert.setInt(9, f.rosterSize());
            }
          }
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
  }

  /** A report's summaries by cohort and wave name, in the report's order. */
  private static Map<List<Object>, List<Summary>> summariesByWave(CohortReport report) {
    Map<List<Object>, List<Summary>> byWave = new HashMap<>();
    for (Summary s : report.summaries()) {
      byWave.computeIfAbsent(List.of(s.cohort(), s.wave().value()), k -> new ArrayList<>()).add(s);
    }
    return byWave;
  }

  /** Published precision: one decimal, what decisions about a cohort need. */
  static BigDecimal oneDecimal(double v) {
    return Double.isFinite(v) ? BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP) : null;
  }

  private static void decimal(PreparedStatement s, int index, double v) throws SQLException {
    BigDecimal rounded = oneDecimal(v);
    if (rounded == null) {
      s.setNull(index, Types.DECIMAL);
    } else {
      s.setBigDecimal(index, rounded);
    }
  }

  static String day(Instant instant) {
    return instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
  }
}
