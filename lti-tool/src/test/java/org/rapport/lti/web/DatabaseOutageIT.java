package org.rapport.lti.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rapport.lti.testdata.LaunchSpec;
import org.rapport.lti.testdata.LtiTestPlatform;
import org.rapport.lti.testdata.OwnPostgres;
import org.rapport.lti.testdata.PayaraMicroProcess;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.ServiceRows;

/**
 * The database goes away under a running Rapport and comes back. The test brings its own PostgreSQL
 * server (127.0.0.1:55433, data under {@code target}), so it runs the same in both halves of CI and
 * never touches another server. While the server is stopped: a launched page, an admin page and the
 * API answer 503 with {@code Retry-After} and a sentence (no stack trace, no SQL), readiness is
 * DOWN while liveness stays UP, and the score, mail and roster workers wait with growing pauses
 * instead of polling at full speed, their work left queued. After the server is started again
 * Rapport, never restarted, is ready again, answers pages, and delivers each queued score and mail
 * once and refreshes the due roster.
 */
class DatabaseOutageIT {
  private static final int POSTGRES_PORT = 55433;
  private static final String DATABASE = "rapport_outage";
  private static final String COURSE = "outage-course";
  private static final String LINK = "outage-link";
  private static final int LEARNERS = 3;
  private static final Pattern WORKER_ATTEMPT =
      Pattern.compile("(Mail outbox|Score outbox|Roster refresh): the database cannot be reached");
  private static final List<String> INTERNALS =
      List.of("SQL", "Exception", "postgres", "PSQL", "jdbc", "\tat ", "Payara");

