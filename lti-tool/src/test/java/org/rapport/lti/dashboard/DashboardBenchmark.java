package org.rapport.lti.dashboard;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.rapport.lti.alerts.AlertVocabulary;
import org.rapport.lti.alerts.TenantEvaluation;
import org.rapport.lti.analytics.ObservationQuery;
import org.rapport.lti.analytics.TenantObservations;
import org.rapport.lti.persistence.SchemaMigrator;
import org.rapport.lti.testdata.AssessmentSeeder;

/**
 * Times the dashboard and the alert evaluation on a database of 200,000 students × 6 waves (by
 * default 100 institutions × 10 cohorts × 200 students; about 1.1 million responses), filled once
 * with JDBC batches into the V3 tables and reused by later runs:
 *
 * <ol>
 *   <li>the full alert evaluation of every cohort of every institution, as the hourly run does it
 *       (it also stores the summaries the dashboards compare with);
 *   <li>one cohort's dashboard as the page builds it ({@link DashboardData}): its own scores, the
 *       stored summaries of the earlier cohorts of its institution, the analysis, and the page's
 *       charts and tables.
 * </ol>
 *
 * <p>Arguments: {@code [jdbc-url [institutions cohorts-per-institution students-per-cohort]]}; the
 * default URL is an H2 file under {@code target/benchmark}; {@code -Dbenchmark.runs} (default 25)
 * repeats the dashboard. Prints times; asserts nothing.
 */
public final class DashboardBenchmark {
  private DashboardBenchmark() {}

