package org.rapport.lti.launch;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.rapport.lti.testdata.AssessmentDriver;
import org.rapport.lti.testdata.FreshPostgresDatabase;
import org.rapport.lti.testdata.FullLaunch;
import org.rapport.lti.testdata.LtiTestPlatform;
import org.rapport.lti.testdata.PayaraMicroProcess;
import org.rapport.lti.testdata.RapportClient;

/**
 * Load benchmark (test scope, not part of any test run): starts Rapport on Payara Micro against a
 * freshly created PostgreSQL database, runs a test LMS that signs real RS256 id_tokens, and drives
 * full launches (OIDC login, signed id_token, launch, first page; a new user per launch) at 16, 64
 * and 256 concurrent users for a bounded time each; then assessment submissions by the launched
 * students (stored count checked against acknowledged), and the same client against {@code
 * /health/live} as a ceiling. Prints a Markdown table.
 *
 * <p>Arguments: [PostgreSQL admin URL (default jdbc:postgresql://127.0.0.1:5432/postgres)]
 * [database name (default rapport_bench; dropped and recreated)] [seconds per level (default 20)]
 * [concurrent users, comma-separated (default 16,64,256)]. System property {@code benchmark.jvm}:
 * Rapport's JVM options (default {@code -Xmx512m -XX:MaxMetaspaceSize=256m -XX:+UseSerialGC}, as
 * the run command). Run with {@code mvn -q -pl lti-tool -am pre-integration-test -DskipTests
 * -Pload-benchmark}.
 */
public final class LoadBenchmark {
  private static int[] levels = {16, 64, 256};
  private static final String YEAR = "2024";

  private final String adminUrl;
  private final String jdbcUrl;
  private final String database;
  private final Duration perLevel;
  private final PayaraMicroProcess rapport;
  private final FullLaunch launches;
  private final Queue<String> sessions = new ConcurrentLinkedQueue<>();
  private final AtomicInteger users = new AtomicInteger();
  private final List<String> rows = new ArrayList<>();

  private LoadBenchmark(
      String adminUrl,
      String jdbcUrl,
      String database,
      Duration perLevel,
      PayaraMicroProcess rapport,
      FullLaunch launches) {
    this.adminUrl = adminUrl;
    this.jdbcUrl = jdbcUrl;
    this.database = database;
    this.perLevel = perLevel;
    this.rapport = rapport;
    this.launches = launches;
  }

