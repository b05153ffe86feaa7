package org.rapport.lti.roster;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rapport.lti.queue.LeasedQueue;

/**
 * SQL of the roster refresh jobs (table {@code course_roster}), the same on H2 and PostgreSQL. Jobs
 * are claimed through the {@link LeasedQueue}, like scores and mail, so no two workers refresh the
 * same course at once. Never commits.
 */
final class RosterStore {
  /** The refresh jobs as a {@link LeasedQueue}: recurring, so never dead-lettered. */
  static final LeasedQueue.Table TABLE =
      new LeasedQueue.Table("course_roster", "course_id", "due_at", "due_at IS NOT NULL", null);

  private static final LeasedQueue QUEUE = new LeasedQueue(TABLE);

  /** A roster older than this is refreshed at the next launch, and on schedule. */
  static final Duration STALE_AFTER = Duration.ofHours(24);

  /**
   * Records the memberships URL of a launch; makes the refresh due now when the roster was never
   * fetched or is stale and no refresh is due sooner.
   */
  void launched(Connection c, long courseId, long registrationId, URI url, Instant now)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE course_roster SET memberships_url = ?, updated_at = ?, due_at = CASE WHEN"
                + " (synced_at IS NULL OR synced_at < ?) AND (due_at IS NULL OR due_at > ?)"
                + " THEN ? ELSE due_at END WHERE course_id = ?")) {
      update.setString(1, url.toString());
      update.setObject(2, utc(now));
      update.setObject(3, utc(now.minus(STALE_AFTER)));
      update.setObject(4, utc(now));
      update.setObject(5, utc(now));
      update.setLong(6, courseId);
      if (update.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO course_roster (course_id, registration_id, memberships_url, due_at,"
                + " attempts, active_members, inactive_members, updated_at)"
                + " VALUES (?, ?, ?, ?, 0, 0, 0, ?)")) {
      insert.setLong(1, courseId);
      insert.setLong(2, registrationId);
      insert.setString(3, url.toString());
      insert.setObject(4, utc(now));
      insert.setObject(5, utc(now));
      insert.executeUpdate();
    }
  }

  List<RosterJob> claim(Connection c, String token, Instant now, Duration lease, int limit)
      throws SQLException {
    List<RosterJob> jobs = new ArrayList<>();
    if (QUEUE.claim(c, token, now, lease, limit).isEmpty()) {
      return jobs;
    }
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT course_id, registration_id, memberships_url, attempts FROM course_roster"
                + " WHERE claim_token = ? ORDER BY course_id")) {
      select.setString(1, token);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          jobs.add(
              new RosterJob(
                  rs.getLong(1), rs.getLong(2), URI.create(rs.getString(3)), rs.getInt(4)));
        }
      }
    }
    return jobs;
  }

  void succeeded(Connection c, long courseId, String token, Instant now, int active, int inactive)
      throws SQLException {
    QUEUE.finish(
        c,
        courseId,
        token,
        "synced_at = ?, due_at = ?, attempts = 0, last_error = NULL, active_members = ?,"
            + " inactive_members = ?, updated_at = ?",
        utc(now),
        utc(now.plus(STALE_AFTER)),
        active,
        inactive,
        utc(now));
  }

  void failed(Connection c, long courseId, String token, Instant next, String error, Instant now)
      throws SQLException {
    QUEUE.finish(
        c,
        courseId,
        token,
        "due_at = ?, attempts = attempts + 1, last_error = ?, updated_at = ?",
        utc(next),
        LeasedQueue.error(error),
        utc(now));
  }

  /** Gives a claimed job back untouched (the worker is stopping). */
  void release(Connection c, long courseId, String token) throws SQLException {
    QUEUE.release(c, courseId, token);
  }

  /** Makes a refresh due now (an administrator asked); false when the course has no roster URL. */
  boolean requestRefresh(Connection c, long courseId, Instant now) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE course_roster SET due_at = ?, updated_at = ? WHERE course_id = ?")) {
      update.setObject(1, utc(now));
      update.setObject(2, utc(now));
      update.setLong(3, courseId);
      return update.executeUpdate() == 1;
    }
  }

  List<CourseRosterView> courses(Connection c, long registrationId) throws SQLException {
    return views(c, "c.registration_id = ?", registrationId);
  }

  Optional<CourseRosterView> course(Connection c, long courseId) throws SQLException {
    return views(c, "c.id = ?", courseId).stream().findFirst();
  }

  private List<CourseRosterView> views(Connection c, String where, long id) throws SQLException {
    List<CourseRosterView> views = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT c.id, c.registration_id, c.context_id, c.title, r.memberships_url,"
                + " r.synced_at, r.due_at, r.attempts, r.last_error, r.active_members,"
                + " r.inactive_members FROM course c LEFT JOIN course_roster r"
                + " ON r.course_id = c.id WHERE "
                + where
                + " ORDER BY c.id")) {
      select.setLong(1, id);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          views.add(
              new CourseRosterView(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  text(rs, 6),
                  text(rs, 7),
                  rs.getInt(8),
                  rs.getString(9),
                  rs.getInt(10),
                  rs.getInt(11)));
        }
      }
    }
    return views;
  }

  List<MemberView> members(Connection c, long courseId) throws SQLException {
    List<MemberView> members = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT l.id, l.subject, l.name, l.email, m.role, m.active FROM membership m"
                + " JOIN learner l ON l.id = m.learner_id WHERE m.course_id = ? ORDER BY l.id")) {
      select.setLong(1, courseId);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          members.add(
              new MemberView(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getBoolean(6)));
        }
      }
    }
    return members;
  }

  private static String text(ResultSet rs, int index) throws SQLException {
    OffsetDateTime value = rs.getObject(index, OffsetDateTime.class);
    return value == null ? null : value.toInstant().toString();
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
