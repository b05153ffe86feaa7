package org.rapport.lti.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.lti.persistence.SchemaMigrator;

/**
 * Claims of scheduled work on one H2 database shared by several "nodes" (one {@link ScheduledRuns}
 * each, as every Rapport process has its own): each period of a job goes to exactly one node.
 */
class ScheduledRunsTest {
  private static final Instant NOW = Instant.parse("2026-12-04T12:05:00Z");
  private static final Instant HOUR = Instant.parse("2026-12-04T12:00:00Z");
  private JdbcDataSource ds;
  private Connection keepAlive;

  @BeforeEach
  void schema() throws SQLException {
    ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:runs-" + UUID.randomUUID() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    new SchemaMigrator().migrate(ds);
    keepAlive = ds.getConnection();
  }

  @AfterEach
  void close() throws SQLException {
    keepAlive.close();
  }

  private ScheduledRuns node(String name) {
    ScheduledRuns runs = new ScheduledRuns();
    runs.dataSource = ds;
    runs.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    runs.node = new NodeName();
    runs.node.configured = Optional.of(name);
    return runs;
  }

  @Test
  void aPeriodClaimedByOneNodeIsRefusedToEveryOtherAndToItselfAgain() throws SQLException {
    ScheduledRuns a = node("node-a");
    ScheduledRuns b = node("node-b");
    assertTrue(a.claim("alert-evaluation", HOUR));
    assertFalse(b.claim("alert-evaluation", HOUR));
    assertFalse(a.claim("alert-evaluation", HOUR));
    assertEquals(List.of("alert-evaluation " + HOUR + " node-a"), rows());
  }

  @Test
  void eachJobAndEachPeriodIsClaimedSeparately() throws SQLException {
    ScheduledRuns a = node("node-a");
    ScheduledRuns b = node("node-b");
    assertTrue(a.claim("alert-evaluation", HOUR));
    assertTrue(b.claim("retention-sweep", HOUR));
    assertTrue(b.claim("alert-evaluation", HOUR.plusSeconds(3600)));
    assertEquals(3, rows().size());
  }

  @Test
  void nodesRacingForTheSamePeriodsGetEachPeriodExactlyOnce() throws Exception {
    List<ScheduledRuns> nodes = List.of(node("n1"), node("n2"), node("n3"), node("n4"));
    ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
    try {
      int periods = 50;
      int[] won = new int[periods];
      for (int p = 0; p < periods; p++) {
        Instant slot = HOUR.plusSeconds(10L * p);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> claims = new ArrayList<>();
        for (ScheduledRuns n : nodes) {
          claims.add(
              pool.submit(
                  () -> {
                    start.await();
                    return n.claim("alert-evaluation", slot);
                  }));
        }
        start.countDown();
        for (Future<Boolean> claim : claims) {
          won[p] += claim.get() ? 1 : 0;
        }
      }
      for (int p = 0; p < periods; p++) {
        assertEquals(1, won[p], "period " + p + " claimed by exactly one node");
      }
      assertEquals(periods, rows().size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void sweepForgetsClaimsOfEarlierPeriodsOnly() throws SQLException {
    ScheduledRuns a = node("node-a");
    a.claim("retention-sweep", HOUR.minusSeconds(31L * 86400));
    a.claim("retention-sweep", HOUR);
    assertEquals(1, a.sweep(HOUR.minusSeconds(30L * 86400)));
    assertEquals(List.of("retention-sweep " + HOUR + " node-a"), rows());
  }

  private List<String> rows() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = keepAlive.createStatement();
        ResultSet rs = s.executeQuery("SELECT job, slot, node FROM scheduled_run ORDER BY slot")) {
      while (rs.next()) {
        rows.add(rs.getString(1) + " " + rs.getTimestamp(2).toInstant() + " " + rs.getString(3));
      }
    }
    return rows;
  }
}
