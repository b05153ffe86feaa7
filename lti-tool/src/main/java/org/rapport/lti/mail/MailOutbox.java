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
import org.rapport.lti.queue.LeasedQueue;

/**
 * Table {@code mail_outbox} in plain JDBC on the caller's connection. One row per alert and
 * recipient (unique), so a mail is queued once however often the alert is found again, or one row
 * per rater's rating link and link issue ({@link #enqueueLink}); a row is kept after sending, with
 * the time it was sent, or after it was given up on ({@code dead_at}). Sending works through the
 * rows as a {@link LeasedQueue}.
 */
public final class MailOutbox {
  /** The outbox as a {@link LeasedQueue}: unsent mail that was not given up on is open. */
  static final LeasedQueue.Table TABLE =
      new LeasedQueue.Table(
          "mail_outbox",
          "id",
          "next_attempt_at",
          "sent_at IS NULL AND dead_at IS NULL",
          "dead_at = ?");

  /** Retries and dead letters go straight to the queue; sending has its own {@link #sent}. */
  static final LeasedQueue QUEUE = new LeasedQueue(TABLE);

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
    return enqueueOnce(
        connection,
        registrationId,
        List.of("alert_id", "recipient"),
        List.of(alertId, recipient),
        recipient,
        subject,
        body,
        now);
  }

  /**
   * Queues the mail of one rater's rating link unless this issue of the link already has one; true
   * when queued. A replaced link (a higher issue) may be mailed again.
   */
  public static boolean enqueueLink(
      Connection connection,
      long registrationId,
      long raterId,
      int linkIssue,
      String recipient,
      String subject,
      String body,
      Instant now)
      throws SQLException {
    return enqueueOnce(
        connection,
        registrationId,
        List.of("rater_id", "link_issue"),
        List.of(raterId, linkIssue),
        recipient,
        subject,
        body,
        now);
  }

  /**
   * Inserts a mail unless a row with the same values in the {@code key} columns exists (the
   * recipient may be one of them); true when inserted.
   */
  private static boolean enqueueOnce(
      Connection connection,
      long registrationId,
      List<String> key,
      List<Object> keyValues,
      String recipient,
      String subject,
      String body,
      Instant now)
      throws SQLException {
    try (PreparedStatement exists =
        connection.prepareStatement(
            "SELECT 1 FROM mail_outbox WHERE " + String.join(" = ? AND ", key) + " = ?")) {
      for (int i = 0; i < keyValues.size(); i++) {
        exists.setObject(i + 1, keyValues.get(i));
      }
      try (ResultSet rs = exists.executeQuery()) {
        if (rs.next()) {
          return false;
        }
      }
    }
    List<String> columns = new ArrayList<>(List.of("registration_id"));
    List<Object> values = new ArrayList<>(List.of(registrationId));
    for (int i = 0; i < key.size(); i++) {
      if (!key.get(i).equals("recipient")) {
        columns.add(key.get(i));
        values.add(keyValues.get(i));
      }
    }
    columns.addAll(List.of("recipient", "subject", "body", "created_at", "next_attempt_at"));
    values.addAll(
        List.of(
            recipient,
            subject.length() > 300 ? subject.substring(0, 300) : subject,
            body.length() > 20000 ? body.substring(0, 20000) : body,
            Timestamp.from(now),
            Timestamp.from(now)));
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO mail_outbox ("
                + String.join(", ", columns)
                + ", attempts) VALUES ("
                + "?, ".repeat(columns.size())
                + "0)")) {
      for (int i = 0; i < values.size(); i++) {
        s.setObject(i + 1, values.get(i));
      }
      s.executeUpdate();
      return true;
    }
  }

  /**
   * Claims up to {@code limit} unsent mails whose next attempt is due, oldest first, for {@code
   * lease} under {@code token}: no other worker (on this node or another) sends them meanwhile, and
   * a worker that died mid-way holds them only until the lease ends.
   */
  static List<Entry> claim(
      Connection connection, String token, Instant now, Duration lease, int limit)
      throws SQLException {
    List<Entry> claimed = new ArrayList<>();
    if (QUEUE.claim(connection, token, now, lease, limit).isEmpty()) {
      return claimed;
    }
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT id, registration_id, alert_id, recipient, subject, body, attempts"
                + " FROM mail_outbox WHERE claim_token = ? ORDER BY next_attempt_at, id")) {
      s.setString(1, token);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          claimed.add(
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
    return claimed;
  }

  static void sent(Connection connection, long id, String token, Instant now) throws SQLException {
    QUEUE.finish(
        connection,
        id,
        token,
        "sent_at = ?, attempts = attempts + 1, last_error = NULL",
        LeasedQueue.utc(now));
  }

  private static LeasedQueue queue(Connection connection) throws SQLException {
    return QUEUE;
  }

  /**
   * Puts a mail of the tenant that was given up on back in the queue, to be tried again now from a
   * fresh count of attempts; false when the tenant has no such mail given up on.
   */
  public static boolean resend(Connection connection, long registrationId, long id, Instant now)
      throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "UPDATE mail_outbox SET dead_at = NULL, attempts = 0, next_attempt_at = ?,"
                + " last_error = NULL WHERE id = ? AND registration_id = ? AND dead_at IS NOT NULL"
                + " AND sent_at IS NULL")) {
      s.setObject(1, LeasedQueue.utc(now));
      s.setLong(2, id);
      s.setLong(3, registrationId);
      return s.executeUpdate() == 1;
    }
  }

  /**
   * A tenant's queued and sent alert mail, newest first, without bodies: what the admin API lists.
   * Rating-link mail is shown on its session's page instead.
   */
  public static List<OutboxEntryView> list(Connection connection, long registrationId)
      throws SQLException {
    List<OutboxEntryView> list = new ArrayList<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT id, alert_id, recipient, subject, attempts, created_at, next_attempt_at,"
                + " sent_at, last_error, dead_at FROM mail_outbox WHERE registration_id = ?"
                + " AND alert_id IS NOT NULL ORDER BY id DESC")) {
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
                  rs.getString(9),
                  iso(rs.getTimestamp(10))));
        }
      }
    }
    return list;
  }

  private static String iso(Timestamp t) {
    return t == null ? null : t.toInstant().atOffset(ZoneOffset.UTC).toString();
  }
}