  @Test
  void pagesAnswer503AndWorkersWaitWhileTheDatabaseIsDownAndEverythingRecoversWithoutARestart()
      throws Exception {
    int mailPort = Integer.parseInt(System.getProperty("it.mail.port"));
    AtomicReference<RapportClient> current = new AtomicReference<>();
    GreenMail smtp = new GreenMail(new ServerSetup(mailPort, "127.0.0.1", "smtp"));
    smtp.start();
    try (OwnPostgres postgres =
            OwnPostgres.create(Path.of("target/outage-postgres/data"), POSTGRES_PORT);
        LtiTestPlatform platform = LtiTestPlatform.forRapport(current::get)) {
      postgres.createDatabase(DATABASE);
      String logName = "outage-" + System.currentTimeMillis();
      Map<String, String> env =
          Map.of(
              "RAPPORT_DB_URL", postgres.jdbcUrl(DATABASE),
              "RAPPORT_DB_USER", "postgres",
              "RAPPORT_DB_PASSWORD", "");
      try (PayaraMicroProcess micro = PayaraMicroProcess.start(logName, env)) {
        RapportClient rapport = micro.client();
        current.set(rapport);
        HttpResponse<String> created =
            rapport.adminPost("/api/admin/registrations", platform.registrationJson("Outage LMS"));
        assertEquals(201, created.statusCode(), created.body());
        long registration = ((Number) JSONObjectUtils.parse(created.body()).get("id")).longValue();
        platform.roster(COURSE, LtiTestPlatform.members("o", LEARNERS));
        LtiTestPlatform.LineItemRecord column =
            platform.createLineItem(COURSE, "Teach-back", LINK, null, null);
        String session =
            platform
                .launch(
                    rapport,
                    LaunchSpec.resourceLink(
                            "o-1", LtiTestPlatform.LEARNER, COURSE, LINK, "/app/modules/teach-back")
                        .withLineItem(column.id()))
                .session();
        String page = "/app?s=" + session;
        assertEquals(200, rapport.get(page).statusCode());
        assertEquals(200, adminPage(rapport).statusCode());
        long course = awaitRoster(rapport, registration);
        int rosterReadsBefore = platform.nrpsPageRequests();

        // Work that comes due while the database is down: a score per learner, an alert mail, and
        // the course's roster refresh.
        Instant due = Instant.now().plusSeconds(6);
        try (Connection c = postgres.connect(DATABASE)) {
          queueWork(c, registration, course, OffsetDateTime.ofInstant(due, ZoneOffset.UTC));
        }

        long logOffset = Files.size(log(logName));
        Instant stopped = Instant.now();
        postgres.stop();

        HttpResponse<String> launched = rapport.get(page);
        assertUnavailable(launched, "the launched page");
        assertTrue(launched.body().contains("<h1>"), launched.body());
        assertUnavailable(adminPage(rapport), "the admin page");
        HttpResponse<String> api = rapport.adminGet("/api/admin/registrations");
        assertUnavailable(api, "the API");
        assertEquals(503L, ((Number) JSONObjectUtils.parse(api.body()).get("status")).longValue());
        HttpResponse<String> ready = rapport.get("/health/ready");
        assertEquals(503, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("DOWN"), ready.body());
        assertEquals(200, rapport.get("/health/live").statusCode(), "the process itself is alive");

        // Each worker has tried at least three times (pauses of 2 s and 4 s, then 8 s).
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> {
                  Map<String, Integer> attempts = attempts(logName, logOffset);
                  return attempts.size() == 3 && attempts.values().stream().allMatch(n -> n >= 3);
                });
        Duration outage = Duration.between(stopped, Instant.now());
        Map<String, Integer> attempts = attempts(logName, logOffset);
        System.out.printf(
            "Database down for %d s: worker attempts %s (the mail worker polls every second);"
                + " scores delivered %d, mail sent %d%n",
            outage.toSeconds(),
            attempts,
            platform.scores().size(),
            smtp.getReceivedMessages().length);
        assertTrue(
            attempts.get("Mail outbox") <= 6,
            "the mail worker backs off instead of polling each second: " + attempts);
        assertTrue(platform.scores().isEmpty(), "nothing can be recorded, so nothing is posted");
        assertEquals(0, smtp.getReceivedMessages().length);
        assertFalse(
            Files.readString(log(logName)).substring((int) logOffset).contains("password"),
            "the log shows no connection settings");

        Instant restarted = Instant.now();
        postgres.start();
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> rapport.get("/health/ready").statusCode() == 200);
        Duration readyAfter = Duration.between(restarted, Instant.now());
        assertEquals(200, rapport.get(page).statusCode(), "the launched page works again");
        assertEquals(200, adminPage(rapport).statusCode(), "the admin page works again");
        assertEquals(200, rapport.adminGet("/api/admin/registrations").statusCode());

        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () ->
                    platform.scores().size() >= LEARNERS
                        && smtp.getReceivedMessages().length >= 1
                        && platform.nrpsPageRequests() > rosterReadsBefore);
        Duration deliveredAfter = Duration.between(restarted, Instant.now());
        // Several more ticks of every worker: nothing is delivered a second time.
        await()
            .during(Duration.ofSeconds(6))
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    platform.scores().size() == LEARNERS && smtp.getReceivedMessages().length == 1);
        try (Connection c = postgres.connect(DATABASE)) {
          assertEquals(
              LEARNERS,
              count(c, "SELECT COUNT(*) FROM score_outbox WHERE status = 'DELIVERED'"),
              "every score recorded as delivered");
          assertEquals(1, count(c, "SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NOT NULL"));
          assertEquals(
              1,
              count(
                  c,
                  "SELECT COUNT(*) FROM course_roster WHERE synced_at > ?",
                  OffsetDateTime.ofInstant(stopped, ZoneOffset.UTC)));
        }
        System.out.printf(
            "Database back: ready after %d ms (no restart of Rapport); queued work delivered"
                + " after %d ms: scores %d of %d, mail %d of 1, roster reads %d%n",
            readyAfter.toMillis(),
            deliveredAfter.toMillis(),
            platform.scores().size(),
            LEARNERS,
            smtp.getReceivedMessages().length,
            platform.nrpsPageRequests() - rosterReadsBefore);
        assertTrue(platform.problems().isEmpty(), platform.problems().toString());
      }
    } finally {
      smtp.stop();
    }
  }

  private static HttpResponse<String> adminPage(RapportClient rapport) {
    return rapport.get(
        "/admin/scores", "Authorization", rapport.adminAuthorization(), "Accept", "text/html");
  }

  private static void assertUnavailable(HttpResponse<String> answer, String what) {
    assertEquals(503, answer.statusCode(), what + ": " + answer.body());
    assertTrue(
        answer.headers().firstValue("Retry-After").isPresent(), what + " says when to try again");
    assertTrue(answer.body().contains("cannot reach its database"), what + ": " + answer.body());
    for (String internal : INTERNALS) {
      assertFalse(answer.body().contains(internal), what + " shows " + internal + ": " + answer);
    }
  }

  /** Failed attempts logged per worker since {@code offset}. */
  private static Map<String, Integer> attempts(String logName, long offset) throws Exception {
    String text = Files.readString(log(logName)).substring((int) offset);
    Map<String, Integer> counts = new java.util.TreeMap<>();
    Matcher m = WORKER_ATTEMPT.matcher(text);
    while (m.find()) {
      counts.merge(m.group(1), 1, Integer::sum);
    }
    return counts;
  }

  private static Path log(String logName) {
    return Path.of("target", logName + ".log");
  }

  /** One score per learner, one alert mail, and the roster refresh, all due at {@code due}. */
  private static void queueWork(Connection c, long registration, long course, OffsetDateTime due)
      throws Exception {
    ServiceRows rows = new ServiceRows(c);
    long link = rows.linkId(course, LINK);
    OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5);
    for (int i = 1; i <= LEARNERS; i++) {
      rows.queueCompletion(
          registration, link, rows.learnerId(registration, "o-" + i), "teach-back", at);
    }
    update(c, "UPDATE score_outbox SET next_attempt_at = ?", due);
    rows.alertMail(registration, 2024, at, List.of("dean@example.edu"), due, Duration.ZERO);
    update(c, "UPDATE course_roster SET due_at = ? WHERE course_id = " + course, due);
  }

  private static void update(Connection c, String sql, Object value) throws Exception {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, value);
      assertTrue(s.executeUpdate() > 0, sql);
    }
  }

  private static long count(Connection c, String sql, Object... values) throws Exception {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Waits until the roster job stored the course's members; answers the course id. */
  private static long awaitRoster(RapportClient rapport, long registration) {
    AtomicReference<Long> course = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              List<Object> courses =
                  JSONArrayUtils.parse(
                      rapport.adminGet("/api/admin/roster?registration=" + registration).body());
              if (courses.isEmpty()) {
                return false;
              }
              Map<?, ?> first = (Map<?, ?>) courses.get(0);
              course.set(((Number) first.get("courseId")).longValue());
              return ((Number) first.get("activeMembers")).intValue() >= LEARNERS;
            });
    return course.get();
  }
}
