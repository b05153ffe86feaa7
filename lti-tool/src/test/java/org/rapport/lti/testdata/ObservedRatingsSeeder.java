package org.rapport.lti.testdata;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Writes encounter sessions, encounters, raters and ratings straight into the integration tests'
 * database, as faculty planning and rating would leave them, for tests of what students see.
 */
public final class ObservedRatingsSeeder implements AutoCloseable {
  private final Connection c;

  public ObservedRatingsSeeder() {
    try {
      this.c = ItDatabase.connect();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The id of a row the query names by one text and one number; fails when there is none. */
  private long id(String sql, long number, String text) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, number);
      ps.setString(2, text);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("nothing for " + text + " in " + sql);
        }
        return rs.getLong(1);
      }
    }
  }

  public long course(long registrationId, String contextId) throws SQLException {
    return id(
        "SELECT id FROM course WHERE registration_id = ? AND context_id = ?",
        registrationId,
        contextId);
  }

  public long student(long registrationId, String subject) throws SQLException {
    return id(
        "SELECT id FROM student WHERE registration_id = ? AND lms_subject = ?",
        registrationId,
        subject);
  }

  public long learner(long registrationId, String subject) throws SQLException {
    return id(
        "SELECT id FROM learner WHERE registration_id = ? AND subject = ?",
        registrationId,
        subject);
  }

  /** A planned session of a course, released or not. */
  public long session(
      long registrationId,
      long courseId,
      String title,
      String setting,
      LocalDate heldOn,
      String stage,
      boolean released)
      throws SQLException {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO encounter_session (registration_id, course_id, title, setting, held_on,"
                + " stage, origin, created_by, created_at, released_at, released_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'PLANNED', 'faculty', ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, registrationId);
      ps.setLong(2, courseId);
      ps.setString(3, title);
      ps.setString(4, setting);
      ps.setObject(5, heldOn);
      ps.setString(6, stage);
      ps.setObject(7, now);
      ps.setObject(8, released ? now : null);
      ps.setString(9, released ? "faculty" : null);
      ps.executeUpdate();
      return generated(ps);
    }
  }

  /** Releases a session now. */
  public void release(long sessionId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE encounter_session SET released_at = ?, released_by = 'faculty' WHERE id = ?")) {
      ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
      ps.setLong(2, sessionId);
      ps.executeUpdate();
    }
  }

  public long encounter(long sessionId, long studentId, String station) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO encounter (session_id, student_id, station, created_at)"
                + " VALUES (?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, sessionId);
      ps.setLong(2, studentId);
      ps.setString(3, station);
      ps.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
      ps.executeUpdate();
      return generated(ps);
    }
  }

  /** A rater with a one-time link (a standardized patient), named as a coordinator would. */
  public long linkRater(long encounterId, String type, String name, String email, String formId)
      throws SQLException {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO encounter_rater (encounter_id, rater_type, rater_name, rater_email,"
                + " form_id, form_version, link_issue, link_expires_at, created_at)"
                + " VALUES (?, ?, ?, ?, ?, 1, 0, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, encounterId);
      ps.setString(2, type);
      ps.setString(3, name);
      ps.setString(4, email);
      ps.setString(5, formId);
      ps.setObject(6, now.plusDays(14));
      ps.setObject(7, now);
      ps.executeUpdate();
      return generated(ps);
    }
  }

  /** A complete rating with its total, layer scores and comment (answers are not needed here). */
  public long rating(long raterId, Map<String, Integer> subscales, String comment)
      throws SQLException {
    int total = subscales.values().stream().mapToInt(Integer::intValue).sum();
    long id;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO observed_rating (rater_id, status, score_value, answered_count,"
                + " item_count, comment, submitted_at) VALUES (?, 'COMPLETE', ?, 10, 10, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, raterId);
      ps.setBigDecimal(2, BigDecimal.valueOf(total));
      ps.setString(3, comment);
      ps.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
      ps.executeUpdate();
      id = generated(ps);
    }
    for (Map.Entry<String, Integer> e : subscales.entrySet()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO observed_rating_subscale (rating_id, subscale_id, score_value)"
                  + " VALUES (?, ?, ?)")) {
        ps.setLong(1, id);
        ps.setString(2, e.getKey());
        ps.setBigDecimal(3, BigDecimal.valueOf(e.getValue()));
        ps.executeUpdate();
      }
    }
    return id;
  }

  private static long generated(PreparedStatement ps) throws SQLException {
    try (ResultSet keys = ps.getGeneratedKeys()) {
      if (!keys.next()) {
        throw new IllegalStateException("no generated key");
      }
      return keys.getLong(1);
    }
  }

  @Override
  public void close() throws SQLException {
    c.close();
  }
}
