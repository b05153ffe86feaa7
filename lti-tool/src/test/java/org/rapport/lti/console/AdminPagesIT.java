package org.rapport.lti.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rapport.lti.testdata.AssessmentDriver;
import org.rapport.lti.testdata.ItDatabase;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.RapportWar;

/**
 * Admin pages over real HTTP. The status panel of the administration page and its API: each figure
 * is the one the database holds, a wave opened today and an alert evaluation show up at once, and
 * the mail server counts as reachable only while an SMTP server answers on the configured port. The
 * table of waves saves every changed wave at once, or none when one is refused.
 */
@ExtendWith(ArquillianExtension.class)
class AdminPagesIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return RapportWar.shipped();
  }

  @ArquillianResource URL deployed;

  @Test
  void theFiguresAreTheDatabasesAndFollowAnOpenedWaveAndAnEvaluation() throws Exception {
    RapportClient rapport = new RapportClient(deployed);
    AssessmentDriver d = new AssessmentDriver(rapport);
    long tenant = d.newTenant();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    int year = today.getYear();
    AssessmentDriver.expect(
        201,
        rapport.adminPost(
            "/api/admin/cohorts",
            "{\"registrationId\": " + tenant + ", \"matriculationYear\": " + year + "}"));
    long wave = d.wave(tenant, year, "MATRICULATION");
    boolean wasOpen =
        count(
                "SELECT COUNT(*) FROM wave WHERE id = "
                    + wave
                    + " AND opens_on <= ? AND closes_on >= ?",
                today)
            == 1;

    Map<String, Object> before = status(rapport);
    assertEquals(
        count("SELECT COUNT(*) FROM wave WHERE opens_on <= ? AND closes_on >= ?", today),
        number(before, "wavesOpen"));
    assertEquals(
        count("SELECT COUNT(*) FROM score_outbox WHERE status = 'QUEUED'", null),
        number(before, "gradesQueued"));
    assertEquals(
        count("SELECT COUNT(*) FROM score_outbox WHERE status = 'DEAD_LETTERED'", null),
        number(before, "gradesDeadLettered"));
    assertEquals(today.toString(), before.get("today"));

    d.open(wave);
    Instant asked = Instant.now();
    AssessmentDriver.expect(
        200, rapport.adminPost("/api/admin/alerts/" + tenant + "/evaluate", ""));
    Map<String, Object> after = status(rapport);
    assertEquals(
        number(before, "wavesOpen") + 1, number(after, "wavesOpen"), "the wave opened today");
    Instant evaluated = Instant.parse((String) after.get("lastAlertEvaluation"));
    assertEquals(lastEvaluation(), evaluated);
    assertFalse(evaluated.isBefore(asked.minusSeconds(5)), evaluated + " after " + asked);

    String page =
        rapport
            .get("/admin", "Cookie", rapport.signIn("admin", RapportClient.ADMIN_PASSWORD).cookie())
            .body();
    assertTrue(
        page.contains(
            "<tr data-status=\"waves-open\"><th scope=\"row\">Waves open today ("
                + today
                + ")</th><td>"
                + number(after, "wavesOpen")
                + "</td></tr>"),
        page);
    assertTrue(
        page.contains(
            "<tr data-status=\"grades-queued\"><th scope=\"row\">Grades queued</th><td>"
                + number(after, "gradesQueued")
                + "</td></tr>"),
        page);
    // Other tenants' evaluations may run between the two reads; the page shows this one or a later.
    java.util.regex.Matcher shown =
        java.util.regex.Pattern.compile(
                "data-status=\"last-evaluation\"><th scope=\"row\">Last alert evaluation</th>"
                    + "<td><code>([^<]+)</code>")
            .matcher(page);
    assertTrue(shown.find(), page);
    assertFalse(Instant.parse(shown.group(1)).isBefore(evaluated), shown.group(1));
  }

  @Test
  void theMailServerIsReachableOnlyWhileItAnswers() throws Exception {
    RapportClient rapport = new RapportClient(deployed);
    int port = Integer.parseInt(System.getProperty("it.mail.port"));
    assertFalse(
        listening(port), "nothing may listen on the GreenMail port before the test starts it");
    Map<String, Object> down = status(rapport);
    assertEquals(false, down.get("mailReachable"));
    assertEquals("127.0.0.1:" + port, down.get("mailServer"));
    assertTrue(
        ((String) down.get("mailProblem")).startsWith("127.0.0.1:" + port + " did not answer"),
        down.toString());
    String session = rapport.signIn("admin", RapportClient.ADMIN_PASSWORD).cookie();
    assertTrue(
        rapport.get("/admin", "Cookie", session).body().contains("<strong>Not reachable</strong>"));

    GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try {
      Map<String, Object> up = status(rapport);
      assertEquals(true, up.get("mailReachable"), up.toString());
      assertNull(up.get("mailProblem"));
      assertTrue(
          rapport
              .get("/admin", "Cookie", session)
              .body()
              .contains("<strong>Reachable</strong> (127.0.0.1:" + port + ")"));
    } finally {
      smtp.stop();
    }
    Map<String, Object> again = status(rapport);
    assertEquals(false, again.get("mailReachable"), again.toString());
    assertNotNull(again.get("mailProblem"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theWavesTableSavesEveryChangedWaveAtOnceOrNoneAndLeavesUnchangedWavesAlone()
      throws Exception {
    RapportClient rapport = new RapportClient(deployed);
    AssessmentDriver d = new AssessmentDriver(rapport);
    long tenant = d.newTenant();
    int year = LocalDate.now(ZoneOffset.UTC).getYear() - 1;
    AssessmentDriver.expect(
        201,
        rapport.adminPost(
            "/api/admin/cohorts",
            "{\"registrationId\": " + tenant + ", \"matriculationYear\": " + year + "}"));
    List<Map<String, Object>> waves =
        (List<Map<String, Object>>) d.cohort(tenant, year).get("waves");
    assertTrue(waves.size() >= 3, waves.toString());
    Map<String, Object> first = waves.get(0);
    Map<String, Object> second = waves.get(1);
    Map<String, Object> third = waves.get(2);
    long a = ((Number) first.get("id")).longValue();
    long b = ((Number) second.get("id")).longValue();
    long c = ((Number) third.get("id")).longValue();
    String originOfThird = origin(c);
    RapportClient.AdminSession session = rapport.signIn("admin", RapportClient.ADMIN_PASSWORD);
    String aOpens = LocalDate.parse((String) first.get("opens")).plusDays(3).toString();
    String aCloses = LocalDate.parse((String) first.get("closes")).plusDays(3).toString();

    // The second row closes before it opens: nothing is saved, each problem is beside its field
    // and every value typed comes back.
    String refusedForm =
        row(session, a, aOpens, aCloses, first)
            + "&"
            + row(null, b, "2031-03-10", "2031-03-01", second)
            + "&"
            + row(null, c, (String) third.get("opens"), (String) third.get("closes"), third);
    HttpResponse<String> refused = save(rapport, session, tenant, refusedForm);
    assertEquals(400, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("Nothing was saved"), refused.body());
    assertTrue(refused.body().contains("id=\"closes-" + b + "-error\""), refused.body());
    assertTrue(
        refused.body().contains("name=\"w" + a + "_opens\" value=\"" + aOpens + "\""),
        refused.body());
    assertTrue(
        refused.body().contains("name=\"w" + b + "_opens\" value=\"2031-03-10\""), refused.body());
    assertEquals(first.get("opens"), opens(a), "the valid row was not saved either");

    String form =
        row(session, a, aOpens, aCloses, first)
            + "&"
            + row(null, b, "2031-03-01", "2031-03-10", second)
            + "&"
            + row(null, c, (String) third.get("opens"), (String) third.get("closes"), third);
    HttpResponse<String> saved = save(rapport, session, tenant, form);
    assertEquals(200, saved.statusCode(), saved.body());
    assertTrue(saved.body().contains("2 waves saved."), saved.body());
    assertEquals(aOpens, opens(a));
    assertEquals("2031-03-01", opens(b));
    assertEquals("ADMIN", origin(a));
    assertEquals(originOfThird, origin(c), "a row sent unchanged is left alone");
    assertTrue(
        saved.body().contains("<tr data-wave=\"" + b + "\" data-status=\"UPCOMING\">"),
        saved.body());
  }

  private static String row(
      RapportClient.AdminSession session,
      long id,
      String opens,
      String closes,
      Map<String, Object> wave) {
    String row =
        "w"
            + id
            + "_opens="
            + opens
            + "&w"
            + id
            + "_closes="
            + closes
            + "&w"
            + id
            + "_instrument="
            + wave.get("instrument")
            + ":"
            + wave.get("version");
    return session == null ? row : "csrf=" + session.csrf() + "&" + row;
  }

  private static HttpResponse<String> save(
      RapportClient rapport, RapportClient.AdminSession session, long tenant, String form) {
    return rapport.postForm(
        "/admin/assessments/" + tenant + "/waves",
        form,
        "Origin",
        rapport.origin(),
        "Cookie",
        session.cookie(),
        "Accept",
        "text/html");
  }

  private static String opens(long wave) throws SQLException {
    return column("SELECT opens_on FROM wave WHERE id = ?", wave);
  }

  private static String origin(long wave) throws SQLException {
    return column("SELECT origin FROM wave WHERE id = ?", wave);
  }

  private static String column(String sql, long id) throws SQLException {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        assertTrue(rs.next());
        return rs.getString(1);
      }
    }
  }

  private static Map<String, Object> status(RapportClient rapport) {
    HttpResponse<String> answer = rapport.adminGet("/api/admin/status");
    assertEquals(200, answer.statusCode(), answer.body());
    return AssessmentDriver.object(answer.body());
  }

  private static long number(Map<String, Object> status, String name) {
    return ((Number) status.get(name)).longValue();
  }

  private static long count(String sql, LocalDate day) throws SQLException {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      if (day != null) {
        s.setObject(1, day);
        s.setObject(2, day);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static Instant lastEvaluation() throws SQLException {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement("SELECT MAX(evaluated_at) FROM alert_evaluation");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      Timestamp at = rs.getTimestamp(1);
      return at.toInstant();
    }
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
