package org.rapport.lti.queue;

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
import java.util.Locale;

/**
 * A work queue kept in a table: each row is one job with a numeric key, a due time, an attempt
 * count, the last error, and a claim ({@code claim_token}, {@code claimed_until}).
 *
 * <p>Claiming is one atomic conditional update: due, open, unclaimed (or lease-expired) rows get a
 * fresh token and a lease, and only the rows carrying that token belong to the caller. A row
 * claimed by another worker fails the condition, so no two workers, on one node or several, hold
 * the same row while its lease runs. On PostgreSQL the candidates are picked with {@code FOR UPDATE
 * SKIP LOCKED}, so concurrent workers do not even wait for each other's uncommitted claims; on H2
 * the outer condition is checked again under the row lock, which gives the same answer (see {@link
 * #skipsLocked}). Every later change names the token: a worker whose lease ran out cannot overwrite
 * what another did. A worker that dies keeps its rows only until the lease ends.
 *
 * <p>Never commits: callers run it in their transaction (JTA in the application, auto-commit or
 * their own in tests).
 */
public final class LeasedQueue {
  /** Longest error text kept with a job. */
  public static final int MAX_ERROR = 1000;

  /**
   * Where a queue's jobs live.
   *
   * @param name the table; it has {@code claim_token}, {@code claimed_until}, {@code attempts} and
   *     {@code last_error} columns
   * @param key the numeric key column
   * @param due the column holding when the job is next due
   * @param open the condition a row must meet to be worked on at all (not done, not dead), e.g.
   *     {@code sent_at IS NULL AND dead_at IS NULL}
   * @param deadLetter the assignments that dead-letter a row, e.g. {@code dead_at = ?} (one {@code
   *     ?}, bound to the time) or {@code status = 'DEAD_LETTERED'} (none); {@code null} for a queue
   *     of recurring jobs that never gives up
   */
  public record Table(String name, String key, String due, String open, String deadLetter) {}

  private final Table table;

  public LeasedQueue(Table table) {
    this.table = table;
  }

  /**
   * Whether claims skip rows other transactions hold: on PostgreSQL. H2 (2.5) answers {@code SKIP
   * LOCKED} wrongly under {@code ORDER BY} a non-key column, so there a claim waits for such rows
   * and checks the condition again once they are free — the same outcome, for one node's workers.
   */
  public static boolean skipsLocked(Connection connection) throws SQLException {
    return connection
        .getMetaData()
        .getDatabaseProductName()
        .toLowerCase(Locale.ROOT)
        .contains("postgres");
  }

