package org.rapport.lti.analytics;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rapport.curriculum.analytics.CohortReport;
import org.rapport.curriculum.analytics.ConfidenceInterval;
import org.rapport.curriculum.analytics.Summary;

/**
 * The current published version of each closed wave of a tenant on one instrument, with its figures
 * per measure ({@link WavePublication}). Pages, CSV exports and mail show these figures, so what
 * one reader saw stays what the next reader sees until a dated new version replaces it.
 *
 * @param waves the current versions, by {@code cohortId|stage}
 */
public record PublishedFigures(Map<String, Version> waves) {

  /** One published version of a wave. */
  public record Version(
      long cohortId,
      String stage,
      int version,
      Instant publishedAt,
      String note,
      Map<String, Figure> measures) {}

  /** One measure of a version; {@code n} and the figures are null when it is suppressed. */
  public record Figure(
      boolean suppressed,
      Integer n,
      BigDecimal mean,
      BigDecimal sd,
      BigDecimal ciLower,
      BigDecimal ciUpper,
      Integer roster) {}

  /**
   * The current versions of the tenant's waves on {@code instrument}; of one cohort, or of every
   * cohort when {@code cohortId} is null.
   */
  public static PublishedFigures load(
      Connection c, long registrationId, String instrument, Long cohortId) throws SQLException {
    Map<String, Version> waves = new LinkedHashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT p.cohort_id, p.stage, p.version, p.published_at, p.note, a.measure,"
                + " a.suppressed, a.n, a.mean_value, a.sd_value, a.ci_lower, a.ci_upper, a.roster"
                + " FROM published_wave p JOIN published_aggregate a ON a.published_wave_id = p.id"
                + " WHERE p.registration_id = ? AND p.instrument_id = ? AND p.superseded_at IS NULL"
                + (cohortId == null ? "" : " AND p.cohort_id = ?")
                + " ORDER BY p.cohort_id, p.stage, a.measure")) {
      s.setLong(1, registrationId);
      s.setString(2, instrument);
      if (cohortId != null) {
        s.setLong(3, cohortId);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          long cohort = rs.getLong(1);
          String stage = rs.getString(2);
          Version v =
              waves.computeIfAbsent(
                  cohort + "|" + stage,
                  k -> {
                    try {
                      return new Version(
                          cohort,
                          stage,
                          rs.getInt(3),
                          rs.getTimestamp(4).toInstant(),
                          rs.getString(5),
                          new LinkedHashMap<>());
                    } catch (SQLException e) {
                      throw new IllegalStateException(e);
                    }
                  });
          int n = rs.getInt(8);
          Integer shownN = rs.wasNull() ? null : n;
          int roster = rs.getInt(13);
          Integer shownRoster = rs.wasNull() ? null : roster;
          v.measures()
              .put(
                  rs.getString(6),
                  new Figure(
                      rs.getBoolean(7),
                      shownN,
                      rs.getBigDecimal(9),
                      rs.getBigDecimal(10),
                      rs.getBigDecimal(11),
                      rs.getBigDecimal(12),
                      shownRoster));
        }
      }
    }
    return new PublishedFigures(waves);
  }

  /** The published version of a cohort's wave, if there is one. */
  public Version version(long cohortId, String stage) {
    return waves.get(cohortId + "|" + stage);
  }

  /** The versions that replaced an earlier one (they carry a note), oldest wave first. */
  public List<Version> revised() {
    List<Version> out = new ArrayList<>();
    for (Version v : waves.values()) {
      if (v.note() != null) {
        out.add(v);
      }
    }
    return out;
  }

  /**
   * {@code report} with each wave's summaries replaced by the published figures (a summary without
   * published figures is hidden), so that every page and file shows what was published and nothing
   * finer.
   */
  public CohortReport apply(CohortReport report) {
    double level = report.settings().confidenceLevel();
    List<Summary> summaries = new ArrayList<>();
    Map<String, Long> ids = new HashMap<>();
    for (Summary s : report.summaries()) {
      long cohortId = ids.computeIfAbsent(s.cohort().value(), Long::parseLong);
      Version v = version(cohortId, s.wave().value());
      Figure f = v == null ? null : v.measures().get(s.measure());
      if (f == null || f.suppressed() || f.n() == null || f.mean() == null) {
        summaries.add(new Summary(s.cohort(), s.wave(), s.measure(), true, null));
        continue;
      }
      double sd = f.sd() == null ? Double.NaN : f.sd().doubleValue();
      double lower = f.ciLower() == null ? Double.NaN : f.ciLower().doubleValue();
      double upper = f.ciUpper() == null ? Double.NaN : f.ciUpper().doubleValue();
      summaries.add(
          new Summary(
              s.cohort(),
              s.wave(),
              s.measure(),
              false,
              new Summary.Figures(
                  f.n(),
                  f.mean().doubleValue(),
                  sd,
                  sd / Math.sqrt(f.n()),
                  new ConfidenceInterval(level, lower, upper),
                  f.roster(),
                  f.roster() == null ? null : (double) f.n() / f.roster())));
    }
    return new CohortReport(
        report.settings(), summaries, report.paired(), report.allStudents(), report.crossCohort());
  }
}
