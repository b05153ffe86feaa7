package org.rapport.lti.mail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Table {@code mail_outbox} in plain JDBC on the caller's connection. One row per alert and
 * recipient (unique), so a mail is queued once however often the alert is found again; a row is
 * kept after sending, with the time it was sent.
 */
public final class MailOutbox {
  private MailOutbox() {}

  /** A queued mail. */
  public record Entry(
      long id,
      long registrationId,
      long alertId,
      String recipient,
      String subject,
      String body,
      int attempts) {}

  /** Queues a mail unless this alert already has one for this recipient; true when queued. */
  public static boolean enqueue(
      Connection connection,
      long registrationId,
      long alertId,
      String recipient,
      String subject,
      String body,
      Instant now)
      throws SQLException {
    try (PreparedStatement exists =
        connection.prepareStatement(
            "SELECT 1 FROM mail_outbox WHERE alert_id = ? AND recipient = ?")) {
      exists.setLong(1, alertId);
      exists.setString(2, recipient);
      try (ResultSet rs = exists.executeQuery()) {
        if (rs.next()) {
          return false;
        }
      }
    }
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO mail_outbox (registration_id, alert_id, recipient, subject, body,"
                + " created_at, attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)")) {
      s.setLong(1, registrationId);
      s.setLong(2, alertId);
      s.setString(3, recipient);
      s.setString(4, subject.length() > 300 ? subject.substring(0, 300) : subject);
      s.setString(5, body.length() > 20000 ? body.substring(0, 20000) : body);
      s.setTimestamp(6, Timestamp.from(now));
      s.setTimestamp(7, Timestamp.from(now));
      s.executeUpdate();
      return true;
    }
  }

  /** Up to {@code limit} unsent mails whose next attempt is due, oldest first. */
  static List<Entry> due(Connection connection, Instant now, int limit) throws SQLException {
    List<Entry> due = new ArrayList<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT id, registration_id, alert_id, recipient, subject, body, attempts"
                + " FROM mail_outbox WHERE sent_at IS NULL AND next_attempt_at <= ?"
                + " AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY id")) {
      s.setTimestamp(1, Timestamp.from(now));
      s.setTimestamp(2, Timestamp.from(now));
      s.setMaxRows(limit);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          due.add(
              new Entry(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getLong(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getInt(7)));
        }
      }
    }
    return due;
  }

  /**
   * Claims a mail for one sending attempt; false when another worker (another node) has it or it
   * was sent meanwhile. The claim lapses after {@code lease}, so a worker that died mid-way does
   * not keep the mail forever.
   */
  static boolean claim(Connection connection, long id, Instant now, Duration lease)
      throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "UPDATE mail_outbox SET claimed_until = ? WHERE id = ? AND sent_at IS NULL"
                + " AND (claimed_until IS NULL OR claimed_until < ?)")) {
      s.setTimestamp(1, Timestamp.from(now.plus(lease)));
      s.setLong(2, id);
      s.setTimestamp(3, Timestamp.from(now));
      return s.executeUpdate() == 1;
    }
  }

  static void sent(Connection connection, long id, Instant now) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "UPDATE mail_outbox SET sent_at = ?, attempts = attempts + 1, claimed_until = NULL,"
                + " last_error = NULL WHERE id = ?")) {
      s.setTimestamp(1, Timestamp.from(now));
      s.setLong(2, id);
      s.executeUpdate();
    }
  }

  static void failed(Connection connection, long id, String error, Instant nextAttempt)
      throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "UPDATE mail_outbox SET attempts = attempts + 1, claimed_until = NULL,"
                + " last_error = ?, next_attempt_at = ? WHERE id = ?")) {
      s.setString(
          1,
          error == null
              ? "unknown error"
              : error.length() > 1000 ? error.substring(0, 1000) : error);
      s.setTimestamp(2, Timestamp.from(nextAttempt));
      s.setLong(3, id);
      s.executeUpdate();
    }
  }

  /** The wait before the next attempt after {@code attempts} failures: doubling, capped. */
  public static Duration backoff(int attempts, Duration first, Duration max) {
    long seconds = first.toSeconds();
    for (int i = 1; i < attempts && seconds < max.toSeconds(); i++) {
      seconds *= 2;
    }
    return Duration.ofSeconds(Math.min(Math.max(1, seconds), max.toSeconds()));
  }

  /** A tenant's queued and sent mail, newest first, without bodies: what the admin API lists. */
  public static List<OutboxEntryView> list(Connection connection, long registrationId)
      throws SQLException {
    List<OutboxEntryView> list = new ArrayList<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT id, alert_id, recipient, subject, attempts, created_at, next_attempt_at,"
                + " sent_at, last_error FROM mail_outbox WHERE registration_id = ?"
                + " ORDER BY id DESC")) {
      s.setLong(1, registrationId);
      s.setMaxRows(1000);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          list.add(
              new OutboxEntryView(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getInt(5),
                  iso(rs.getTimestamp(6)),
                  iso(rs.getTimestamp(7)),
                  iso(rs.getTimestamp(8)),
                  rs.getString(9)));
        }
      }
    }
    return list;
  }

  private static String iso(Timestamp t) {
    return t == null ? null : t.toInstant().atOffset(ZoneOffset.UTC).toString();
  }
}
