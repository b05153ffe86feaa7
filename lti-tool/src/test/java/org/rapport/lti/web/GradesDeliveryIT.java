package org.rapport.lti.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.rapport.lti.testdata.ItDatabase;
import org.rapport.lti.testdata.LaunchSpec;
import org.rapport.lti.testdata.LtiTestPlatform;
import org.rapport.lti.testdata.PayaraMicroProcess;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.ServiceRows;

/**
 * Grade passback end to end on Payara Micro processes sharing one database: 1,000 module
 * completions (250 rostered learners × 4 graded links) queued while the LMS's score service is down
 * are all delivered exactly once after it recovers, with Rapport stopped and started again in the
 * middle of the delivery (a score whose post was under way at the stop is checked in the LMS's
 * gradebook before it is posted again); one AGS token per scope set and run; scores the LMS refuses
 * with 400 go to the dead-letter list and are delivered once resent after the cause is fixed.
 *
 * <p>The completions are queued the way the completion observer queues them: rows inserted through
 * JDBC into the score outbox (the unit under test) while Rapport is stopped.
 */
class GradesDeliveryIT {
  private static final String COURSE = "grades-course";
  private static final List<String> MODULES =
      List.of("teach-back", "opening-the-visit", "responding-to-emotion", "pause-and-reflection");
  private static final String SCORE = LtiTestPlatform.AGS + "score";
  private static final String LINEITEM = LtiTestPlatform.AGS + "lineitem";
  private static final String RESULT = LtiTestPlatform.AGS + "result.readonly";

  /** ScoreDelivery.LONGEST_ATTEMPT: the lease of a score whose post is under way. */
  private static final Duration LONGEST_ATTEMPT = Duration.ofMinutes(2);

