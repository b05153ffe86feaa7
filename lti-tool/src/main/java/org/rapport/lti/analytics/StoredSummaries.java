package org.rapport.lti.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rapport.curriculum.analytics.CohortReport;
import org.rapport.curriculum.analytics.ReferenceSummary;
import org.rapport.curriculum.analytics.SmallCellSuppression;
import org.rapport.curriculum.analytics.Summary;
import org.rapport.curriculum.analytics.WaveKey;

/**
 * The {@code cohort_summary} table: every cohort's shown summaries as of the tenant's last
 * evaluation, so that one cohort's dashboard compares it with all earlier cohorts by reading a few
 * rows per cohort instead of their individual scores. Only group figures are stored, never a
 * student's score, and only summaries that were shown; a reader drops those the current rule would
 * hide.
 *
 * <p>Plain JDBC on the caller's connection and transaction.
 */
public final class StoredSummaries {
  private StoredSummaries() {}

  /** Replaces the tenant's stored summaries with the shown summaries of {@code reports}. */
  public static void replace(
      Connection c,
      long registrationId,
      Map<String, CohortReport> reports,
      TenantObservations observations)
      throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement("DELETE FROM cohort_summary WHERE registration_id = ?")) {
      delete.setLong(1, registrationId);
      delete.executeUpdate();
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO cohort_summary (registration_id, cohort_id, instrument_id, stage, measure,"
                + " n, mean_value, m2, roster) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int batched = 0;
      for (Map.Entry<String, CohortReport> e : reports.entrySet()) {
        for (Summary s : e.getValue().summaries()) {
          CohortInfo cohort = observations.cohort(s.cohort()).orElse(null);
          if (s.suppressed() || cohort == null) {
            continue;
          }
          ReferenceSummary r = ReferenceSummary.of(s, cohort.matriculationYear());
          insert.setLong(1, registrationId);
          insert.setLong(2, cohort.id());
          insert.setString(3, e.getKey());
          insert.setString(4, r.wave().value());
          insert.setString(5, r.measure());
          insert.setInt(6, r.n());
          insert.setDouble(7, r.mean());
          insert.setDouble(8, r.m2());
          if (r.rosterSize() == null) {
            insert.setNull(9, Types.INTEGER);
          } else {
            insert.setInt(9, r.rosterSize());
          }
          insert.addBatch();
          if (++batched % 1000 == 0) {
            insert.executeBatch();
          }
        }
      }
      if (batched % 1000 != 0) {
        insert.executeBatch();
      }
    }
  }

  /**
   * The stored summaries of the tenant's cohorts that matriculated before {@code year} on {@code
   * instrument}, less those {@code suppression} hides.
   */
  public static List<ReferenceSummary> before(
      Connection c,
      long registrationId,
      String instrument,
      int year,
      SmallCellSuppression suppression)
      throws SQLException {
    List<ReferenceSummary> out = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT s.cohort_id, k.matriculation_year, s.stage, s.measure, s.n, s.mean_value,"
                + " s.m2, s.roster FROM cohort_summary s JOIN cohort k ON k.id = s.cohort_id"
                + " WHERE s.registration_id = ? AND s.instrument_id = ?"
                + " AND k.matriculation_year < ?")) {
      s.setLong(1, registrationId);
      s.setString(2, instrument);
      s.setInt(3, year);
      s.setFetchSize(10_000);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          int n = rs.getInt(5);
          if (suppression.suppresses(n)) {
            continue;
          }
          int roster = rs.getInt(8);
          boolean rosterKnown = !rs.wasNull();
          out.add(
              new ReferenceSummary(
                  CohortInfo.key(rs.getLong(1)),
                  rs.getInt(2),
                  new WaveKey(rs.getString(3)),
                  rs.getString(4),
                  n,
                  rs.getDouble(6),
                  rs.getDouble(7),
                  rosterKnown ? roster : null));
        }
      }
    }
    return out;
  }
}
