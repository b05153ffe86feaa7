package org.rapport.lti.testdata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.InstrumentCatalog;
import org.rapport.curriculum.instruments.InstrumentId;
import org.rapport.curriculum.instruments.ScoreRange;
import org.rapport.curriculum.instruments.Subscale;

/**
 * Writes observed ratings straight into the observed-practice tables, as an import of past results
 * would leave them: one session per call (no course, a training stage), one encounter per student,
 * and per encounter the given raters' ratings, each with its total and subscale scores placed at a
 * percent of the shipped form's scale.
 */
public final class ObservedSeeder {
  public static final String PATIENT_FORM = "rapport-observed-patient";
  public static final String OBSERVER_FORM = "rapport-observed-observer";

  private final Connection connection;
  private final InstrumentCatalog catalog = InstrumentCatalog.shipped();
  private final Timestamp now = Timestamp.from(Instant.now());

  public ObservedSeeder(Connection connection) {
    this.connection = connection;
  }

  /** One rater of an encounter: PATIENT, FACULTY or PEER, and where on the scale they rated. */
  public record Rater(String type, double percent) {}

  /** The student ids of a cohort, in id order. */
  public List<Long> students(long cohortId) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement s =
        connection.prepareStatement("SELECT id FROM student WHERE cohort_id = ? ORDER BY id")) {
      s.setLong(1, cohortId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  /** A session of the tenant at {@code stage}; returns its id. */
  public long session(long registrationId, String title, String stage) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO encounter_session (registration_id, course_id, title, setting, held_on,"
                + " stage, origin, created_by, created_at) VALUES (?, NULL, ?, 'OSCE_STATION', ?,"
                + " ?, 'IMPORTED', 'observed-seeder', ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      s.setLong(1, registrationId);
      s.setString(2, title);
      s.setObject(3, LocalDate.now().minusDays(30));
      s.setString(4, stage);
      s.setTimestamp(5, now);
      s.executeUpdate();
      return generated(s);
    }
  }

  /** One encounter of {@code studentId} in the session, rated by each of {@code raters}. */
  public void encounter(long sessionId, long studentId, Rater... raters) throws SQLException {
    long encounterId;
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO encounter (session_id, student_id, station, created_at)"
                + " VALUES (?, ?, 'Communication station', ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      s.setLong(1, sessionId);
      s.setLong(2, studentId);
      s.setTimestamp(3, now);
      s.executeUpdate();
      encounterId = generated(s);
    }
    for (Rater rater : raters) {
      String formId = "PATIENT".equals(rater.type()) ? PATIENT_FORM : OBSERVER_FORM;
      Instrument form = catalog.get(InstrumentId.of(formId), 1);
      long raterId;
      try (PreparedStatement s =
          connection.prepareStatement(
              "INSERT INTO encounter_rater (encounter_id, rater_type, rater_name, form_id,"
                  + " form_version, link_issue, created_at) VALUES (?, ?, 'Seeded rater', ?, 1, 0,"
                  + " ?)",
              Statement.RETURN_GENERATED_KEYS)) {
        s.setLong(1, encounterId);
        s.setString(2, rater.type());
        s.setString(3, formId);
        s.setTimestamp(4, now);
        s.executeUpdate();
        raterId = generated(s);
      }
      long ratingId;
      try (PreparedStatement s =
          connection.prepareStatement(
              "INSERT INTO observed_rating (rater_id, status, score_value, answered_count,"
                  + " item_count, submitted_at) VALUES (?, 'GIVEN', ?, NULL, ?, ?)",
              Statement.RETURN_GENERATED_KEYS)) {
        s.setLong(1, raterId);
        s.setBigDecimal(2, at(form.scoreRange(), rater.percent()));
        s.setInt(3, form.items().size());
        s.setTimestamp(4, now);
        s.executeUpdate();
        ratingId = generated(s);
      }
      try (PreparedStatement s =
          connection.prepareStatement(
              "INSERT INTO observed_rating_subscale (rating_id, subscale_id, score_value)"
                  + " VALUES (?, ?, ?)")) {
        for (Subscale sub : form.subscales()) {
          s.setLong(1, ratingId);
          s.setString(2, sub.id().toString());
          s.setBigDecimal(3, at(form.scoreRange(sub.id()), rater.percent()));
          s.addBatch();
        }
        s.executeBatch();
      }
    }
  }

  private static java.math.BigDecimal at(ScoreRange range, double percent) {
    double score = range.min() + percent / 100 * (range.max() - range.min());
    return java.math.BigDecimal.valueOf(score).setScale(4, java.math.RoundingMode.HALF_UP);
  }

  private static long generated(PreparedStatement s) throws SQLException {
    try (ResultSet keys = s.getGeneratedKeys()) {
      keys.next();
      return keys.getLong(1);
    }
  }
}