  public static void main(String[] args) throws Exception {
    String adminUrl = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/postgres";
    String database = args.length > 1 ? args[1] : "rapport_bench";
    Duration perLevel = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 20);
    if (args.length > 3) {
      levels = Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray();
    }
    FreshPostgresDatabase.main(new String[] {adminUrl, database, "postgres"});
    String jdbcUrl = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + database;
    List<String> jvm =
        List.of(
            System.getProperty(
                    "benchmark.jvm", "-Xmx512m -XX:MaxMetaspaceSize=256m -XX:+UseSerialGC")
                .split(" "));
    long starting = System.nanoTime();
    try (LtiTestPlatform platform = LtiTestPlatform.start();
        PayaraMicroProcess rapport =
            PayaraMicroProcess.start(
                "load-benchmark",
                Map.of(
                    // Development mode: the benchmark's LMS serves its key set over http on
                    // 127.0.0.1, which only development mode lets Rapport call (and without a
                    // public URL Rapport starts only in development mode).
                    "RAPPORT_DEV_MODE",
                    "true",
                    "RAPPORT_DB_URL",
                    jdbcUrl,
                    "RAPPORT_DB_USER",
                    "postgres",
                    "RAPPORT_DB_PASSWORD",
                    "",
                    "RAPPORT_ADMIN_PASSWORD",
                    RapportClient.ADMIN_PASSWORD,
                    // Here every login comes from 127.0.0.1 and one LMS, where a class's come from
                    // each student's browser: the login limits would be measured, not the launch.
                    "RAPPORT_LIMITS_LOGINS_PER_MINUTE_PER_ADDRESS",
                    "100000000",
                    "RAPPORT_LIMITS_LOGINS_PER_MINUTE_PER_PLATFORM",
                    "100000000"),
                jvm)) {
      double readySeconds = (System.nanoTime() - starting) / 1e9;
      RapportClient client = rapport.client();
      AssessmentDriver.expect(
          201,
          client.adminPost(
              "/api/admin/registrations",
              platform.registrationJson("Benchmark LMS", "bench", "ACCEPT_ON_FIRST_SIGHT")));
      LoadBenchmark benchmark =
          new LoadBenchmark(
              adminUrl,
              jdbcUrl,
              database,
              perLevel,
              rapport,
              new FullLaunch(client.base(), platform, "bench"));
      benchmark.run(client, platform, jvm, readySeconds);
    }
  }

  private void run(
      RapportClient client, LtiTestPlatform platform, List<String> jvm, double readySeconds)
      throws Exception {
    System.out.println("Warming up (" + perLevel.toSeconds() / 2 + " s at 16 users)...");
    launchLevel(16, perLevel.dividedBy(2), false);
    for (int level : levels) {
      System.out.println("Launches at " + level + " concurrent users...");
      launchLevel(level, perLevel, true);
    }
    submissions(client);
    for (int level : levels) {
      liveness(client, level);
    }
    long rss = rssKilobytes(rapport.pid());
    System.out.println();
    System.out.println(
        "| what | users | per second | p50 ms | p95 ms | p99 ms | errors | server CPU ms each |"
            + " commits each |");
    System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    rows.forEach(System.out::println);
    System.out.println();
    problemLines.forEach(p -> System.out.println("- " + p));
    System.out.printf(
        "JVM %s; Payara start to ready %.1f s; RSS after the load %d MB; %d CPUs.%n",
        String.join(" ", jvm),
        readySeconds,
        rss / 1024,
        Runtime.getRuntime().availableProcessors());
  }

  /** Each user launches as a new LMS user, again and again, until the time is up. */
  private void launchLevel(int level, Duration time, boolean record) throws Exception {
    Measured m =
        measure(
            level,
            time,
            () -> {
              String subject = "bench-" + users.incrementAndGet();
              FullLaunch.Outcome outcome =
                  launches.launch(subject, Map.of("rapport_matriculation_year", YEAR));
              if (!outcome.ok()) {
                throw new IllegalStateException(
                    outcome.step()
                        + " answered "
                        + outcome.status()
                        + " "
                        + first(outcome.detail()));
              }
              if (outcome.session() != null) {
                sessions.add(outcome.session());
              }
              return true;
            });
    if (record) {
      record(m.row("full launch", level));
      report(m, "full launch", level);
    }
  }

  /** Every launched student consents; then submits the Y1 wave, at 16 and at 64 at once. */
  private void submissions(RapportClient client) throws Exception {
    AssessmentDriver driver = new AssessmentDriver(client);
    long registration =
        ((Number)
                AssessmentDriver.array(client.adminGet("/api/admin/registrations").body())
                    .get(0)
                    .get("id"))
            .longValue();
    long wave = driver.wave(registration, Integer.parseInt(YEAR), "Y1");
    driver.open(wave);
    List<String> all = new ArrayList<>(sessions);
    Collections.shuffle(all);
    int count = Math.min(all.size(), 4000);
    List<String> students = all.subList(0, count);
    System.out.println("Consent of " + count + " students...");
    Queue<String> consenting = new ConcurrentLinkedQueue<>(students);
    runAll(
        16,
        consenting,
        s -> client.postForm("/app/assessment/consent?s=" + s, "agree=yes").statusCode() == 303);
    int[] fours = new int[18];
    Arrays.fill(fours, 4);
    String form = AssessmentDriver.answers(wave, fours);
    AtomicInteger acknowledged = new AtomicInteger();
    long storedBefore = submitted();
    int half = count / 2;
    for (int level : new int[] {16, 64}) {
      List<String> batch =
          level == 16 ? students.subList(0, half) : students.subList(half, students.size());
      System.out.println("Submissions of " + batch.size() + " students at " + level + "...");
      Queue<String> waiting = new ConcurrentLinkedQueue<>(batch);
      Measured m =
          runAll(
              level,
              waiting,
              s -> {
                boolean ok = driver.post(s, "submit", form, false).statusCode() == 303;
                if (ok) {
                  acknowledged.incrementAndGet();
                }
                return ok;
              });
      record(m.row("assessment submission", level));
    }
    long stored = submitted() - storedBefore;
    record(
        "| stored submissions = acknowledged | | "
            + stored
            + " = "
            + acknowledged.get()
            + (stored == acknowledged.get() ? " (equal)" : " (DIFFERENT)")
            + " | | | | | | |");
  }

  private void liveness(RapportClient client, int level) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest live =
        HttpRequest.newBuilder(client.uri("/health/live")).timeout(Duration.ofSeconds(60)).build();
    Measured m =
        measure(
            level,
            perLevel.dividedBy(2),
            () -> {
              int status = http.send(live, HttpResponse.BodyHandlers.ofString()).statusCode();
              if (status != 200) {
                throw new IllegalStateException("/health/live answered " + status);
              }
              return true;
            });
    record(m.row("`/health/live` (ceiling)", level));
    report(m, "/health/live", level);
  }

  /** Keeps a table row, and prints it as measured so that a run cut short still tells. */
  private void record(String row) {
    System.out.println(row);
    rows.add(row);
  }

  private static String first(String text) {
    String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    return line.length() > 160 ? line.substring(0, 160) : line;
  }

  private final List<String> problemLines = new ArrayList<>();

  private void report(Measured m, String what, int level) {
    m.problems.forEach(
        (problem, count) ->
            problemLines.add(what + " at " + level + ": " + count + " × " + problem));
  }

  interface Step {
    boolean run() throws Exception;
  }

  interface Item {
    boolean run(String item) throws Exception;
  }

  /** Latencies, errors and counts of one measured phase. */
  private final class Measured {
    final Queue<Long> latencies = new ConcurrentLinkedQueue<>();
    final AtomicLong errors = new AtomicLong();
    final Map<String, Integer> problems = new java.util.concurrent.ConcurrentHashMap<>();
    long nanos;
    Duration cpu;
    long commits;

    String row(String what, int level) {
      long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
      int n = sorted.length;
      double seconds = nanos / 1e9;
      long ok = n - errors.get();
      return String.format(
          "| %s | %d | %.0f | %.0f | %.0f | %.0f | %d | %.2f | %.2f |",
          what,
          level,
          ok / seconds,
          percentile(sorted, 0.50),
          percentile(sorted, 0.95),
          percentile(sorted, 0.99),
          errors.get(),
          ok == 0 ? 0.0 : cpu.toNanos() / 1e6 / ok,
          ok == 0 ? 0.0 : (double) commits / ok);
    }
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  private Measured measure(int level, Duration time, Step step) throws Exception {
    Measured m = new Measured();
    long end = System.nanoTime() + time.toNanos();
    Snapshot before = snapshot();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(level);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < level; i++) {
        running.add(
            pool.submit(
                () -> {
                  while (System.nanoTime() < end) {
                    timed(m, step);
                  }
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get(time.toSeconds() + 120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    m.nanos = System.nanoTime() - start;
    Snapshot after = snapshot();
    m.cpu = after.cpu.minus(before.cpu);
    m.commits = after.commits - before.commits;
    return m;
  }

  private Measured runAll(int level, Queue<String> items, Item step) throws Exception {
    Measured m = new Measured();
    Snapshot before = snapshot();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(level);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < level; i++) {
        running.add(
            pool.submit(
                () -> {
                  String item;
                  while ((item = items.poll()) != null) {
                    String current = item;
                    timed(m, () -> step.run(current));
                  }
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get(600, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    m.nanos = System.nanoTime() - start;
    Snapshot after = snapshot();
    m.cpu = after.cpu.minus(before.cpu);
    m.commits = after.commits - before.commits;
    return m;
  }

  private static void timed(Measured m, Step step) {
    long t0 = System.nanoTime();
    boolean ok;
    try {
      ok = step.run();
    } catch (Exception | AssertionError e) {
      ok = false;
      String problem = e.getClass().getSimpleName() + ": " + first(e.getMessage());
      if (m.problems.size() < 5 || m.problems.containsKey(problem)) {
        m.problems.merge(problem, 1, Integer::sum);
      }
    }
    m.latencies.add(System.nanoTime() - t0);
    if (!ok) {
      m.errors.incrementAndGet();
    }
  }

  private record Snapshot(Duration cpu, long commits) {}

  /**
   * The server's CPU time and the database's committed transactions. PostgreSQL publishes a
   * backend's counts within about a second: read (from the admin database, so that the reads are
   * not counted) until two reads a second apart agree, at most 10 s.
   */
  private Snapshot snapshot() throws SQLException, InterruptedException {
    long[] last = {commits()};
    long commits;
    try {
      commits =
          org.awaitility.Awaitility.await("two equal commit counts a second apart")
              .atMost(Duration.ofSeconds(10))
              .pollDelay(Duration.ofSeconds(1))
              .pollInterval(Duration.ofSeconds(1))
              .until(
                  () -> {
                    long before = last[0];
                    last[0] = commits();
                    return last[0] == before ? last[0] : -1;
                  },
                  agreed -> agreed >= 0);
    } catch (org.awaitility.core.ConditionTimeoutException stillMoving) {
      commits = last[0];
    }
    Duration cpu =
        ProcessHandle.of(rapport.pid())
            .flatMap(p -> p.info().totalCpuDuration())
            .orElse(Duration.ZERO);
    return new Snapshot(cpu, commits);
  }

  private long commits() throws SQLException {
    try (Connection c = DriverManager.getConnection(adminUrl, "postgres", "");
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT xact_commit FROM pg_stat_database WHERE datname = '" + database + "'")) {
      r.next();
      return r.getLong(1);
    }
  }

  private long submitted() throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("SELECT count(*) FROM assessment_response WHERE status = 'SUBMITTED'")) {
      r.next();
      return r.getLong(1);
    }
  }

  private static long rssKilobytes(long pid) throws java.io.IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
