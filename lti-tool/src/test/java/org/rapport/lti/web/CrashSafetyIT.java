package org.rapport.lti.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rapport.lti.testdata.AssessmentDriver.answers;
import static org.rapport.lti.testdata.AssessmentDriver.header;
import static org.rapport.lti.testdata.AssessmentDriver.rapportRow;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rapport.curriculum.modules.Module;
import org.rapport.curriculum.modules.ModuleCatalog;
import org.rapport.curriculum.modules.ModuleId;
import org.rapport.lti.testdata.AssessmentDriver;
import org.rapport.lti.testdata.ItDatabase;
import org.rapport.lti.testdata.LaunchSpec;
import org.rapport.lti.testdata.LtiTestPlatform;
import org.rapport.lti.testdata.ModuleWalker;
import org.rapport.lti.testdata.PayaraMicroProcess;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.ServiceRows;

/**
 * Rapport is killed with SIGKILL (no shutdown hook, nothing flushed) in the middle of a load of
 * assessment submissions, module completions whose scores go to the LMS, alert mail on its way to
 * the SMTP server and a historical import, then started again on the same database. Every
 * submission that was answered with success is stored exactly once with its score; no response is
 * stored without its score and no import is stored in part; every completion stored reaches the
 * LMS's gradebook once, and every queued mail reaches the SMTP server once.
 */
class CrashSafetyIT {
  private static final String COURSE = "crash-course";

  /**
   * The assessment is launched from a second course: a new launch from the same course would end
   * the module's session (one launched session per learner and course).
   */
  private static final String ASSESSMENT_COURSE = "crash-assessment-course";

  private static final String MODULE_LINK = "crash-module";
  private static final String ASSESSMENT_LINK = "crash-assessment";
  private static final int LEARNERS = 24;
  private static final int YEAR = 2001;
  private static final int MAILS = 6;
  private static final int IMPORT_ROWS = 20_000;
  private static final int[] ALL_FOURS = {4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4};

  @Test
  void
      afterASigkillInTheMiddleOfTheLoadEveryAcknowledgedWriteIsStoredOnceAndQueuedWorkIsDeliveredOnce()
          throws Exception {
    int mailPort = Integer.parseInt(System.getProperty("it.mail.port"));
    AtomicReference<RapportClient> current = new AtomicReference<>();
    GreenMail smtp = new GreenMail(new ServerSetup(mailPort, "127.0.0.1", "smtp"));
    smtp.start();
    // On H2 (AUTO_SERVER) the test holds the file open, so it outlives the killed process.
    try (Connection database = ItDatabase.connect();
        LtiTestPlatform platform = LtiTestPlatform.forRapport(current::get)) {
      platform.roster(COURSE, LtiTestPlatform.members("c", LEARNERS));
      platform.roster(ASSESSMENT_COURSE, LtiTestPlatform.members("c", LEARNERS));
      LtiTestPlatform.LineItemRecord column =
          platform.createLineItem(COURSE, "Teach-back", MODULE_LINK, null, null);
      Module module = ModuleCatalog.load(null).find(ModuleId.of("teach-back")).orElseThrow();

      Set<String> submitted = ConcurrentHashMap.newKeySet();
      Set<String> completed = ConcurrentHashMap.newKeySet();
      AtomicReference<Long> importJob = new AtomicReference<>();
      long registration;
      long wave;
      List<String> learners = new ArrayList<>();
      PayaraMicroProcess first = PayaraMicroProcess.start("crash-first", Map.of());
      try {
        RapportClient rapport = first.client();
        current.set(rapport);
        HttpResponse<String> created =
            rapport.adminPost("/api/admin/registrations", platform.registrationJson("Crash LMS"));
        assertEquals(201, created.statusCode(), created.body());
        registration = ((Number) JSONObjectUtils.parse(created.body()).get("id")).longValue();
        AssessmentDriver d = new AssessmentDriver(rapport);
        Map<String, String> moduleSessions = new ConcurrentHashMap<>();
        Map<String, String> assessmentSessions = new ConcurrentHashMap<>();
        for (int i = 1; i <= LEARNERS; i++) {
          String learner = "c-" + i;
          learners.add(learner);
          moduleSessions.put(
              learner,
              platform
                  .launch(
                      rapport,
                      LaunchSpec.resourceLink(
                              learner,
                              LtiTestPlatform.LEARNER,
                              COURSE,
                              MODULE_LINK,
                              "/app/modules/teach-back")
                          .withLineItem(column.id()))
                  .session());
          String session =
              platform
                  .launch(
                      rapport,
                      LaunchSpec.resourceLink(
                          learner,
                          LtiTestPlatform.LEARNER,
                          ASSESSMENT_COURSE,
                          ASSESSMENT_LINK,
                          "/app/assessment"))
                  .session();
          d.consentAndYear(session, YEAR);
          assessmentSessions.put(learner, session);
        }
        wave = d.wave(registration, YEAR, "Y1");
        d.open(wave);
        queueMail(database, registration);

        ExecutorService load = Executors.newFixedThreadPool(4);
        for (String learner : learners) {
          load.submit(
              () -> {
                HttpResponse<String> answer =
                    d.post(
                        assessmentSessions.get(learner), "submit", answers(wave, ALL_FOURS), false);
                if (answer.statusCode() == 303) {
                  submitted.add(learner);
                }
                return null;
              });
          load.submit(
              () -> {
                new ModuleWalker(rapport, moduleSessions.get(learner)).complete(module);
                completed.add(learner);
                return null;
              });
        }
        // When a quarter of the load is acknowledged, upload the import; kill Rapport as soon as
        // its
        // job has started, while the rest of the load is under way.
        await()
            .atMost(Duration.ofMinutes(5))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> submitted.size() + completed.size() >= LEARNERS / 2);
        HttpResponse<String> accepted = upload(rapport, registration, importFile());
        assertEquals(202, accepted.statusCode(), accepted.body());
        importJob.set(((Number) JSONObjectUtils.parse(accepted.body()).get("id")).longValue());
        // Kill while the import checks or writes its rows and most of the load is still under way.
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> !"QUEUED".equals(importState(database, importJob.get())));
        first.kill();
        System.out.printf(
            "SIGKILL with %d of %d submissions and %d of %d completions acknowledged, import %s,"
                + " %d scores in the LMS, %d mails at the SMTP server%n",
            submitted.size(),
            LEARNERS,
            completed.size(),
            LEARNERS,
            importState(database, importJob.get()),
            platform.scores().size(),
            smtp.getReceivedMessages().length);
        load.shutdown();
        assertTrue(
            load.awaitTermination(2, TimeUnit.MINUTES), "the load ends once Rapport is gone");
      } finally {
        first.close();
      }
      Set<String> acknowledgedSubmissions = Set.copyOf(submitted);
      Set<String> acknowledgedCompletions = Set.copyOf(completed);

