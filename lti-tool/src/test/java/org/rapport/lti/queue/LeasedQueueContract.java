package org.rapport.lti.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LeasedQueue} promises, on a table of its own in a real database: the H2 and
 * PostgreSQL tests name the database.
 */
abstract class LeasedQueueContract {
  private static final Instant T0 = Instant.parse("2030-01-01T08:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(5);

  private String table;
  private LeasedQueue queue;
  private Connection c;

  /** A new connection to the database under test, in auto-commit. */
  abstract Connection connect() throws SQLException;

  @BeforeEach
  void table() throws SQLException {
    c = connect();
    table = "queue_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE "
              + table
              + " (id BIGINT PRIMARY KEY, due_at TIMESTAMP WITH TIME ZONE NOT NULL,"
              + " attempts INTEGER NOT NULL, claim_token VARCHAR(64),"
              + " claimed_until TIMESTAMP WITH TIME ZONE, last_error VARCHAR(1000),"
              + " done_at TIMESTAMP WITH TIME ZONE, dead_at TIMESTAMP WITH TIME ZONE)");
    }
    queue = new LeasedQueue(tableOf());
  }

  @AfterEach
  void drop() throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE " + table);
    }
    c.close();
  }

  private void jobs(long first, long last, Instant due) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement("INSERT INTO " + table + " (id, due_at, attempts) VALUES (?, ?, 0)")) {
      for (long id = first; id <= last; id++) {
        insert.setLong(1, id);
        insert.setObject(2, LeasedQueue.utc(due));
        insert.executeUpdate();
      }
    }
  }

  private String text(long id, String column) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT " + column + " FROM " + table + " WHERE id = ?")) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  @Test
  void claimsOnlyDueJobsLongestDueFirstUpToTheLimit() throws SQLException {
    jobs(1, 3, T0.minusSeconds(60));
    jobs(4, 4, T0.minusSeconds(120));
    jobs(5, 5, T0.plusSeconds(60));
    assertEquals(List.of(4L, 1L, 2L), queue.claim(c, "a", T0, LEASE, 3));
    assertEquals(List.of(3L), queue.claim(c, "b", T0, LEASE, 3), "the rest, not 5: not due yet");
    assertEquals(List.of(), queue.claim(c, "c", T0, LEASE, 3));
  }

  @Test
  void aLapsedLeaseLetsAnotherWorkerTakeTheJobAndShutsOutTheFirst() throws SQLException {
    jobs(1, 1, T0);
    assertEquals(List.of(1L), queue.claim(c, "first", T0, LEASE, 10));
    assertEquals(List.of(), queue.claim(c, "second", T0.plus(LEASE), LEASE, 10), "lease runs");
    Instant later = T0.plus(LEASE).plusSeconds(1);
    assertEquals(List.of(1L), queue.claim(c, "second", later, LEASE, 10), "lease lapsed");
    assertFalse(queue.finish(c, 1, "first", "done_at = ?", LeasedQueue.utc(later)));
    assertFalse(queue.retryLater(c, 1, "first", later, "late"), "the first worker lost it");
    assertTrue(queue.finish(c, 1, "second", "done_at = ?", LeasedQueue.utc(later)));
    assertEquals(List.of(), queue.claim(c, "third", later.plus(LEASE.multipliedBy(2)), LEASE, 10));
  }

  @Test
  void aFailedAttemptCountsKeepsTheErrorAndWaitsUntilTheNextAttempt() throws SQLException {
    jobs(1, 1, T0);
    queue.claim(c, "w", T0, LEASE, 10);
    Instant next =
        new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), new java.util.Random(3))
            .next(T0, 1);
    assertTrue(queue.retryLater(c, 1, "w", next, "x".repeat(5000)));
    assertEquals("1", text(1, "attempts"));
    assertEquals(LeasedQueue.MAX_ERROR, text(1, "last_error").length());
    assertEquals(List.of(), queue.claim(c, "w2", next.minusMillis(1), LEASE, 10));
    assertEquals(List.of(1L), queue.claim(c, "w2", next, LEASE, 10));
  }

  @Test
  void aDeadLetterIsNeverClaimedAgainAndAReleasedJobIsClaimedAtOnce() throws SQLException {
    jobs(1, 2, T0);
    queue.claim(c, "w", T0, LEASE, 10);
    assertTrue(queue.deadLetter(c, 1, "w", "refused for good", T0));
    assertTrue(queue.release(c, 2, "w"));
    assertEquals("refused for good", text(1, "last_error"));
    assertEquals(List.of(2L), queue.claim(c, "w2", T0, LEASE, 10));
    assertEquals("0", text(2, "attempts"), "a release is no attempt");
  }

  @Test
  void concurrentWorkersNeverClaimTheSameJob() throws Exception {
    jobs(1, 200, T0);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Long>>> workers = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        String token = "worker-" + w;
        workers.add(
            pool.submit(
                () -> {
                  List<Long> mine = new ArrayList<>();
                  try (Connection own = connect()) {
                    for (List<Long> batch = queue.claim(own, token, T0, LEASE, 7);
                        !batch.isEmpty();
                        batch = queue.claim(own, token + mine.size(), T0, LEASE, 7)) {
                      mine.addAll(batch);
                    }
                  }
                  return mine;
                }));
      }
      Set<Long> seen = new HashSet<>();
      int total = 0;
      for (Future<List<Long>> worker : workers) {
        List<Long> mine = worker.get(60, TimeUnit.SECONDS);
        total += mine.size();
        seen.addAll(mine);
      }
      assertEquals(200, seen.size(), "every job claimed");
      assertEquals(200, total, "none twice");
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * On PostgreSQL a claim skips rows another open transaction holds instead of waiting for it; on
   * H2 it takes what the other left once that committed.
   */
  @Test
  void aClaimTakesNoRowAnotherTransactionClaimed() throws Exception {
    jobs(1, 4, T0);
    try (Connection holder = connect()) {
      holder.setAutoCommit(false);
      assertEquals(List.of(1L, 2L), queue.claim(holder, "holder", T0, LEASE, 2));
      if (!LeasedQueue.skipsLocked(holder)) {
        holder.commit();
      }
      ExecutorService other = Executors.newSingleThreadExecutor();
      try {
        List<Long> claimed =
            other
                .submit(
                    () -> {
                      try (Connection own = connect()) {
                        return queue.claim(own, "other", T0, LEASE, 4);
                      }
                    })
                .get(30, TimeUnit.SECONDS);
        assertEquals(List.of(3L, 4L), claimed);
      } finally {
        other.shutdownNow();
        holder.commit();
      }
    }
  }

  private LeasedQueue.Table tableOf() {
    return new LeasedQueue.Table(
        table, "id", "due_at", "done_at IS NULL AND dead_at IS NULL", "dead_at = ?");
  }
}
