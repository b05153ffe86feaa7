package org.rapport.lti.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.rapport.lti.protocol.LaunchFailure;
import org.rapport.lti.testdata.FreshPostgresDatabase;
import org.rapport.lti.testdata.FullLaunch;
import org.rapport.lti.testdata.HaproxyBalancer;
import org.rapport.lti.testdata.LmsHttpServer;
import org.rapport.lti.testdata.LtiTestPlatform;
import org.rapport.lti.testdata.PayaraMicroProcess;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.ServiceRows;

/**
 * Two Rapport nodes (Payara Micro processes) on one PostgreSQL database, behind a real HAProxy
 * balancing every request round robin without stickiness: a login served by one node is completed
 * by a launch on the other, a nonce used on one node is refused on the other, a session made on one
 * node works (and ends) on the other, 1,000 queued scores are delivered exactly once by the two
 * score workers together, the scheduled alert evaluation runs once per period, and when one node is
 * killed in the middle of launches and score delivery the other carries on and nothing acknowledged
 * is lost.
 *
 * <p>The test creates its own database ({@code it.cluster.db.name}, default {@code
 * rapport_two_nodes}) on the PostgreSQL server at {@code it.cluster.db.admin.url} (default {@code
 * jdbc:postgresql://127.0.0.1:5432/postgres}, user {@code postgres}), so it runs the same whichever
 * database the rest of the suite uses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {
  private static final String CLIENT_ID = "two-nodes";
  private static final String COURSE = "cluster-course";
  private static final List<String> MODULES =
      List.of("teach-back", "opening-the-visit", "responding-to-emotion", "pause-and-reflection");
  private static final int MEMBERS = 250;
  private static final Duration EVALUATION_INTERVAL = Duration.ofSeconds(10);
  private static final Pattern EVALUATED =
      Pattern.compile("Scheduled alert evaluation of the period from (\\S+): (\\d+) tenant");

  private final String adminUrl =
      System.getProperty("it.cluster.db.admin.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
  private final String databaseName = System.getProperty("it.cluster.db.name", "rapport_two_nodes");
  private String jdbcUrl;

  private final Map<String, PayaraMicroProcess> nodes = new LinkedHashMap<>();
  private HaproxyBalancer balancer;
  private LtiTestPlatform lms;
  private LtiTestPlatform gradebook;
  private RapportClient viaBalancer;
  private long gradebookRegistration;
  private Instant started;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @BeforeAll
  void startTwoNodesBehindHaproxy() throws Exception {
    FreshPostgresDatabase.main(new String[] {adminUrl, databaseName, "postgres"});
    jdbcUrl = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + databaseName;
    int balancerPort = HaproxyBalancer.freePort();
    started = Instant.now();
    for (String name : List.of("node-a", "node-b")) {
      Path log = Path.of("target", "two-nodes-" + name + ".log");
      Files.deleteIfExists(log);
      Map<String, String> environment = new HashMap<>();
      environment.put("RAPPORT_DB_URL", jdbcUrl);
      environment.put("RAPPORT_DB_USER", "postgres");
      environment.put("RAPPORT_DB_PASSWORD", "");
      environment.put("RAPPORT_NODE_NAME", name);
      // Every login of the load comes from 127.0.0.1 and one LMS, where a class's come from each
      // student's browser: on a fast machine the per-address and per-platform login limits would
      // answer 429 and be measured instead of the fail-over.
      environment.put("RAPPORT_LIMITS_LOGINS_PER_MINUTE_PER_ADDRESS", "100000000");
      environment.put("RAPPORT_LIMITS_LOGINS_PER_MINUTE_PER_PLATFORM", "100000000");
      environment.put("RAPPORT_PUBLIC_URL", "http://127.0.0.1:" + balancerPort);
      environment.put(
          "RAPPORT_ALERTS_EVALUATION_INTERVAL_SECONDS",
          String.valueOf(EVALUATION_INTERVAL.toSeconds()));
      nodes.put(
          name,
          PayaraMicroProcess.start(
              "two-nodes-" + name,
              environment,
              List.of("-Xmx512m", "-XX:MaxMetaspaceSize=256m", "-XX:+UseSerialGC")));
    }
    Map<String, Integer> ports = new LinkedHashMap<>();
    nodes.forEach((name, node) -> ports.put(name, node.port()));
    balancer = HaproxyBalancer.start(balancerPort, ports, Path.of("target", "two-nodes-haproxy"));
    viaBalancer = new RapportClient(balancer.uri("/").toURL());

    lms = LtiTestPlatform.start();
    HttpResponse<String> created =
        viaBalancer.adminPost(
            "/api/admin/registrations",
            lms.registrationJson("Cluster LMS", CLIENT_ID, "ACCEPT_ON_FIRST_SIGHT"));
    assertEquals(201, created.statusCode(), created.body());

    gradebook = LtiTestPlatform.forRapport(viaBalancer);
    gradebook.roster(COURSE, LtiTestPlatform.members("m", MEMBERS));
    HttpResponse<String> second =
        viaBalancer.adminPost(
            "/api/admin/registrations", gradebook.registrationJson("Cluster gradebook"));
    assertEquals(201, second.statusCode(), second.body());
    gradebookRegistration = ((Number) JSONObjectUtils.parse(second.body()).get("id")).longValue();
  }

  @AfterAll
  void stopEverything() throws Exception {
    if (balancer != null) {
      balancer.close();
    }
    for (PayaraMicroProcess node : nodes.values()) {
      node.close();
    }
    if (lms != null) {
      lms.close();
    }
    if (gradebook != null) {
      gradebook.close();
    }
  }

  @Test
  @Order(1)
  void aLoginServedByOneNodeIsCompletedByALaunchOnTheOther() throws Exception {
    Login login = login(balancer.uri(""), "first-student");
    HttpResponse<String> launch = launch(balancer.uri(""), login, token(login, "first-student"));
    assertEquals(303, launch.statusCode(), launch.body());
    String loginNode = login.servedBy();
    String launchNode = launch.headers().firstValue(HaproxyBalancer.NODE_HEADER).orElseThrow();
    assertNotEquals(loginNode, launchNode, "round robin sent the launch to the other node");
    HttpResponse<String> page = get(balancer.uri(""), location(launch));
    assertEquals(200, page.statusCode(), page.body());
    System.out.printf("Login served by %s, launch by %s%n", loginNode, launchNode);
  }

  @Test
  @Order(2)
  void aNonceUsedOnOneNodeIsRefusedOnTheOther() throws Exception {
    URI a = node("node-a");
    URI b = node("node-b");
    Login login = login(a, "replaying-student");
    String idToken = token(login, "replaying-student");
    HttpResponse<String> first = launch(b, login, idToken);
    assertEquals(303, first.statusCode(), "node-b accepts the nonce node-a issued: " + first);

    HttpResponse<String> replayOnA = launch(a, login, idToken);
    assertEquals(401, replayOnA.statusCode(), replayOnA.body());
    assertTrue(replayOnA.body().contains(LaunchFailure.NONCE_REPLAYED.name()), replayOnA.body());
    HttpResponse<String> replayOnB = launch(b, login, idToken);
    assertEquals(401, replayOnB.statusCode(), replayOnB.body());
    assertTrue(replayOnB.body().contains(LaunchFailure.NONCE_REPLAYED.name()), replayOnB.body());
  }

  @Test
  @Order(3)
  void aSessionMadeOnOneNodeWorksOnTheOtherAndEndsThereToo() throws Exception {
    URI a = node("node-a");
    URI b = node("node-b");
    Login first = login(a, "moving-student");
    String firstPage = location(launch(a, first, token(first, "moving-student")));
    assertEquals(200, get(b, firstPage).statusCode(), "node-b opens node-a's session");
    assertEquals(200, get(a, firstPage).statusCode());

    // Launching again from the same course ends the first session, on every node.
    Login again = login(b, "moving-student");
    String secondPage = location(launch(b, again, token(again, "moving-student")));
    assertEquals(200, get(a, secondPage).statusCode(), "node-a opens node-b's session");
    int endedOnA = get(a, firstPage).statusCode();
    int endedOnB = get(b, firstPage).statusCode();
    assertNotEquals(200, endedOnA, "the first session ended on node-a too");
    assertNotEquals(200, endedOnB, "the first session ended on node-b");
  }

  @Test
  @Order(4)
  void thousandQueuedScoresAreDeliveredExactlyOnceByBothWorkers() throws Exception {
    gradebook.scoreDelay(Duration.ofMillis(10));
    OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2);
    int queued = queueScores("first", at);
    assertEquals(1000, queued);
    awaitNothingQueued(Duration.ofMinutes(4));

    List<LtiTestPlatform.ScoreRecord> scores = gradebook.scores();
    Map<String, Long> perScore = countPerScore(scores);
    assertEquals(1000, perScore.size(), "every queued score reached the LMS");
    assertEquals(
        Map.of(1L, 1000L),
        perScore.values().stream().collect(Collectors.groupingBy(n -> n, Collectors.counting())),
        "each exactly once");
    Map<String, Long> byNode = deliveredByNode();
    System.out.println("Scores delivered per node: " + byNode);
    assertEquals(1000L, byNode.values().stream().mapToLong(Long::longValue).sum());
    assertEquals(Set.of("node-a", "node-b"), byNode.keySet(), "both workers delivered");
    assertTrue(gradebook.problems().isEmpty(), gradebook.problems().toString());
  }

  @Test
  @Order(5)
  void theScheduledAlertEvaluationRunsOncePerPeriodAcrossBothNodes() throws Exception {
    // Both nodes check for a new period every second or so; wait for three periods after this
    // point, then compare what each node's log says it evaluated with the database's claims.
    Instant from = Instant.now().plus(EVALUATION_INTERVAL);
    await("three evaluation periods within the time")
        .atMost(EVALUATION_INTERVAL.multipliedBy(8))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> claimedPeriods(from).size() >= 3);
    Map<Instant, String> claims = claimedPeriods(started);
    Map<Instant, List<String>> logged = new TreeMap<>();
    for (String name : nodes.keySet()) {
      String log = Files.readString(Path.of("target", "two-nodes-" + name + ".log"));
      Matcher m = EVALUATED.matcher(log);
      while (m.find()) {
        Instant period = Instant.parse(m.group(1));
        logged.computeIfAbsent(period, p -> new ArrayList<>()).add(name);
        if (!period.isBefore(from)) {
          assertEquals("2", m.group(2), "both tenants evaluated in the period " + period);
        }
      }
    }
    System.out.println("Evaluated periods by node: " + logged);
    for (Map.Entry<Instant, List<String>> period : logged.entrySet()) {
      assertEquals(1, period.getValue().size(), "period " + period.getKey() + " evaluated once");
      assertEquals(List.of(claims.get(period.getKey())), period.getValue(), "by its claimant");
    }
    Set<Instant> evaluated = new TreeSet<>(logged.keySet());
    for (Instant period : claimedPeriods(from).keySet()) {
      if (period.plus(EVALUATION_INTERVAL).isBefore(Instant.now().minusSeconds(2))) {
        assertTrue(evaluated.contains(period), "claimed period " + period + " was evaluated");
      }
    }
    assertTrue(evaluated.size() >= 3, "at least three periods: " + evaluated);
  }

  @Test
  @Order(6)
  void whenOneNodeIsKilledMidLoadTheOtherCarriesOnAndNothingIsLost() throws Exception {
    int before = gradebook.scores().size();
    gradebook.scoreDelay(Duration.ofMillis(40));
    assertEquals(1000, queueScores("second", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1)));

    FullLaunch launches = new FullLaunch(balancer.uri(""), lms, CLIENT_ID);
    record Attempt(Instant at, FullLaunch.Outcome outcome) {}
    ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger users = new AtomicInteger();
    int threads = 6;
    ExecutorService load = Executors.newFixedThreadPool(threads);
    Instant killed;
    try {
      for (int t = 0; t < threads; t++) {
        load.submit(
            () -> {
              while (running.get()) {
                Instant at = Instant.now();
                attempts.add(
                    new Attempt(
                        at,
                        launches.launch(
                            "load-" + users.incrementAndGet(),
                            Map.of("rapport_matriculation_year", "2024"))));
              }
            });
      }
      await("load and delivery under way")
          .atMost(Duration.ofSeconds(240))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> gradebook.scores().size() - before >= 200 && attempts.size() >= 30);
      killed = Instant.now();
      nodes.get("node-b").kill();
      System.out.printf(
          "Killed node-b after %d launches and %d new scores%n",
          attempts.size(), gradebook.scores().size() - before);
      // Launches keep coming until a dozen that started well after the kill have finished.
      Instant settled = killed.plusSeconds(3);
      await("launches on the surviving node")
          .atMost(Duration.ofSeconds(180))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> attempts.stream().filter(x -> x.at().isAfter(settled)).count() >= 12);
    } finally {
      running.set(false);
      load.shutdown();
      assertTrue(load.awaitTermination(90, TimeUnit.SECONDS));
    }

    List<Attempt> all = new ArrayList<>(attempts);
    List<Attempt> failed = all.stream().filter(x -> !x.outcome().ok()).toList();
    long afterKill = all.stream().filter(x -> x.at().isAfter(killed.plusSeconds(3))).count();
    long okAfterKill =
        all.stream().filter(x -> x.at().isAfter(killed.plusSeconds(3)) && x.outcome().ok()).count();
    System.out.printf(
        "Launches: %d, failed: %d (%s); started 3 s or more after the kill: %d, succeeded: %d%n",
        all.size(),
        failed.size(),
        failed.stream()
            .map(x -> x.outcome().step() + " " + x.outcome().status())
            .collect(Collectors.joining(", ")),
        afterKill,
        okAfterKill);
    assertTrue(afterKill >= 10, "node-a carried on: " + afterKill);
    assertEquals(afterKill, okAfterKill, "every launch after the kill succeeded");
    assertTrue(
        failed.size() <= threads,
        "only launches under way on node-b when it died may fail: " + failed.size());

    // Nothing acknowledged is lost: every session a launch handed out opens on the survivor.
    URI survivor = node("node-a");
    for (Attempt ok : all.stream().filter(x -> x.outcome().ok()).toList()) {
      HttpResponse<String> page = get(survivor, "/app?s=" + ok.outcome().session());
      assertEquals(200, page.statusCode(), "session of a launch acknowledged before the kill");
    }

    // node-b's claimed scores come back when their leases end, in doubt where a post was under
    // way: node-a checks the gradebook before posting those again.
    awaitNothingQueued(Duration.ofMinutes(5));
    Map<String, Long> perScore = countPerScore(gradebook.scores());
    assertEquals(2000, perScore.size(), "every score of both rounds reached the LMS");
    assertTrue(
        perScore.values().stream().allMatch(n -> n == 1),
        "no score posted twice: "
            + perScore.entrySet().stream().filter(e -> e.getValue() > 1).toList());
    System.out.println("Scores delivered per node after the kill: " + deliveredByNode());
  }

  // ---- launches, as an LMS and a browser make them, against a chosen address ----

  private record Login(String servedBy, String state, String nonce, String cookie) {}

  private Login login(URI base, String subject) throws IOException, InterruptedException {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(
                    base.resolve(
                        "/lti/login?iss="
                            + enc(lms.issuer())
                            + "&login_hint="
                            + enc(subject)
                            + "&target_link_uri="
                            + enc(balancer.uri("/app").toString())
                            + "&client_id="
                            + CLIENT_ID
                            + "&lti_deployment_id="
                            + LtiTestPlatform.DEPLOYMENT_ID))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(303, answer.statusCode(), answer.body());
    Map<String, String> q = LmsHttpServer.query(URI.create(location(answer)).getRawQuery());
    String setCookie = answer.headers().firstValue("Set-Cookie").orElseThrow();
    return new Login(
        answer.headers().firstValue(HaproxyBalancer.NODE_HEADER).orElse(base.toString()),
        q.get("state"),
        q.get("nonce"),
        setCookie.substring(0, setCookie.indexOf(';')));
  }

  private String token(Login login, String subject) {
    JWTClaimsSet claims =
        lms.launchClaims(CLIENT_ID, subject, login.nonce(), balancer.uri("/app").toString())
            .claim(
                org.rapport.lti.protocol.claims.LtiClaims.CUSTOM,
                Map.of("rapport_matriculation_year", "2024"))
            .build();
    return lms.sign(claims);
  }

  private HttpResponse<String> launch(URI base, Login login, String idToken)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(base.resolve("/lti/launch"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", login.cookie())
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "id_token=" + enc(idToken) + "&state=" + enc(login.state())))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(URI base, String pathOrUrl)
      throws IOException, InterruptedException {
    URI target = URI.create(pathOrUrl);
    String path =
        target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    return http.send(
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String location(HttpResponse<String> answer) {
    return answer
        .headers()
        .firstValue("Location")
        .orElseThrow(() -> new AssertionError("no redirect: " + answer.statusCode()));
  }

  private URI node(String name) {
    return URI.create("http://127.0.0.1:" + nodes.get(name).port());
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  // ---- scores and claims, read and written in the shared database ----

  private Connection database() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, "postgres", "");
  }

  /**
   * Queues 250 learners × 4 graded links of completions straight into the score outbox, as the
   * completion observer does. Each round has links (so gradebook columns) of its own: a module is
   * completed once per learner and link, and a second completion on the same link would only repeat
   * a score the gradebook already shows, which a score in doubt is rightly not posted again for.
   * The course and learners are created the first time.
   */
  private int queueScores(String round, OffsetDateTime at) throws SQLException {
    int queued = 0;
    try (Connection c = database()) {
      c.setAutoCommit(false);
      ServiceRows rows = new ServiceRows(c);
      String courseRow = "FROM course WHERE registration_id = ? AND context_id = ?";
      boolean first =
          rows.single("SELECT COUNT(*) " + courseRow, gradebookRegistration, COURSE) == 0;
      long course =
          first
              ? rows.course(gradebookRegistration, COURSE)
              : rows.single("SELECT id " + courseRow, gradebookRegistration, COURSE);
      // With result.readonly a score in doubt (its node died during the post) is looked up in the
      // gradebook before it is posted again.
      String scopes =
          LtiTestPlatform.AGS
              + "score "
              + LtiTestPlatform.AGS
              + "lineitem "
              + LtiTestPlatform.AGS
              + "result.readonly";
      long[] links = new long[MODULES.size()];
      for (int i = 0; i < links.length; i++) {
        links[i] =
            rows.link(
                course,
                "cluster-" + round + "-" + i,
                "/app/modules/" + MODULES.get(i),
                scopes,
                gradebook.lineItemsUrl(COURSE).toString());
      }
      List<Long> learners = new ArrayList<>();
      for (int m = 1; m <= MEMBERS; m++) {
        learners.add(
            first
                ? rows.learner(gradebookRegistration, "m-" + m)
                : rows.learnerId(gradebookRegistration, "m-" + m));
      }
      for (long learner : learners) {
        for (int i = 0; i < links.length; i++) {
          rows.queueCompletion(
              gradebookRegistration,
              links[i],
              learner,
              MODULES.get(i),
              at.plusNanos(queued * 1_000_000L));
          queued++;
        }
      }
      c.commit();
    }
    return queued;
  }

  private void awaitNothingQueued(Duration timeout) throws Exception {
    await("every queued score delivered in time")
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> count("SELECT COUNT(*) FROM score_outbox WHERE status = 'QUEUED'") == 0);
    assertEquals(0, count("SELECT COUNT(*) FROM score_outbox WHERE status = 'DEAD_LETTERED'"));
  }

  private long count(String sql) throws SQLException {
    try (Connection c = database();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private Map<String, Long> deliveredByNode() throws SQLException {
    Map<String, Long> byNode = new TreeMap<>();
    try (Connection c = database();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT delivered_by, COUNT(*) FROM score_outbox WHERE status = 'DELIVERED'"
                    + " GROUP BY delivered_by");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        byNode.put(String.valueOf(rs.getString(1)), rs.getLong(2));
      }
    }
    return byNode;
  }

  private static Map<String, Long> countPerScore(List<LtiTestPlatform.ScoreRecord> scores) {
    return scores.stream()
        .collect(
            Collectors.groupingBy(
                s -> s.lineItemId() + " " + s.userId() + " " + s.timestamp(),
                Collectors.counting()));
  }

  /** The alert evaluation's claimed periods from {@code from} on, with the claiming node. */
  private Map<Instant, String> claimedPeriods(Instant from) throws SQLException {
    Map<Instant, String> claims = new TreeMap<>();
    try (Connection c = database();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT slot, node FROM scheduled_run WHERE job = 'alert-evaluation'"
                    + " AND slot >= ?")) {
      s.setObject(1, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          claims.put(rs.getTimestamp(1).toInstant(), rs.getString(2));
        }
      }
    }
    return claims;
  }
}
