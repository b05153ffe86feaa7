package org.rapport.lti.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rapport.lti.testdata.AssessmentDriver.answers;
import static org.rapport.lti.testdata.AssessmentDriver.expect;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rapport.curriculum.cohorts.Programme;
import org.rapport.lti.alerts.AlertVocabulary;
import org.rapport.lti.testdata.AssessmentDriver;
import org.rapport.lti.testdata.AssessmentSeeder;
import org.rapport.lti.testdata.AssessmentSeeder.CohortSpec;
import org.rapport.lti.testdata.AssessmentSeeder.Decline;
import org.rapport.lti.testdata.DevLaunch;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.RapportWar;

/**
 * The differencing attack from outside, on the shipped WAR: ten students answer a wave, a member of
 * faculty reads the dashboard, its CSV export and a student reads their class average; an eleventh
 * student answers; the attacker computes 11 × mean(11) − 10 × mean(10) for the total and every
 * subscale and compares it with the eleventh student's own score. Against the figures Rapport
 * showed before they were published per closed wave, this recovered the eleventh student's total
 * and every subscale (exactly from the CSV's four decimals, to within half a point from the page
 * and from the class average); now an open wave shows no figure at all, and a closed wave's
 * published figures do not move for one late answer.
 */
@ExtendWith(ArquillianExtension.class)
class AggregateDifferencingIT {
  static final List<String> MEASURES =
      List.of("total", "cognitive", "affective", "compassionate-action");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RapportWar.shipped();
  }

  @ArquillianResource URL deployed;

  /** What one reader sees of a cohort's Y1 wave, per measure: mean, or nothing. */
  record Seen(Map<String, Double> dashboard, Map<String, Double> csv, Optional<Double> average) {}

  @Test
  void differencingTenThenElevenAnswersNoLongerRecoversAScoreFromAnOpenOrAClosedWave() {
    AssessmentDriver d = new AssessmentDriver(new RapportClient(deployed));
    long tenant = d.devRegistration();
    int year = 1950 + (int) (Math.random() * 40);
    List<String> students = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      students.add(answer(d, year, i, pattern(i)));
    }
    long cohort = ((Number) d.cohort(tenant, year).get("id")).longValue();
    long wave = d.wave(tenant, year, "Y1");
    String faculty = DevLaunch.session(d.rapport(), "instructor", unique("fac"), "/app");
    Seen ten = read(d, faculty, students.get(0), cohort, year);

    // The eleventh student agrees fully with every statement and disagrees fully with every
    // reversed one: the highest total, far from the class mean.
    String eleventh = answer(d, year, 10, keyed(7));
    Seen eleven = read(d, faculty, students.get(0), cohort, year);
    Map<String, Double> score = ownScores(d, eleventh);

    // Open wave: no figure to difference anywhere, only the number who answered.
    for (String measure : MEASURES) {
      assertEquals(Optional.empty(), recover(ten.csv(), eleven.csv(), measure), "CSV " + measure);
      assertEquals(Optional.empty(), recover(ten.dashboard(), eleven.dashboard(), measure), "page");
    }
    assertEquals(Optional.empty(), ten.average(), "no class average while the wave is open");
    assertEquals(Optional.empty(), eleven.average());
    String page = dashboard(d, faculty, cohort);
    assertTrue(page.contains("11 students have answered so far"), page);
    assertTrue(page.contains("Figures appear only after a wave has closed."), page);
    assertTrue(
        expect(200, d.rapport().get("/app/assessment?s=" + students.get(0)))
            .body()
            .contains("appears here after this wave has closed"));

    // The wave closes: its figures are published once (version 1, eleven students).
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    expect(200, d.setWindow(wave, today.minusDays(40), today.minusDays(1)));
    evaluate(d, tenant);
    Seen published = read(d, faculty, students.get(0), cohort, year);
    for (String measure : MEASURES) {
      assertEquals(11.0, published.csv().get(measure + "#n"), published.toString());
      assertEquals(11.0, published.dashboard().get(measure + "#n"), published.toString());
    }
    assertTrue(published.average().isPresent(), published.toString());
    assertTrue(dashboard(d, faculty, cohort).contains("(version 1)"));

    // A late import of one more student (all answers 1) changes nothing anyone can read.
    String late = AssessmentDriver.header(18) + "\n";
    late += lateRow(unique("LATE"), year, keyed(1)) + "\n";
    assertEquals("COMPLETED", d.importCsv(tenant, "late.csv", late).get("state"));
    evaluate(d, tenant);
    Seen afterLate = read(d, faculty, students.get(0), cohort, year);
    assertEquals(published, afterLate, "the published figures stand");
    double lateTotal = 18; // the lowest total: every item keyed to 1
    for (String measure : MEASURES) {
      // The attacker assumes one more answer: 12 × mean − 11 × mean is just the mean again.
      double guess =
          12 * afterLate.csv().get(measure + "#mean") - 11 * published.csv().get(measure + "#mean");
      assertEquals(published.csv().get(measure + "#mean"), guess, 1e-9, measure);
    }
    assertTrue(
        Math.abs(12 * afterLate.average().get() - 11 * published.average().get() - lateTotal) > 5,
        "the class average does not give the late total away");
    assertTrue(
        Math.abs(score.get("total") - published.csv().get("total#mean")) > 5,
        "and the mean is no one's score");

    // Enough late answers for a group (the minimum group size) make a new, dated version with a
    // visible note; its difference from version 1 describes ten students, not one.
    StringBuilder more = new StringBuilder(AssessmentDriver.header(18)).append('\n');
    for (int i = 0; i < 9; i++) {
      more.append(AssessmentDriver.rapportRow(unique("LATE"), year, "Y1", "", 2 + i % 5, 2))
          .append('\n');
    }
    assertEquals("COMPLETED", d.importCsv(tenant, "more.csv", more.toString()).get("state"));
    evaluate(d, tenant);
    Seen revised = read(d, faculty, students.get(0), cohort, year);
    assertEquals(21.0, revised.csv().get("total#n"), revised.toString());
    String after = dashboard(d, faculty, cohort);
    assertTrue(after.contains("(version 2)"), after);
    assertTrue(after.contains("class=\"revision-note\""), after);
    assertTrue(after.contains("10 answer(s) added and 0 removed after the wave closed"), after);
  }

  /**
   * The same attack on the alert mail a member of faculty receives. A decline at Y3 (seeded, 160
   * students) raises alerts whose mail carries the Y3 mean per measure. While Y3 is open no alert
   * mail is queued at all. Once it closes, the mail shows Y3's published figures; then one late
   * student answers Y2 and Y3, and a new evaluation neither changes the figures any alert holds
   * (the ones its mail is written from) nor sends a mail with other Y3 figures, so no n × mean
   * difference can be formed from two mails.
   */
  @Test
  void alertMailCarriesOnlyAClosedWavesPublishedFiguresSoALateAnswerCannotBeDifferenced()
      throws Exception {
    RapportClient rapport = new RapportClient(deployed);
    AssessmentDriver d = new AssessmentDriver(rapport);
    long tenant = newTenant(rapport);
    String dean = unique("dean") + "@rapport.test";
    expect(
        200,
        rapport.adminPut(
            "/api/admin/alerts/" + tenant + "/rule",
            "{\"recipients\": [\"" + dean + "\"], \"mailFaculty\": false}"));
    int year = 1990; // its own tenant, so any plausible year
    try (Connection c =
            DriverManager.getConnection(
                System.getProperty("it.db.url"),
                System.getProperty("it.db.user"),
                System.getProperty("it.db.password", ""));
        AssessmentSeeder seeder = new AssessmentSeeder(c, AssessmentSeeder.randomFirstId())) {
      seeder.cohort(
          tenant,
          new CohortSpec(year, 160, 4, 0.25, new Decline("affective", 3, 4)),
          new Random(7));
      answersFromNowOnAfter(c);
    }
    long y3 = d.wave(tenant, year, "Y3");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String y3Label = AlertVocabulary.stage(Programme.standard(), "Y3") + ": n = ";

    GreenMail smtp =
        new GreenMail(
            new ServerSetup(
                Integer.parseInt(System.getProperty("it.mail.port")),
                "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try {
      // Y3 open: its answers are live, so no alert is raised from them and no mail is queued.
      expect(200, d.setWindow(y3, today.minusDays(10), today.plusDays(30)));
      assertEquals(0L, evaluateForMail(rapport, tenant).get("mailsQueued"));
      assertEquals(List.of(), outbox(rapport, tenant), "no alert mail while Y3 is open");

      // Y3 closes: its figures are published and the decline is mailed once per alert.
      expect(200, d.setWindow(y3, today.minusDays(40), today.minusDays(1)));
      awaitEvaluation(rapport, tenant, "wave closed");
      evaluateForMail(rapport, tenant);
      List<Object> queued = awaitSent(rapport, tenant);
      assertFalse(queued.isEmpty(), "the decline at Y3 is mailed");
      assertTrue(smtp.waitForIncomingEmail(60_000, queued.size()), "the mail arrives");
      Map<String, String> published = y3Figures(smtp, dean, y3Label);
      assertEquals(queued.size(), published.size(), published.toString());
      for (String figures : published.values()) {
        assertTrue(figures.startsWith(y3Label), figures);
      }

      Map<Object, String> figuresBefore = alertFigures(rapport, tenant);

      // One late student answers Y2 (all items 7) and Y3 (all items 1): a steep fall that would
      // move every paired Y2 > Y3 and baseline > Y3 figure if mail were built from live answers.
      String student = unique("LATE");
      String late = AssessmentDriver.header(18) + "\n";
      late += AssessmentDriver.rapportRow(student, year, "Y2", "", 7) + "\n";
      late += AssessmentDriver.rapportRow(student, year, "Y3", "", 1) + "\n";
      Map<String, Object> job = d.importCsv(tenant, "late.csv", late);
      assertEquals("COMPLETED", job.get("state"), job.toString());
      awaitEvaluation(rapport, tenant, "import " + job.get("id") + " finished");
      evaluateForMail(rapport, tenant);
      List<Object> after = awaitSent(rapport, tenant);
      assertTrue(
          smtp.waitForIncomingEmail(60_000, after.size()), "every queued mail was delivered");
      assertEquals(
          figuresBefore,
          alertFigures(rapport, tenant),
          "the figures every alert mail is written from stand");
      Set<String> distinct = new HashSet<>();
      for (MimeMessage m : smtp.getReceivedMessages()) {
        String body = String.valueOf(m.getContent());
        for (String line : body.split("\r?\n")) {
          if (line.startsWith(y3Label)) {
            String subject = m.getSubject();
            assertEquals(published.get(subject), line, "Y3 figures of \"" + subject + "\"");
            distinct.add(subject + " " + line);
          }
        }
      }
      assertEquals(
          published.size(),
          distinct.size(),
          "one set of Y3 figures per alert, so 161 x mean - 160 x mean cannot be formed: "
              + distinct);
    } finally {
      smtp.stop();
    }
  }

  /**
   * The seeder writes responses with explicit ids far above the table's identity sequence; a wave's
   * publication covers the responses up to an id, so the sequence is moved past the seeded ids for
   * a late answer to get a later id, as it does in a running installation.
   */
  private static void answersFromNowOnAfter(Connection c) throws Exception {
    long next;
    try (var s = c.createStatement();
        var r = s.executeQuery("SELECT MAX(id) + 1 FROM assessment_response")) {
      r.next();
      next = r.getLong(1);
    }
    try (var s = c.createStatement()) {
      if (c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL")) {
        s.execute(
            "SELECT setval(pg_get_serial_sequence('assessment_response', 'id'), " + next + ")");
      } else {
        s.execute("ALTER TABLE assessment_response ALTER COLUMN id RESTART WITH " + next);
      }
    }
  }

  /**
   * Per alert id, the reference and current n, mean and SD it holds. (The response rate is left
   * out: its denominator is the live roster, which a late student joins; it gives no score away.)
   */
  private static Map<Object, String> alertFigures(RapportClient rapport, long tenant)
      throws Exception {
    Map<Object, String> figures = new LinkedHashMap<>();
    for (Object o :
        JSONArrayUtils.parse(expect(200, rapport.adminGet("/api/admin/alerts/" + tenant)).body())) {
      Map<?, ?> alert = (Map<?, ?>) o;
      List<Object> held = new ArrayList<>();
      for (String group : List.of("reference", "current")) {
        Map<?, ?> g = (Map<?, ?>) alert.get(group);
        held.addAll(List.of(g.get("n"), g.get("mean"), g.get("sd")));
      }
      figures.put(alert.get("id"), held.toString());
    }
    assertFalse(figures.isEmpty(), "alerts were raised");
    return figures;
  }

  /** Polls the tenant's last evaluation until its reason starts with {@code reason}. */
  private static void awaitEvaluation(RapportClient rapport, long tenant, String reason)
      throws Exception {
    Awaitility.await("an evaluation for \"" + reason + "\"")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              var answer = rapport.adminGet("/api/admin/alerts/" + tenant + "/evaluation");
              return answer.statusCode() == 200
                  && String.valueOf(JSONObjectUtils.parse(answer.body()).get("reason"))
                      .startsWith(reason);
            });
  }

  /** Per mail subject to {@code dean}, its line of Y3 figures ("Y3: n = 150, mean 70.2, ..."). */
  private static Map<String, String> y3Figures(GreenMail smtp, String dean, String y3Label)
      throws Exception {
    Map<String, String> figures = new LinkedHashMap<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      if (Arrays.stream(m.getRecipients(Message.RecipientType.TO))
          .noneMatch(a -> a.toString().equals(dean))) {
        continue;
      }
      for (String line : String.valueOf(m.getContent()).split("\r?\n")) {
        if (line.startsWith(y3Label)) {
          figures.put(m.getSubject(), line);
        }
      }
    }
    return figures;
  }

  private static Map<String, Object> evaluateForMail(RapportClient rapport, long tenant)
      throws Exception {
    return JSONObjectUtils.parse(
        expect(200, rapport.adminPost("/api/admin/alerts/" + tenant + "/evaluate", "")).body());
  }

  private static List<Object> outbox(RapportClient rapport, long tenant) throws Exception {
    return JSONArrayUtils.parse(
        expect(200, rapport.adminGet("/api/admin/alerts/" + tenant + "/mail")).body());
  }

  /** Polls the tenant's mail outbox until every queued mail has been sent. */
  private static List<Object> awaitSent(RapportClient rapport, long tenant) throws Exception {
    return Awaitility.await("every alert mail sent")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> outbox(rapport, tenant),
            mail -> mail.stream().allMatch(m -> ((Map<?, ?>) m).get("sentAt") != null));
  }

  private static long newTenant(RapportClient rapport) throws Exception {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String json =
        "{\"name\":\"Differencing IT "
            + unique
            + "\",\"platformKind\":\"OTHER\",\"issuer\":\"https://diff-"
            + unique
            + ".example\",\"clientId\":\"diff-it\",\"authEndpoint\":\"https://diff-"
            + unique
            + ".example/auth\",\"jwksUri\":\"https://diff-"
            + unique
            + ".example/jwks\",\"deploymentPolicy\":\"ACCEPT_ON_FIRST_SIGHT\",\"enabled\":true}";
    return ((Number)
            JSONObjectUtils.parse(
                    expect(201, rapport.adminPost("/api/admin/registrations", json)).body())
                .get("id"))
        .longValue();
  }

  private static String dashboard(AssessmentDriver d, String faculty, long cohort) {
    return expect(200, d.rapport().get("/app/faculty/cohorts?s=" + faculty + "&cohort=" + cohort))
        .body();
  }

  private static void evaluate(AssessmentDriver d, long tenant) {
    expect(200, d.rapport().adminPost("/api/admin/alerts/" + tenant + "/evaluate", ""));
  }

  // ---------------------------------------------------------------------------------- the attack

  /** n × mean(n) − (n − 1) × mean(n − 1), when both figures are there to read. */
  static Optional<Double> recover(
      Map<String, Double> before, Map<String, Double> after, String measure) {
    Double b = before.get(measure + "#mean");
    Double a = after.get(measure + "#mean");
    Double nb = before.get(measure + "#n");
    Double na = after.get(measure + "#n");
    if (a == null || b == null || na == null || nb == null) {
      return Optional.empty();
    }
    return Optional.of(na * a - nb * b);
  }

  Seen read(AssessmentDriver d, String faculty, String classmate, long cohort, int year) {
    String page =
        expect(200, d.rapport().get("/app/faculty/cohorts?s=" + faculty + "&cohort=" + cohort))
            .body();
    Map<String, Double> dashboard = new LinkedHashMap<>();
    for (String measure : MEASURES) {
      int at = page.indexOf("data-measure=\"" + measure + "\">");
      if (at < 0) {
        continue;
      }
      String table = page.substring(at, page.indexOf("</table>", at));
      Matcher m =
          Pattern.compile(
                  "<tr data-wave=\"Y1\"><th scope=\"row\">[^<]*</th><td>(\\d+)</td><td>([^<]+)</td>")
              .matcher(table);
      if (m.find()) {
        dashboard.put(measure + "#n", Double.valueOf(m.group(1)));
        dashboard.put(measure + "#mean", number(m.group(2)));
      }
    }
    String csv =
        expect(200, d.rapport().get("/app/faculty/cohorts/export.csv?s=" + faculty)).body();
    Map<String, Double> fromCsv = new LinkedHashMap<>();
    String[] header = csv.lines().findFirst().orElseThrow().split(",");
    List<String> columns = List.of(header);
    for (String line : csv.split("\r\n")) {
      String[] f = line.split(",", -1);
      if (f.length == header.length
          && f[0].equals("summary")
          && f[2].equals(Integer.toString(year))
          && f[columns.indexOf("wave")].equals("Y1")
          && !f[columns.indexOf("n")].isEmpty()) {
        String measure = f[columns.indexOf("measure")];
        fromCsv.put(measure + "#n", Double.valueOf(f[columns.indexOf("n")]));
        fromCsv.put(measure + "#mean", Double.valueOf(f[columns.indexOf("mean")]));
      }
    }
    String results = expect(200, d.rapport().get("/app/assessment?s=" + classmate)).body();
    Matcher avg = Pattern.compile("\\(cohort average ([0-9.]+)\\)").matcher(results);
    return new Seen(
        dashboard, fromCsv, avg.find() ? Optional.of(number(avg.group(1))) : Optional.empty());
  }

  // ------------------------------------------------------------------------------------- helpers

  /** A new student of {@code year} who answers the open Y1 wave with {@code items}. */
  static String answer(AssessmentDriver d, int year, int index, int[] items) {
    String s = DevLaunch.session(d.rapport(), "student", unique("diff" + index), "/app/assessment");
    d.consentAndYear(s, year);
    long wave = d.wave(d.devRegistration(), year, "Y1");
    if (index == 0) {
      d.open(wave);
    }
    expect(303, d.post(s, "submit", answers(wave, items), false));
    return s;
  }

  /** Answers that differ from one student to the next. */
  /** Items worded in the reverse direction in rapport-empathy version 2 (1-based). */
  static final java.util.Set<Integer> REVERSED = java.util.Set.of(7, 8, 9, 10, 14, 15, 16, 17, 18);

  /** Answers of version 2 whose every item scores {@code keyed} after reverse keying. */
  static int[] keyed(int keyed) {
    int[] items = new int[18];
    for (int k = 0; k < items.length; k++) {
      items[k] = REVERSED.contains(k + 1) ? 8 - keyed : keyed;
    }
    return items;
  }

  /** An import row of version 2 with these answers. */
  static String lateRow(String student, int cohort, int[] answers) {
    StringBuilder row = new StringBuilder(student + "," + cohort + ",Y1,rapport-empathy,2,");
    for (int a : answers) {
      row.append(',').append(a);
    }
    return row.toString();
  }

  static int[] pattern(int student) {
    int[] items = new int[18];
    for (int k = 0; k < items.length; k++) {
      items[k] = 1 + (student * 3 + k) % 7;
    }
    return items;
  }

  /** The student's own scores, from their own CSV export: total and each subscale. */
  static Map<String, Double> ownScores(AssessmentDriver d, String session) {
    String csv =
        expect(200, d.rapport().get("/app/assessment/export?s=" + session + "&format=csv")).body();
    List<String> lines = csv.lines().toList();
    List<String> header = List.of(lines.get(0).split(","));
    String[] row = lines.get(1).split(",", -1);
    Map<String, Double> scores = new LinkedHashMap<>();
    for (String measure : MEASURES) {
      String column = measure.equals("total") ? "total" : "subscale_" + measure;
      scores.put(measure, Double.valueOf(row[header.indexOf(column)]));
    }
    return scores;
  }

  static double number(String shown) {
    return Double.parseDouble(shown.replace('\u2212', '-').trim());
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