  public static void main(String[] args) throws Exception {
    int tenants = args.length > 3 ? Integer.parseInt(args[1]) : 100;
    int cohorts = args.length > 3 ? Integer.parseInt(args[2]) : 10;
    int size = args.length > 3 ? Integer.parseInt(args[3]) : 200;
    String url =
        args.length > 0
            ? args[0]
            : "jdbc:h2:file:"
                + Path.of(
                        "target", "benchmark", "dashboard-" + tenants + "x" + cohorts + "x" + size)
                    .toAbsolutePath()
                + ";MODE=LEGACY;DB_CLOSE_ON_EXIT=FALSE";
    String user =
        System.getProperty("benchmark.db.user", url.startsWith("jdbc:h2") ? "sa" : "postgres");
    String password = System.getProperty("benchmark.db.password", "");
    System.out.printf(
        Locale.ROOT,
        "Dashboard benchmark: %d institutions x %d cohorts x %d students x 6 waves on %s%n",
        tenants,
        cohorts,
        size,
        url.replaceAll(";.*", ""));
    new SchemaMigrator().migrate(dataSource(url, user, password));

    try (Connection c = DriverManager.getConnection(url, user, password)) {
      List<Long> registrations = fill(c, tenants, cohorts, size);
      if (url.startsWith("jdbc:postgresql:")) {
        try (Statement s = c.createStatement()) {
          s.execute("ANALYZE"); // as autovacuum would have done after a bulk load
        }
      }
      AlertVocabulary words = AlertVocabulary.shipped();

      // (a) Full alert evaluation of every cohort, as AlertEvaluation.evaluateAll runs it (two
      // institutions at a time, a connection each), twice: the second run finds the same declines
      // and adds nothing. It also stores the cohorts' summaries the dashboards compare with.
      TenantEvaluation evaluation =
          new TenantEvaluation(words, 10, id -> null, java.time.ZoneOffset.UTC);
      for (int run = 1; run <= 2; run++) {
        long start = System.nanoTime();
        java.util.Queue<Long> queue =
            new java.util.concurrent.ConcurrentLinkedQueue<>(registrations);
        java.util.concurrent.atomic.AtomicInteger findings =
            new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger raised =
            new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
          Thread worker =
              new Thread(
                  () -> {
                    try (Connection own = DriverManager.getConnection(url, user, password)) {
                      for (Long r = queue.poll(); r != null; r = queue.poll()) {
                        TenantEvaluation.Result result =
                            evaluation.run(own, r, Instant.now(), "benchmark");
                        findings.addAndGet(result.findings());
                        raised.addAndGet(result.raised());
                      }
                    } catch (SQLException e) {
                      throw new IllegalStateException(e);
                    }
                  });
          worker.start();
          workers.add(worker);
        }
        for (Thread worker : workers) {
          worker.join();
        }
        System.out.printf(
            Locale.ROOT,
            "(a) full alert evaluation, run %d: %.2f s for %d cohorts (%d findings, %d new alerts)%n",
            run,
            ms(System.nanoTime() - start) / 1000,
            tenants * cohorts,
            findings.get(),
            raised.get());
      }

      // (0) The observation query alone, every institution in turn on one connection; after (a),
      // whose first run publishes every closed wave (the query reads only published responses).
      long loading = System.nanoTime();
      long rows = 0;
      for (long r : registrations) {
        TenantObservations obs = ObservationQuery.load(c, r);
        for (var d : obs.datasets().values()) {
          rows += d.cohorts().size();
        }
      }
      System.out.printf(
          Locale.ROOT,
          "(0) reading every institution's scores (the evaluation's query): %.2f s, %d cohorts%n",
          ms(System.nanoTime() - loading) / 1000,
          rows);

      // (b) One cohort's dashboard as the page builds it: the latest cohort of a middle
      // institution, its own scores and the stored summaries of every earlier cohort.
      long tenant = registrations.get(registrations.size() / 2);
      int year = 2000 + cohorts - 1;
      long cohortId;
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT id FROM cohort WHERE registration_id = ? AND matriculation_year = ?")) {
        s.setLong(1, tenant);
        s.setInt(2, year);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          cohortId = rs.getLong(1);
        }
      }
      long[] times = new long[Integer.getInteger("benchmark.runs", 25)];
      String crossRows = "";
      for (int i = 0; i < times.length; i++) {
        long start = System.nanoTime();
        DashboardData.Analysis a = DashboardData.load(c, tenant, cohortId, null, false, 10);
        CohortFigures page =
            CohortFigures.of(a.report(), a.observations(), a.instrument(), a.focus(), words);
        times[i] = System.nanoTime() - start;
        crossRows = String.valueOf(page.cross().size());
      }
      int skip = Math.min(5, times.length - 1);
      long[] warm = Arrays.copyOfRange(times, skip, times.length);
      System.out.printf(
          Locale.ROOT,
          "(b) one cohort's dashboard (queries + analysis + charts, %s rows against %d earlier"
              + " cohorts): first %.1f ms; then median %.1f ms, min %.1f ms, max %.1f ms over %d"
              + " runs%n",
          crossRows,
          cohorts - 1,
          ms(times[0]),
          ms(median(warm)),
          ms(Arrays.stream(warm).min().orElse(0)),
          ms(Arrays.stream(warm).max().orElse(0)),
          warm.length);
    }
  }

  private static javax.sql.DataSource dataSource(String url, String user, String password) {
    if (url.startsWith("jdbc:postgresql:")) {
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setUrl(url);
      pg.setUser(user);
      pg.setPassword(password);
      return pg;
    }
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(url);
    h2.setUser(user);
    h2.setPassword(password);
    return h2;
  }

  /** Fills the database unless an earlier run did; returns the registrations' ids. */
  private static List<Long> fill(Connection c, int tenants, int cohorts, int size)
      throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT id FROM registration WHERE issuer LIKE 'https://benchmark.example/%'"
                    + " ORDER BY id")) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    if (ids.size() == tenants) {
      System.out.println("Reusing the data of an earlier run.");
      return ids;
    }
    if (!ids.isEmpty()) {
      throw new IllegalStateException("The benchmark database holds another shape; delete it.");
    }
    long start = System.nanoTime();
    c.setAutoCommit(false);
    Random random = new Random(20260101);
    Timestamp now = Timestamp.from(Instant.now());
    try (PreparedStatement reg =
            c.prepareStatement(
                "INSERT INTO registration (issuer, client_id, name, platform_kind, auth_endpoint,"
                    + " jwks_uri, deployment_policy, enabled, created_at, updated_at)"
                    + " VALUES (?, 'benchmark', ?, 'OTHER', 'https://benchmark.example/auth',"
                    + " 'https://benchmark.example/jwks', 'ACCEPT_ON_FIRST_SIGHT', TRUE, ?, ?)",
                new String[] {"id"});
        AssessmentSeeder seeder = new AssessmentSeeder(c, 1_000_000_000L)) {
      for (int t = 0; t < tenants; t++) {
        reg.setString(1, "https://benchmark.example/" + t);
        reg.setString(2, "Benchmark school " + t);
        reg.setTimestamp(3, now);
        reg.setTimestamp(4, now);
        reg.executeUpdate();
        long id;
        try (ResultSet keys = reg.getGeneratedKeys()) {
          keys.next();
          id = keys.getLong(1);
        }
        ids.add(id);
        for (int k = 0; k < cohorts; k++) {
          // One cohort in ten declines on the affective subscale from Y3 on.
          AssessmentSeeder.Decline[] declines =
              (t * cohorts + k) % 10 == 3
                  ? new AssessmentSeeder.Decline[] {new AssessmentSeeder.Decline("affective", 3, 4)}
                  : new AssessmentSeeder.Decline[0];
          seeder.cohort(
              id, new AssessmentSeeder.CohortSpec(2000 + k, size, 6, 0.2, declines), random);
        }
        seeder.flush();
        c.commit();
      }
    }
    c.setAutoCommit(true);
    System.out.printf(
        Locale.ROOT, "Filled the database in %.1f s.%n", ms(System.nanoTime() - start) / 1000);
    return ids;
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