  @Test
  void completionsQueuedWhileTheLmsIsDownAreDeliveredExactlyOnceAcrossARestart() throws Exception {
    AtomicReference<RapportClient> current = new AtomicReference<>();
    // The database outlives every Rapport process, as a database server does: on H2 (AUTO_SERVER)
    // the test holds the file open, so a stopping Rapport is a client and never closes it.
    try (Connection database = ItDatabase.connect();
        LtiTestPlatform platform = LtiTestPlatform.forRapport(current::get)) {
      platform.roster(COURSE, LtiTestPlatform.members("g", 250));
      // The LMS made the first link's column itself and names it in the launch; the second link
      // has a column Rapport must find; the others have none and Rapport creates them.
      LtiTestPlatform.LineItemRecord own =
          platform.createLineItem(COURSE, "Teach-back", "g-link-1", null, null);
      platform.createLineItem(
          COURSE, "Opening the visit", "g-link-2", "opening-the-visit", "completion");

      long registration;
      long courseId;
      try (PayaraMicroProcess first = PayaraMicroProcess.start("grades-first", Map.of())) {
        RapportClient rapport = first.client();
        current.set(rapport);
        HttpResponse<String> created =
            rapport.adminPost("/api/admin/registrations", platform.registrationJson("Grades LMS"));
        assertEquals(201, created.statusCode(), created.body());
        registration = ((Number) JSONObjectUtils.parse(created.body()).get("id")).longValue();
        for (int i = 0; i < MODULES.size(); i++) {
          LaunchSpec link =
              LaunchSpec.resourceLink(
                  "g-50",
                  LtiTestPlatform.INSTRUCTOR,
                  COURSE,
                  "g-link-" + (i + 1),
                  "/app/modules/" + MODULES.get(i));
          platform.launch(rapport, i == 0 ? link.withLineItem(own.id()) : link);
        }
        platform.launch(
            rapport,
            LaunchSpec.resourceLink(
                    "ghost", LtiTestPlatform.LEARNER, COURSE, "g-link-1", "/app/modules/teach-back")
                .withLineItem(own.id()));
        courseId = awaitRoster(rapport, registration);
      }

      int queued = queueCompletions(registration, courseId);
      assertEquals(1003, queued);

      // The LMS's score service is down: first asking to retry after 1 s, then without Retry-After.
      platform.outage(503, Duration.ofMinutes(10), "1");
      platform.scoreDelay(Duration.ofMillis(25));
      int deliveredBeforeRestart;
      try (PayaraMicroProcess second = PayaraMicroProcess.start("grades-second", Map.of())) {
        RapportClient rapport = second.client();
        current.set(rapport);
        assertEquals(1003, counts(rapport, registration).get("queued"));
        await(() -> platform.outageAnswers() >= 3, Duration.ofSeconds(60), "probes after 1 s");
        platform.outage(503, Duration.ofMinutes(10), null);
        int withRetryAfter = platform.outageAnswers();
        await(
            () -> platform.outageAnswers() > withRetryAfter,
            Duration.ofSeconds(60),
            "a probe after Rapport's own delay");
        int attemptsWhileDown = platform.outageAnswers();
        assertTrue(platform.scores().isEmpty());
        assertTrue(
            attemptsWhileDown >= 3,
            "Rapport tried again after Retry-After while the LMS was down: " + attemptsWhileDown);
        assertTrue(
            attemptsWhileDown < 40,
            "one probe per delay while down, not a post per score: " + attemptsWhileDown);
        platform.endOutage();
        await(() -> platform.scores().size() >= 300, Duration.ofSeconds(120), "first scores");
        System.out.printf(
            "AGS calls while the LMS was down: %d; restarting Rapport after %d delivered%n",
            attemptsWhileDown, platform.scores().size());
        Instant stopping = Instant.now();
        second.close();
        System.out.printf(
            "Rapport stopped (SIGTERM) in %d ms%n",
            Duration.between(stopping, Instant.now()).toMillis());
      }
      deliveredBeforeRestart = platform.scores().size();
      assertTrue(deliveredBeforeRestart < 1000, "the restart came in the middle of the delivery");

      platform.scoreDelay(Duration.ZERO);
      OffsetDateTime thirdStarted = OffsetDateTime.now(ZoneOffset.UTC);
      try (PayaraMicroProcess third = PayaraMicroProcess.start("grades-third", Map.of())) {
        RapportClient rapport = third.client();
        current.set(rapport);
        // A score whose post was under way at the stop comes back, in doubt, when its lease runs
        // out (ScoreDelivery.LONGEST_ATTEMPT, two minutes). Once every other score is settled and
        // only those are left, still under the stopped process's lease, Rapport's clock moves past
        // that lease instead of the test waiting for it.
        await(
            () ->
                settled(rapport, registration)
                    || onlyPostsInDoubtLeft(database, registration, thirdStarted),
            Duration.ofSeconds(180),
            "every score not in doubt delivered or dead-lettered");
        if (!settled(rapport, registration)) {
          rapport.moveClockForward(LONGEST_ATTEMPT.plusSeconds(10));
          try {
            await(
                () -> settled(rapport, registration),
                Duration.ofSeconds(60),
                "every score delivered or dead-lettered");
          } finally {
            rapport.resetClock();
          }
        }
        // Settled: nothing is queued, so no post can follow; what the LMS holds now is final.
        List<LtiTestPlatform.ScoreRecord> scores = platform.scores();
        Map<String, Long> perUserAndColumn =
            scores.stream()
                .collect(
                    Collectors.groupingBy(
                        s -> s.lineItemId() + " " + s.userId(), Collectors.counting()));
        Map<String, Long> counts = counts(rapport, registration);
        System.out.printf(
            "Delivered before the restart: %d, after: %d, total accepted by the LMS: %d, distinct"
                + " (learner, column): %d; Rapport counts: %s; results read: %d; token requests:"
                + " %s%n",
            deliveredBeforeRestart,
            scores.size() - deliveredBeforeRestart,
            scores.size(),
            perUserAndColumn.size(),
            counts,
            platform.resultReads(),
            platform.tokenRequests());
        assertEquals(1000, perUserAndColumn.size(), "no score lost");
        assertEquals(1000, scores.size(), "every score accepted by the LMS exactly once");
        assertEquals(1000L, counts.get("delivered"));
        assertEquals(0L, counts.get("queued"));
        assertEquals(3L, counts.get("deadLettered"));
        assertEquals(
            4,
            platform.lineItems().size(),
            "the LMS's own column, the one found, and two created once each");
        assertEquals(
            2,
            platform.tokensUsedFor(SCORE, LINEITEM, RESULT),
            "one AGS token per run for 1,000 scores (runs 2 and 3); token requests: "
                + platform.tokenRequests());

        // Dead letters: the LMS refused the scores of a learner who is not in its course.
        HttpResponse<String> report =
            rapport.adminGet("/api/admin/scores/registrations/" + registration);
        assertEquals(200, report.statusCode(), report.body());
        List<?> dead = (List<?>) JSONObjectUtils.parse(report.body()).get("deadLettered");
        assertEquals(3, dead.size());
        Map<?, ?> letter = (Map<?, ?>) dead.get(0);
        assertEquals("ghost", letter.get("userId"));
        assertEquals(400L, ((Number) letter.get("lastStatus")).longValue());
        assertTrue(
            String.valueOf(letter.get("lastError")).contains("not an active member"),
            String.valueOf(letter.get("lastError")));

        platform.addMember(
            COURSE,
            new LtiTestPlatform.MemberRecord(
                "ghost",
                "Late enrolment",
                "ghost@example.edu",
                List.of(LtiTestPlatform.LEARNER),
                "Active"));
        long first = ((Number) letter.get("id")).longValue();
        HttpResponse<String> one = rapport.adminPost("/api/admin/scores/" + first + "/resend", "");
        assertEquals(200, one.statusCode(), one.body());
        assertEquals(
            409, rapport.adminPost("/api/admin/scores/" + first + "/resend", "").statusCode());
        HttpResponse<String> rest =
            rapport.adminPost("/api/admin/scores/registrations/" + registration + "/resend", "");
        assertEquals(200, rest.statusCode(), rest.body());
        assertEquals(2L, ((Number) JSONObjectUtils.parse(rest.body()).get("resent")).longValue());
        await(
            () -> platform.scores().size() >= 1003,
            Duration.ofSeconds(60),
            "resent dead letters delivered");
        Map<String, Long> after = counts(rapport, registration);
        assertEquals(1003L, after.get("delivered") + after.get("queued"));
        assertEquals(0L, after.get("deadLettered"));
        HttpResponse<String> page =
            rapport.get("/admin/scores", "Authorization", rapport.adminAuthorization());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(after.get("delivered") + " delivered"), page.body());
        System.out.printf(
            "After resending the dead letters: %s; LMS accepted %d scores, refused %d%n",
            after, platform.scores().size(), platform.scoresRefused());
        assertTrue(platform.problems().isEmpty(), platform.problems().toString());
      }
    }
  }

  /** Waits for the roster; answers the course id. */
  private static long awaitRoster(RapportClient rapport, long registration) throws Exception {
    Map<?, ?> course =
        Awaitility.await("the roster of 250")
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> {
                  List<Object> courses =
                      JSONArrayUtils.parse(
                          rapport
                              .adminGet("/api/admin/roster?registration=" + registration)
                              .body());
                  return courses.isEmpty() ? Map.of() : (Map<?, ?>) courses.get(0);
                },
                c ->
                    c.get("activeMembers") != null
                        && ((Number) c.get("activeMembers")).intValue() >= 250);
    return ((Number) course.get("courseId")).longValue();
  }

  /** Queues 250 × 4 completions and 3 for a learner the LMS does not know, through JDBC. */
  private static int queueCompletions(long registration, long courseId) throws Exception {
    int queued = 0;
    try (Connection c = ItDatabase.connect()) {
      c.setAutoCommit(false);
      ServiceRows rows = new ServiceRows(c);
      long[] links = new long[MODULES.size()];
      for (int i = 0; i < links.length; i++) {
        links[i] = rows.linkId(courseId, "g-link-" + (i + 1));
      }
      OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
      for (int member = 1; member <= 250; member++) {
        long learner = rows.learnerId(registration, "g-" + member);
        for (int i = 0; i < links.length; i++) {
          rows.queueCompletion(
              registration, links[i], learner, MODULES.get(i), at.plusNanos(queued * 1_000_000L));
          queued++;
        }
      }
      long ghost = rows.learnerId(registration, "ghost");
      for (int i = 0; i < 3; i++) {
        rows.queueCompletion(registration, links[i], ghost, MODULES.get(i), at);
        queued++;
      }
      c.commit();
    }
    return queued;
  }

  private static Map<String, Long> counts(RapportClient rapport, long registration)
      throws Exception {
    HttpResponse<String> summary = rapport.adminGet("/api/admin/scores");
    assertEquals(200, summary.statusCode(), summary.body());
    for (Object entry : JSONArrayUtils.parse(summary.body())) {
      Map<?, ?> counts = (Map<?, ?>) entry;
      if (((Number) counts.get("registrationId")).longValue() == registration) {
        Map<String, Long> values = new HashMap<>();
        for (String name : List.of("queued", "delivered", "deadLettered", "superseded")) {
          values.put(name, ((Number) counts.get(name)).longValue());
        }
        return values;
      }
    }
    throw new AssertionError("No counts for registration " + registration + ": " + summary.body());
  }

  /**
   * Every score still queued was being posted by the process stopped before {@code thirdStarted}:
   * its post is in doubt, and its lease (taken before {@code thirdStarted}, so ending before {@code
   * thirdStarted} + {@link #LONGEST_ATTEMPT}) has more than a few seconds to run, so that no worker
   * takes it up while the clock is moved. The 3 refused scores are dead letters.
   */
  private static boolean onlyPostsInDoubtLeft(
      Connection c, long registration, OffsetDateTime thirdStarted) throws Exception {
    try (var select =
        c.prepareStatement(
            "SELECT COUNT(CASE WHEN status = 'QUEUED' THEN 1 END),"
                + " COUNT(CASE WHEN status = 'QUEUED' AND posting_since < ?"
                + "   AND claimed_until < ? AND claimed_until > ? THEN 1 END),"
                + " COUNT(CASE WHEN status = 'DEAD_LETTERED' THEN 1 END)"
                + " FROM score_outbox WHERE registration_id = ?")) {
      select.setObject(1, thirdStarted);
      select.setObject(2, thirdStarted.plus(LONGEST_ATTEMPT));
      select.setObject(3, OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(10));
      select.setLong(4, registration);
      try (var rs = select.executeQuery()) {
        rs.next();
        return rs.getLong(1) == rs.getLong(2) && rs.getLong(3) == 3;
      }
    }
  }

  /** Nothing left queued: 1,000 delivered and the 3 refused ones dead-lettered. */
  private static boolean settled(RapportClient rapport, long registration) {
    try {
      Map<String, Long> counts = counts(rapport, registration);
      return counts.get("queued") == 0 && counts.get("deadLettered") == 3;
    } catch (Exception e) {
      return false;
    }
  }

  private static void await(Callable<Boolean> condition, Duration timeout, String what) {
    Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(100)).until(condition);
  }
}
