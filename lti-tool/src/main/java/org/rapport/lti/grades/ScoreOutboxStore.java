package org.rapport.lti.grades;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.rapport.lti.queue.LeasedQueue;

/**
 * The SQL of the score outbox (table {@code score_outbox}), the same on H2 and PostgreSQL. It never
 * commits: callers run it in their transaction (JTA in the application, auto-commit in tests).
 *
 * <p>Claiming is an atomic conditional update: due, unclaimed (or lease-expired) rows get a fresh
 * claim token and a lease, and only the rows carrying that token are delivered. A row claimed by
 * another worker fails the condition, so no two workers, on one node or several, post the same row
 * while its lease runs ({@link LeasedQueue}, with {@code FOR UPDATE SKIP LOCKED}). Every later
 * update of a row names the claim token and status QUEUED: a worker whose lease ran out cannot
 * overwrite what another did. On top of the queue, a score keeps the start of an attempt whose
 * outcome is in doubt ({@code posting_since}).
 */
final class ScoreOutboxStore {
  private static final String COLUMNS =
      "o.id, o.registration_id, o.resource_link_id, o.learner_id, l.subject, o.resource_id, o.tag,"
          + " o.label, o.score_given, o.score_maximum, o.activity_progress, o.grading_progress,"
          + " o.score_timestamp, o.attempts, o.created_at, o.posting_since";

  /** The outbox as a {@link LeasedQueue}: queued rows are open; a dead letter keeps its row. */
  static final LeasedQueue.Table TABLE =
      new LeasedQueue.Table(
          "score_outbox", "id", "next_attempt_at", "status = 'QUEUED'", "status = 'DEAD_LETTERED'");

  private final LeasedQueue queue = new LeasedQueue(TABLE);

