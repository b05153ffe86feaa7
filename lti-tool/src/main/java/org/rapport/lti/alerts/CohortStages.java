package org.rapport.lti.alerts;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.rapport.curriculum.cohorts.Programme;
import org.rapport.curriculum.cohorts.TrainingStage;

/**
 * How far each of a tenant's cohorts has come in its programme: the latest stage (in the
 * programme's order) whose wave has opened, or that was taken over from an import and so took
 * place. The modules an alert suggests suit the phase of training that follows it.
 */
final class CohortStages {
  private CohortStages() {}

  /** Cohort id → the latest stage it reached on {@code today}; cohorts with none are absent. */
  static Map<Long, TrainingStage> reached(
      Connection c, long registrationId, LocalDate today, Programme programme) throws SQLException {
    Map<Long, TrainingStage> reached = new HashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT w.cohort_id, w.stage FROM wave w JOIN cohort co ON co.id = w.cohort_id"
                + " WHERE co.registration_id = ? AND (w.opens_on IS NULL OR w.opens_on <= ?)")) {
      s.setLong(1, registrationId);
      s.setDate(2, Date.valueOf(today));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          TrainingStage stage = programme.stage(rs.getString(2));
          reached.merge(rs.getLong(1), stage, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
      }
    }
    return reached;
  }
}
