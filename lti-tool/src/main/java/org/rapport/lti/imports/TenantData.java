package org.rapport.lti.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.imports.HistoricalResult;

/**
 * What a tenant already holds that an import must respect, read with a few JDBC queries: cohorts,
 * waves, students (by pseudonym) and the keys of their responses with the fingerprint of imported
 * ones. Kept in memory for the duration of one import.
 */
final class TenantData {
  /** A student known to the tenant. */
  record KnownStudent(long id, Integer cohortYear) {}

  /** A response the tenant holds for a result key. */
  record KnownResponse(long id, String status, String fingerprint) {}

  final Map<Integer, Long> cohortByYear = new HashMap<>();
  final Map<String, Long> waveByCohortAndStage = new HashMap<>();
  final Map<String, KnownStudent> studentByPseudonym = new HashMap<>();
  final Map<HistoricalResult.Key, KnownResponse> responseByKey = new HashMap<>();

  static String waveKey(long cohortId, TrainingStage stage) {
    return waveKey(cohortId, stage.code());
  }

  static String waveKey(long cohortId, String stageCode) {
    return cohortId + "/" + stageCode;
  }

  static TenantData load(Connection c, long registrationId) throws SQLException {
    TenantData data = new TenantData();
    try (PreparedStatement s =
        c.prepareStatement("SELECT id, matriculation_year FROM cohort WHERE registration_id = ?")) {
      s.setLong(1, registrationId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          data.cohortByYear.put(rs.getInt(2), rs.getLong(1));
        }
      }
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT w.id, w.cohort_id, w.stage FROM wave w JOIN cohort c ON c.id = w.cohort_id"
                + " WHERE c.registration_id = ?")) {
      s.setLong(1, registrationId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          data.waveByCohortAndStage.put(waveKey(rs.getLong(2), rs.getString(3)), rs.getLong(1));
        }
      }
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT s.id, s.pseudonym, c.matriculation_year FROM student s LEFT JOIN cohort c ON"
                + " c.id = s.cohort_id WHERE s.registration_id = ?")) {
      s.setLong(1, registrationId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          int year = rs.getInt(3);
          data.studentByPseudonym.put(
              rs.getString(2), new KnownStudent(rs.getLong(1), rs.wasNull() ? null : year));
        }
      }
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT r.id, s.pseudonym, w.stage, r.instrument_id, r.status, r.import_fingerprint"
                + " FROM assessment_response r JOIN student s ON s.id = r.student_id"
                + " JOIN wave w ON w.id = r.wave_id WHERE s.registration_id = ?")) {
      s.setLong(1, registrationId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          data.responseByKey.put(
              new HistoricalResult.Key(rs.getString(2), rs.getString(3), rs.getString(4)),
              new KnownResponse(rs.getLong(1), rs.getString(5), rs.getString(6)));
        }
      }
    }
    return data;
  }
}