      try (PayaraMicroProcess second = PayaraMicroProcess.start("crash-second", Map.of())) {
        current.set(second.client());
        // Scores whose post was under way at the kill come back when their lease ends, in doubt.
        await()
            .atMost(Duration.ofMinutes(5))
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () ->
                    count(
                                database,
                                "SELECT COUNT(*) FROM score_outbox WHERE registration_id = ?"
                                    + " AND status <> 'DELIVERED'",
                                registration)
                            == 0
                        && count(
                                database,
                                "SELECT COUNT(*) FROM mail_outbox WHERE registration_id = ?"
                                    + " AND sent_at IS NULL",
                                registration)
                            == 0);
        // A few more worker runs: nothing goes out a second time.
        await()
            .during(Duration.ofSeconds(5))
            .atMost(Duration.ofSeconds(10))
            .until(() -> smtp.getReceivedMessages().length == MAILS);

        Map<String, Long> storedSubmissions = perLearner(database, wave);
        long unscored =
            count(
                database,
                "SELECT COUNT(*) FROM assessment_response r WHERE r.wave_id = ? AND (r.status <>"
                    + " 'SUBMITTED' OR r.submitted_at IS NULL OR (SELECT COUNT(*) FROM"
                    + " assessment_score s WHERE s.response_id = r.id) <> 1 OR (SELECT COUNT(*) FROM"
                    + " assessment_answer a WHERE a.response_id = r.id) <> ?)",
                wave,
                ALL_FOURS.length);
        String jobState = importState(database, importJob.get());
        long jobRows =
            count(
                database,
                "SELECT COUNT(*) FROM assessment_response WHERE import_job_id = ?",
                importJob.get());
        long jobAnswers =
            count(
                database,
                "SELECT COUNT(*) FROM assessment_answer a JOIN assessment_response r ON r.id ="
                    + " a.response_id WHERE r.import_job_id = ?",
                importJob.get());
        long completionsStored =
            count(
                database,
                "SELECT COUNT(*) FROM module_progress WHERE registration_id = ?"
                    + " AND module_id = 'teach-back' AND completed_at IS NOT NULL",
                registration);
        List<LtiTestPlatform.ScoreRecord> scores = platform.scores();
        Map<String, Long> scoresPerLearner =
            scores.stream()
                .filter(s -> s.lineItemId().equals(column.id()))
                .collect(
                    Collectors.groupingBy(
                        LtiTestPlatform.ScoreRecord::userId, Collectors.counting()));
        Map<String, Long> mailPerRecipient = new java.util.TreeMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
          mailPerRecipient.merge(
              m.getRecipients(Message.RecipientType.TO)[0].toString(), 1L, Long::sum);
        }
        System.out.printf(
            "After the restart: submissions acknowledged %d, stored %d (responses without their"
                + " score or some of their answers: %d); completions acknowledged %d, stored %d, scores in the LMS %d for"
                + " %d learners; mail queued %d, received %d by %d recipients; import %s with %d"
                + " of %d rows and %d answers%n",
            acknowledgedSubmissions.size(),
            storedSubmissions.size(),
            unscored,
            acknowledgedCompletions.size(),
            completionsStored,
            scores.size(),
            scoresPerLearner.size(),
            MAILS,
            smtp.getReceivedMessages().length,
            mailPerRecipient.size(),
            jobState,
            jobRows,
            IMPORT_ROWS,
            jobAnswers);

        for (String learner : acknowledgedSubmissions) {
          assertEquals(
              1L, storedSubmissions.getOrDefault(learner, 0L), learner + "'s acknowledged answers");
        }
        assertTrue(
            storedSubmissions.values().stream().allMatch(n -> n == 1),
            "one response per learner: " + storedSubmissions);
        assertEquals(0, unscored, "no response is stored without its score and all its answers");
        assertTrue(
            jobState.equals("COMPLETED")
                    && jobRows == IMPORT_ROWS
                    && jobAnswers == IMPORT_ROWS * 18L
                || jobState.equals("FAILED") && jobRows == 0 && jobAnswers == 0,
            "the import is stored whole or not at all: "
                + jobState
                + " with "
                + jobRows
                + " rows and "
                + jobAnswers
                + " answers");
        assertTrue(
            completionsStored >= acknowledgedCompletions.size(),
            "every acknowledged completion is stored");
        assertEquals(completionsStored, scoresPerLearner.size(), "each completion reaches the LMS");
        assertTrue(
            scoresPerLearner.values().stream().allMatch(n -> n == 1),
            "each score posted once: " + scoresPerLearner);
        assertEquals(MAILS, mailPerRecipient.size());
        assertTrue(
            mailPerRecipient.values().stream().allMatch(n -> n == 1),
            "each mail sent once: " + mailPerRecipient);
        assertTrue(platform.problems().isEmpty(), platform.problems().toString());
      }
    } finally {
      smtp.stop();
    }
  }

  /** Submitted responses to the wave per LMS user id. */
  private static Map<String, Long> perLearner(Connection c, long wave) throws Exception {
    Map<String, Long> stored = new java.util.TreeMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT st.lms_subject FROM assessment_response r JOIN student st ON st.id ="
                + " r.student_id WHERE r.wave_id = ?")) {
      s.setLong(1, wave);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          stored.merge(rs.getString(1), 1L, Long::sum);
        }
      }
    }
    return stored;
  }

  private static HttpResponse<String> upload(RapportClient rapport, long registration, String csv) {
    return rapport.send(
        HttpRequest.newBuilder(
                rapport.uri(
                    "/api/admin/imports?registration="
                        + registration
                        + "&name="
                        + URLEncoder.encode("history.csv", StandardCharsets.UTF_8)))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", rapport.adminAuthorization())
            .header("Content-Type", "text/csv")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(csv))
            .build());
  }

  private static String importFile() {
    StringBuilder csv = new StringBuilder(header(18)).append('\n');
    for (int i = 1; i <= IMPORT_ROWS; i++) {
      csv.append(rapportRow("H-" + i, 1995, "MATRICULATION", "", 1 + i % 7)).append('\n');
    }
    return csv.toString();
  }

  private static String importState(Connection c, long job) throws Exception {
    try (PreparedStatement s = c.prepareStatement("SELECT state FROM import_job WHERE id = ?")) {
      s.setLong(1, job);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : "MISSING";
      }
    }
  }

  /** Alert mail waiting for the mail worker, one per recipient. */
  private static void queueMail(Connection c, long registration) throws Exception {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    List<String> deans = new ArrayList<>();
    for (int i = 1; i <= MAILS; i++) {
      deans.add("dean" + i + "@example.edu");
    }
    new ServiceRows(c)
        .alertMail(registration, 1980, now, deans, now.plusSeconds(2), Duration.ofSeconds(2));
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
}