  /**
   * Claims up to {@code limit} due jobs for {@code lease} under {@code token}, the longest due
   * first; answers their keys in that order.
   */
  public List<Long> claim(Connection c, String token, Instant now, Duration lease, int limit)
      throws SQLException {
    String due =
        table.open()
            + " AND "
            + table.due()
            + " <= ? AND (claimed_until IS NULL OR claimed_until < ?)";
    String candidates =
        "SELECT "
            + table.key()
            + " FROM "
            + table.name()
            + " WHERE "
            + due
            + " ORDER BY "
            + table.due()
            + ", "
            + table.key()
            + " LIMIT "
            + Math.max(1, limit);
    String set = "UPDATE " + table.name() + " SET claim_token = ?, claimed_until = ? WHERE ";
    if (skipsLocked(c)) {
      // The candidates are picked once (a materialized CTE): a subquery of the UPDATE itself may be
      // run again while rows are updated, and would then pick rows past the limit.
      try (PreparedStatement update =
          c.prepareStatement(
              "WITH picked AS MATERIALIZED ("
                  + candidates
                  + " FOR UPDATE SKIP LOCKED) "
                  + set
                  + table.key()
                  + " IN (SELECT "
                  + table.key()
                  + " FROM picked)")) {
        update.setObject(1, utc(now));
        update.setObject(2, utc(now));
        update.setString(3, token);
        update.setObject(4, utc(now.plus(lease)));
        update.executeUpdate();
      }
    } else {
      try (PreparedStatement update =
          c.prepareStatement(set + table.key() + " IN (" + candidates + ") AND " + due)) {
        update.setString(1, token);
        update.setObject(2, utc(now.plus(lease)));
        for (int i = 3; i <= 6; i++) {
          update.setObject(i, utc(now));
        }
        update.executeUpdate();
      }
    }
    List<Long> keys = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT "
                + table.key()
                + " FROM "
                + table.name()
                + " WHERE claim_token = ? AND "
                + table.open()
                + " ORDER BY "
                + table.due()
                + ", "
                + table.key())) {
      select.setString(1, token);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          keys.add(rs.getLong(1));
        }
      }
    }
    return keys;
  }

  /** Extends the claim on one job until {@code until}; false when it is no longer the caller's. */
  public boolean renew(Connection c, long key, String token, Instant until) throws SQLException {
    return whileClaimed(c, key, token, "claimed_until = ?", utc(until));
  }

  /** Gives a claimed job back untouched, as due as it was (the worker is stopping). */
  public boolean release(Connection c, long key, String token) throws SQLException {
    return whileClaimed(c, key, token, "claim_token = NULL, claimed_until = NULL");
  }

  /** Gives a claimed job back without an attempt, due again at {@code next}. */
  public boolean release(Connection c, long key, String token, Instant next) throws SQLException {
    return finish(c, key, token, table.due() + " = ?", utc(next));
  }

  /** Counts a failed attempt; the job waits until {@code next}. */
  public boolean retryLater(Connection c, long key, String token, Instant next, String error)
      throws SQLException {
    return finish(
        c,
        key,
        token,
        table.due() + " = ?, attempts = attempts + 1, last_error = ?",
        utc(next),
        error(error));
  }

  /** Counts a failed attempt and gives up: the job waits in the dead letters for a person. */
  public boolean deadLetter(Connection c, long key, String token, String error, Instant now)
      throws SQLException {
    if (table.deadLetter() == null) {
      throw new IllegalStateException(table.name() + " keeps no dead letters");
    }
    Object[] values =
        table.deadLetter().contains("?")
            ? new Object[] {error(error), utc(now)}
            : new Object[] {error(error)};
    return finish(
        c, key, token, "attempts = attempts + 1, last_error = ?, " + table.deadLetter(), values);
  }

  /**
   * Ends the caller's claim on a job with {@code assignments} (SQL, {@code ?} bound in order to
   * {@code values}) — how a queue records success, or a failure with more detail than {@link
   * #retryLater}; false when the job is no longer the caller's.
   */
  public boolean finish(Connection c, long key, String token, String assignments, Object... values)
      throws SQLException {
    return whileClaimed(
        c, key, token, assignments + ", claim_token = NULL, claimed_until = NULL", values);
  }

  /**
   * Changes a job the caller holds and keeps holding ({@code assignments} as in {@link #finish});
   * false when the job is no longer the caller's.
   */
  public boolean whileClaimed(
      Connection c, long key, String token, String assignments, Object... values)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE "
                + table.name()
                + " SET "
                + assignments
                + " WHERE "
                + table.key()
                + " = ? AND claim_token = ? AND "
                + table.open())) {
      int i = 1;
      for (Object value : values) {
        update.setObject(i++, value);
      }
      update.setLong(i++, key);
      update.setString(i, token);
      return update.executeUpdate() == 1;
    }
  }

  /** An error text as it is kept: never empty, at most {@link #MAX_ERROR} characters. */
  public static String error(String text) {
    if (text == null || text.isBlank()) {
      return "unknown error";
    }
    return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 1) + "…";
  }

  /** How timestamps are bound: with an offset, in UTC, the same on H2 and PostgreSQL. */
  public static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
