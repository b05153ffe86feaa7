package org.rapport.lti.dashboard;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.rapport.curriculum.cohorts.Programme;
import org.rapport.lti.alerts.AlertVocabulary;

/**
 * A cohort's waves open today, with the number of students who have answered each: the only thing
 * faculty learn about a wave before it closes. No score of an open wave is read here.
 */
final class OpenWaves {
  private OpenWaves() {}

  /**
   * One open wave.
   *
   * @param wave its name
   * @param closes its last day
   * @param answered how many students have submitted (or were imported)
   */
  record OpenWave(String wave, LocalDate closes, int answered) {}

  static List<OpenWave> of(Connection c, Programme programme, long cohortId, LocalDate today)
      throws SQLException {
    List<OpenWave> out = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT w.stage, w.closes_on, COUNT(r.id) FROM wave w LEFT JOIN assessment_response r"
                + " ON r.wave_id = w.id AND r.status IN ('SUBMITTED', 'IMPORTED')"
                + " WHERE w.cohort_id = ? AND w.opens_on <= ? AND w.closes_on >= ?"
                + " GROUP BY w.stage, w.closes_on ORDER BY w.closes_on")) {
      s.setLong(1, cohortId);
      s.setDate(2, Date.valueOf(today));
      s.setDate(3, Date.valueOf(today));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(
              new OpenWave(
                  AlertVocabulary.stage(programme, rs.getString(1)),
                  rs.getDate(2).toLocalDate(),
                  rs.getInt(3)));
        }
      }
    }
    return out;
  }
}