  /**
   * Queues a score. Its timestamp is {@code at} (milliseconds), or 1 ms after the latest timestamp
   * already queued for the same resource link, learner, resource and tag, whichever is later; older
   * scores for that key still waiting are marked superseded.
   *
   * @return the new row's id
   */
  long enqueue(Connection c, NewScore score, Instant now) throws SQLException {
    Instant timestamp = score.at().truncatedTo(ChronoUnit.MILLIS);
    try (PreparedStatement latest =
        c.prepareStatement(
            "SELECT MAX(score_timestamp) FROM score_outbox WHERE resource_link_id = ?"
                + " AND learner_id = ? AND resource_id = ? AND tag = ?")) {
      bindKey(latest, 1, score);
      try (ResultSet rs = latest.executeQuery()) {
        if (rs.next()) {
          OffsetDateTime max = rs.getObject(1, OffsetDateTime.class);
          if (max != null && !timestamp.isAfter(max.toInstant())) {
            timestamp = max.toInstant().truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
          }
        }
      }
    }
    try (PreparedStatement supersede =
        c.prepareStatement(
            "UPDATE score_outbox SET status = 'SUPERSEDED', claim_token = NULL,"
                + " claimed_until = NULL WHERE resource_link_id = ? AND learner_id = ?"
                + " AND resource_id = ? AND tag = ? AND status = 'QUEUED'")) {
      bindKey(supersede, 1, score);
      supersede.executeUpdate();
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO score_outbox (registration_id, resource_link_id, learner_id, resource_id,"
                + " tag, label, score_given, score_maximum, activity_progress, grading_progress,"
                + " score_timestamp, status, attempts, next_attempt_at, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      insert.setLong(1, score.registrationId());
      insert.setLong(2, score.resourceLinkId());
      insert.setLong(3, score.learnerId());
      insert.setString(4, score.resourceId());
      insert.setString(5, score.tag());
      insert.setString(6, truncate(score.label(), 255));
      setDouble(insert, 7, score.scoreGiven());
      setDouble(insert, 8, score.scoreMaximum());
      insert.setString(9, score.activityProgress());
      insert.setString(10, score.gradingProgress());
      insert.setObject(11, utc(timestamp));
      insert.setObject(12, utc(now));
      insert.setObject(13, utc(now));
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** Claims up to {@code limit} due rows for {@code lease} under {@code token}; answers them. */
  List<QueuedScore> claim(Connection c, String token, Instant now, Duration lease, int limit)
      throws SQLException {
    if (queue.claim(c, token, now, lease, limit).isEmpty()) {
      return List.of();
    }
    List<QueuedScore> claimed = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM score_outbox o JOIN learner l ON l.id = o.learner_id"
                + " WHERE o.claim_token = ? AND o.status = 'QUEUED' ORDER BY o.id")) {
      select.setString(1, token);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          claimed.add(queued(rs));
        }
      }
    }
    return claimed;
  }

  /**
   * Extends this worker's claim on a row just before an attempt, and marks the attempt begun
   * ({@code posting_since}, kept from an earlier attempt still in doubt); false when the row is no
   * longer claimed by this worker.
   */
  boolean renew(Connection c, long id, String token, Instant now, Instant until)
      throws SQLException {
    return queue.whileClaimed(
        c,
        id,
        token,
        "claimed_until = ?, posting_since = COALESCE(posting_since, ?)",
        utc(until),
        utc(now));
  }

  /** Records the score as delivered by {@code node} (which node posted it, for administrators). */
  boolean delivered(Connection c, long id, String token, String node, int status, Instant now)
      throws SQLException {
    return queue.finish(
        c,
        id,
        token,
        "status = 'DELIVERED', delivered_at = ?, last_status = ?, last_error = NULL,"
            + " attempts = attempts + 1, posting_since = NULL, delivered_by = ?",
        utc(now),
        status,
        node);
  }

  /**
   * An attempt failed for now: counted, and the row waits until {@code next}. The attempt stays in
   * doubt ({@code posting_since} kept): a post that timed out may still have reached the LMS.
   */
  boolean retryLater(Connection c, long id, String token, Instant next, int status, String reason)
      throws SQLException {
    return queue.finish(
        c,
        id,
        token,
        "next_attempt_at = ?, last_status = "
            + lastStatus(status)
            + ", last_error = ?,"
            + " attempts = attempts + 1",
        utc(next),
        LeasedQueue.error(reason));
  }

  /** The LMS refused the score for good: it waits in the dead-letter list for an admin. */
  boolean deadLetter(Connection c, long id, String token, int status, String reason)
      throws SQLException {
    return queue.finish(
        c,
        id,
        token,
        "status = 'DEAD_LETTERED', last_status = "
            + lastStatus(status)
            + ", last_error = ?,"
            + " attempts = attempts + 1, posting_since = NULL",
        LeasedQueue.error(reason));
  }

  /**
   * Gives a claimed row back without an attempt, due again at {@code next}; an earlier attempt in
   * doubt stays in doubt.
   */
  boolean release(Connection c, long id, String token, Instant next) throws SQLException {
    return queue.release(c, id, token, next);
  }

  /**
   * Holds every waiting score of a registration until {@code until} (its LMS is down or asked to
   * wait), except rows another worker holds.
   */
  int pause(Connection c, long registrationId, Instant until, Instant now) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE score_outbox SET next_attempt_at = ? WHERE registration_id = ?"
                + " AND status = 'QUEUED' AND next_attempt_at < ?"
                + " AND (claimed_until IS NULL OR claimed_until < ?)")) {
      update.setObject(1, utc(until));
      update.setLong(2, registrationId);
      update.setObject(3, utc(until));
      update.setObject(4, utc(now));
      return update.executeUpdate();
    }
  }

  /** Queues a dead letter again, due now, with its original timestamp. */
  boolean resend(Connection c, long id, Instant now) throws SQLException {
    return requeueDeadLetters(c, "id", id, now) == 1;
  }

  /** Queues every dead letter of a registration again; answers how many. */
  int resendAll(Connection c, long registrationId, Instant now) throws SQLException {
    return requeueDeadLetters(c, "registration_id", registrationId, now);
  }

  /** Queues the dead letters whose {@code column} (id or registration_id) is {@code value}. */
  private static int requeueDeadLetters(Connection c, String column, long value, Instant now)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE score_outbox SET status = 'QUEUED', attempts = 0, next_attempt_at = ?,"
                + " claim_token = NULL, claimed_until = NULL WHERE "
                + column
                + " = ? AND status = 'DEAD_LETTERED'")) {
      update.setObject(1, utc(now));
      update.setLong(2, value);
      return update.executeUpdate();
    }
  }

  Map<ScoreStatus, Long> counts(Connection c, long registrationId) throws SQLException {
    Map<ScoreStatus, Long> counts = new EnumMap<>(ScoreStatus.class);
    for (ScoreStatus status : ScoreStatus.values()) {
      counts.put(status, 0L);
    }
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT status, COUNT(*) FROM score_outbox WHERE registration_id = ? GROUP BY status")) {
      select.setLong(1, registrationId);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          counts.put(ScoreStatus.valueOf(rs.getString(1)), rs.getLong(2));
        }
      }
    }
    return counts;
  }

  /** The registration's scores with the status, newest first. */
  List<ScoreView> list(Connection c, long registrationId, ScoreStatus status, int limit)
      throws SQLException {
    List<ScoreView> views = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT o.id, o.registration_id, o.resource_link_id, r.title, l.subject, l.name,"
                + " o.resource_id, o.label, o.score_given, o.score_maximum, o.activity_progress,"
                + " o.grading_progress, o.score_timestamp, o.status, o.attempts,"
                + " o.next_attempt_at, o.last_status, o.last_error, o.created_at, o.delivered_at"
                + " FROM score_outbox o JOIN learner l ON l.id = o.learner_id"
                + " JOIN resource_link r ON r.id = o.resource_link_id"
                + " WHERE o.registration_id = ? AND o.status = ? ORDER BY o.id DESC LIMIT "
                + Math.max(1, limit))) {
      select.setLong(1, registrationId);
      select.setString(2, status.name());
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          int lastStatus = rs.getInt(17);
          Integer last = rs.wasNull() ? null : lastStatus;
          views.add(
              new ScoreView(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getLong(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  getDouble(rs, 9),
                  getDouble(rs, 10),
                  rs.getString(11),
                  rs.getString(12),
                  text(rs, 13),
                  rs.getString(14),
                  rs.getInt(15),
                  text(rs, 16),
                  last,
                  rs.getString(18),
                  text(rs, 19),
                  text(rs, 20)));
        }
      }
    }
    return views;
  }

  /** Deletes delivered and superseded scores created before {@code before}; answers how many. */
  int purge(Connection c, Instant before) throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement(
            "DELETE FROM score_outbox WHERE status IN ('DELIVERED', 'SUPERSEDED')"
                + " AND created_at < ?")) {
      delete.setObject(1, utc(before));
      return delete.executeUpdate();
    }
  }

  /** The registration a score belongs to, or -1 when there is no such score. */
  long registrationOf(Connection c, long id) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT registration_id FROM score_outbox WHERE id = ?")) {
      select.setLong(1, id);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    }
  }

  private static QueuedScore queued(ResultSet rs) throws SQLException {
    return new QueuedScore(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        rs.getLong(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        getDouble(rs, 9),
        getDouble(rs, 10),
        rs.getString(11),
        rs.getString(12),
        rs.getObject(13, OffsetDateTime.class).toInstant(),
        rs.getInt(14),
        rs.getObject(15, OffsetDateTime.class).toInstant(),
        rs.getObject(16, OffsetDateTime.class) != null);
  }

  private static void bindKey(PreparedStatement statement, int first, NewScore score)
      throws SQLException {
    statement.setLong(first, score.resourceLinkId());
    statement.setLong(first + 1, score.learnerId());
    statement.setString(first + 2, score.resourceId());
    statement.setString(first + 3, score.tag());
  }

  private static void setDouble(PreparedStatement statement, int index, Double value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.DOUBLE);
    } else {
      statement.setDouble(index, value);
    }
  }

  /** The HTTP status of the last attempt as SQL: {@code NULL} when there was no response. */
  private static String lastStatus(int status) {
    return status <= 0 ? "NULL" : Integer.toString(status);
  }

  private static Double getDouble(ResultSet rs, int index) throws SQLException {
    double value = rs.getDouble(index);
    return rs.wasNull() ? null : value;
  }

  private static String text(ResultSet rs, int index) throws SQLException {
    OffsetDateTime value = rs.getObject(index, OffsetDateTime.class);
    return value == null ? null : value.toInstant().toString();
  }

  static OffsetDateTime utc(Instant instant) {
    return LeasedQueue.utc(instant);
  }

  static String truncate(String text, int max) {
    if (text == null) {
      return null;
    }
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
