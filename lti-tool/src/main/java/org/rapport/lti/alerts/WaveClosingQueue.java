package org.rapport.lti.alerts;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.rapport.lti.queue.LeasedQueue;

/**
 * Table {@code wave_closing}: one job per wave closing (wave and closing day, unique), worked
 * through as a {@link LeasedQueue}. Plain JDBC on the caller's connection; {@link #notice} commits
 * itself, the rest runs in the caller's auto-commit.
 */
final class WaveClosingQueue {
  static final LeasedQueue.Table TABLE =
      new LeasedQueue.Table(
          "wave_closing",
          "id",
          "due_at",
          "evaluated_at IS NULL AND dead_at IS NULL",
          "dead_at = ?");

  /** Retries and dead letters go straight to the queue; success has its own {@link #evaluated}. */
  static final LeasedQueue QUEUE = new LeasedQueue(TABLE);

  private static final String CLOSED_UNNOTICED =
      "w.closes_on < ? AND (w.close_noticed IS NULL OR w.close_noticed <> w.closes_on)";

  private WaveClosingQueue() {}

  /** A claimed closing: whose, which wave ({@code Y3 of cohort 2021 on 2026-11-25}), failures. */
  record Closing(long id, long registrationId, String wave, int attempts) {}

  /**
   * Queues a job for every closed wave of an enabled tenant not noticed yet, due now, and marks the
   * wave noticed ({@code close_noticed} takes the closing day) in the same transaction; a wave
   * another node marked first is left to that node. Answers how many closings were queued.
   */
  static int notice(Connection c, LocalDate today, Instant now) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      int queued = 0;
      for (Candidate wave : closedUnnoticed(c, today)) {
        if (markNoticed(c, wave.id(), today)) {
          insert(c, wave, now);
          queued++;
        }
      }
      c.commit();
      return queued;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  /** Claims up to {@code limit} due closings under {@code token}, for {@code lease}. */
  static List<Closing> claim(Connection c, String token, Instant now, Duration lease, int limit)
      throws SQLException {
    List<Closing> closings = new ArrayList<>();
    if (QUEUE.claim(c, token, now, lease, limit).isEmpty()) {
      return closings;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, registration_id, wave, attempts FROM wave_closing WHERE claim_token = ?"
                + " ORDER BY id")) {
      s.setString(1, token);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          closings.add(new Closing(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4)));
        }
      }
    }
    return closings;
  }

  /** The reason an evaluation records, naming the waves: {@code wave closed: Y3 of … on …}. */
  static String reason(List<Closing> closings) {
    String all = closings.stream().map(Closing::wave).collect(Collectors.joining(", "));
    return "wave closed: " + (all.length() > 150 ? all.substring(0, 147) + "..." : all);
  }

  static void evaluated(Connection c, long id, String token, Instant now) throws SQLException {
    QUEUE.finish(
        c,
        id,
        token,
        "evaluated_at = ?, attempts = attempts + 1, last_error = NULL",
        LeasedQueue.utc(now));
  }

  private record Candidate(
      long id, long registrationId, String stage, int year, LocalDate closesOn) {
    String wave() {
      return stage + " of cohort " + year + " on " + closesOn;
    }
  }

  private static List<Candidate> closedUnnoticed(Connection c, LocalDate today)
      throws SQLException {
    List<Candidate> waves = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT w.id, c.registration_id, w.stage, c.matriculation_year, w.closes_on"
                + " FROM wave w JOIN cohort c ON c.id = w.cohort_id"
                + " JOIN registration r ON r.id = c.registration_id WHERE r.enabled = TRUE AND "
                + CLOSED_UNNOTICED
                + " ORDER BY c.registration_id, c.matriculation_year, w.closes_on, w.id")) {
      s.setDate(1, Date.valueOf(today));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          waves.add(
              new Candidate(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getString(3),
                  rs.getInt(4),
                  rs.getDate(5).toLocalDate()));
        }
      }
    }
    return waves;
  }

  private static boolean markNoticed(Connection c, long waveId, LocalDate today)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE wave w SET close_noticed = closes_on WHERE w.id = ? AND " + CLOSED_UNNOTICED)) {
      s.setLong(1, waveId);
      s.setDate(2, Date.valueOf(today));
      return s.executeUpdate() == 1;
    }
  }

  private static void insert(Connection c, Candidate wave, Instant now) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO wave_closing (registration_id, wave_id, closes_on, wave, due_at,"
                + " attempts, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)")) {
      s.setLong(1, wave.registrationId());
      s.setLong(2, wave.id());
      s.setDate(3, Date.valueOf(wave.closesOn()));
      s.setString(4, wave.wave());
      s.setObject(5, LeasedQueue.utc(now));
      s.setObject(6, LeasedQueue.utc(now));
      s.executeUpdate();
    }
  }
}
