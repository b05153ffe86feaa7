package org.rapport.lti.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rapport.lti.testdata.AssessmentDriver;
import org.rapport.lti.testdata.DevLaunch;
import org.rapport.lti.testdata.ItDatabase;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.RapportWar;

/**
 * Importing past OSCE results over real HTTP, checked in the database: a valid file creates its
 * sessions, encounters, raters and ratings and says how many; a file with problems lists every one
 * by row and column and leaves no trace; the same file again changes nothing; each tenant's imports
 * are its own; launched users cannot import.
 */
@ExtendWith(ArquillianExtension.class)
class ObservedImportIT {
  private static final String HEADER =
      "student_pseudonym,date,stage,station,setting,cohort,rater_type,form,comment,"
          + "item_1,item_2,item_3,item_4,item_5,item_6,item_7,item_8,item_9,item_10,total";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RapportWar.shipped();
  }

  @ArquillianResource URL deployed;

  /**
   * Two students at the history-taking station of one OSCE day, one of them rated by the patient
   * and by faculty; the other student also at a practice session rated by a peer.
   */
  private static String validFile(String tag) {
    return HEADER
        + "\r\n"
        + "OI-"
        + tag
        + "-1,2025-03-14,Y3,History taking,osce-station,2022,patient,,\"Kind, and clear\","
        + "4,5,4,4,5,3,4,4,5,4,\r\n"
        + "OI-"
        + tag
        + "-1,2025-03-14,Y3,History taking,osce-station,,faculty,,,,,,,,,,,,,38.5\r\n"
        + "OI-"
        + tag
        + "-2,2025-03-14,Y3,History taking,,,patient,,,3,3,,3,3,3,3,3,3,3,\r\n"
        + "OI-"
        + tag
        + "-2,2025-04-02,Y3,Breaking news,peer-role-play,,peer,rapport-observed-observer,,"
        + ",,,,,,,,,,41\r\n";
  }

  @Test
  void aValidFileImportsItsRatingsAndTheSameFileAgainChangesNothing() throws Exception {
    RapportClient rapport = new RapportClient(deployed);
    long tenant = new AssessmentDriver(rapport).newTenant();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String csv = validFile(tag);

    HttpResponse<String> created = postCsv(rapport, tenant, "osce-2025.csv", csv, false);
    assertEquals(201, created.statusCode(), created.body());
    Map<String, Object> result = AssessmentDriver.object(created.body());
    assertEquals("IMPORTED", result.get("outcome"));
    assertEquals(4, number(result, "ratings"));
    assertEquals(2, number(result, "sessions"));
    assertEquals(3, number(result, "encounters"));
    assertEquals(2, number(result, "studentsCreated"));
    assertEquals(Boolean.FALSE, result.get("released"));
    String location = created.headers().firstValue("Location").orElseThrow();
    assertTrue(location.endsWith("/api/admin/observed-imports/" + number(result, "importId")));

    try (Connection c = ItDatabase.connect()) {
      assertEquals(
          2,
          count(
              c,
              "select count(*) from encounter_session where registration_id = ? and origin ="
                  + " 'IMPORTED' and course_id is null and released_at is null",
              tenant));
      assertEquals(
          1,
          count(
              c,
              "select count(*) from encounter_session where registration_id = ? and setting ="
                  + " 'PEER_ROLE_PLAY' and stage = 'Y3' and held_on = DATE '2025-04-02'",
              tenant));
      assertEquals(3, count(c, encounters(), tenant));
      assertEquals(
          4,
          count(
              c,
              "select count(*) from encounter_rater r join encounter e on e.id = r.encounter_id"
                  + " join encounter_session s on s.id = e.session_id where s.registration_id = ?"
                  + " and r.learner_id is null and r.rater_name is null and r.rater_email is"
                  + " null",
              tenant));
      assertEquals(
          "COMPLETE:42.0000:10,GIVEN:38.5000:null,GIVEN:41.0000:null,PRORATED:30.0000:9",
          text(
              c,
              "select r.status, r.score_value, r.answered_count from observed_rating r join"
                  + " encounter_rater er on er.id = r.rater_id join encounter e on e.id ="
                  + " er.encounter_id join encounter_session s on s.id = e.session_id where"
                  + " s.registration_id = ? order by r.status, r.score_value",
              tenant));
      assertEquals(
          "Kind, and clear",
          text(
              c,
              "select r.comment from observed_rating r join encounter_rater er on er.id ="
                  + " r.rater_id join encounter e on e.id = er.encounter_id join"
                  + " encounter_session s on s.id = e.session_id where s.registration_id = ? and"
                  + " r.comment is not null",
              tenant));
      assertEquals(
          3,
          count(
              c,
              "select count(*) from observed_rating_subscale x join observed_rating r on r.id ="
                  + " x.rating_id join encounter_rater er on er.id = r.rater_id join encounter e"
                  + " on e.id = er.encounter_id join encounter_session s on s.id = e.session_id"
                  + " where s.registration_id = ? and r.status = 'COMPLETE'",
              tenant));
      assertEquals(
          "rapport-observed-observer:PEER,rapport-observed-observer:FACULTY,"
              + "rapport-observed-patient:PATIENT,rapport-observed-patient:PATIENT",
          text(
              c,
              "select r.form_id, r.rater_type from encounter_rater r join encounter e on e.id ="
                  + " r.encounter_id join encounter_session s on s.id = e.session_id where"
                  + " s.registration_id = ? order by r.form_id, r.rater_type desc",
              tenant));
      assertEquals(
          1,
          count(
              c,
              "select count(*) from audit_log where registration_id = ? and action ="
                  + " 'OBSERVED_RATINGS_IMPORTED'",
              tenant));

      HttpResponse<String> again = postCsv(rapport, tenant, "osce-2025 copy.csv", csv, true);
      assertEquals(200, again.statusCode(), again.body());
      Map<String, Object> unchanged = AssessmentDriver.object(again.body());
      assertEquals("UNCHANGED", unchanged.get("outcome"));
      assertTrue(
          String.valueOf(unchanged.get("message")).contains("nothing changed"),
          unchanged.toString());
      assertEquals(
          2, count(c, "select count(*) from encounter_session where registration_id = ?", tenant));
      assertEquals(3, count(c, encounters(), tenant));
      assertEquals(
          0,
          count(
              c,
              "select count(*) from encounter_session where registration_id = ? and released_at"
                  + " is not null",
              tenant));
    }

    try (Connection c = ItDatabase.connect()) {
      assertEquals(
          "2022",
          text(
              c,
              "select co.matriculation_year from student s join cohort co on co.id = s.cohort_id"
                  + " where s.registration_id = ? and s.pseudonym = ?",
              tenant,
              "OI-" + tag + "-1"));
    }
    HttpResponse<String> otherCohort =
        postCsv(
            rapport,
            tenant,
            "later.csv",
            HEADER + "\nOI-" + tag + "-1,2025-05-20,Y3,Station 9,,2021,faculty,,,,,,,,,,,,,30\n",
            false);
    assertEquals(400, otherCohort.statusCode(), otherCohort.body());
    assertTrue(
        otherCohort
            .body()
            .contains(
                "student OI-"
                    + tag
                    + "-1 is in the cohort of 2022 in Rapport, not 2021; correct the file, or"
                    + " move the student on the Students page first"),
        otherCohort.body());

    HttpResponse<String> one =
        rapport.adminGet("/api/admin/observed-imports/" + number(result, "importId"));
    assertEquals(200, one.statusCode(), one.body());
    assertEquals(4, number(AssessmentDriver.object(one.body()), "ratings"));
  }

  @Test
  void aFileWithProblemsListsEveryOneByRowAndColumnOnThePageAndImportsNothing() throws Exception {
    RapportClient rapport = new RapportClient(deployed);
    long tenant = new AssessmentDriver(rapport).newTenant();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String csv =
        validFile(tag)
            + "OI-"
            + tag
            + "-3,14/03/2025,Y3,History taking,,,patient,,,4,4,4,4,4,4,4,4,4,4,\r\n"
            + "OI-"
            + tag
            + "-4,2025-03-14,Y9,History taking,,,nurse,,,4,4,4,4,4,4,4,4,4,9,\r\n"
            + "OI-"
            + tag
            + "-5,2025-03-14,Y3,History taking,,,faculty,,,,,,,,,,,,,51\r\n";
    RapportClient.AdminSession session = rapport.signIn("admin", RapportClient.ADMIN_PASSWORD);
    HttpResponse<String> refused =
        postPage(rapport, session, tenant, "osce with problems.csv", csv, true);
    assertEquals(400, refused.statusCode(), refused.body());
    String page = refused.body();
    assertTrue(page.contains("<h1>Import past OSCE results</h1>"), page);
    assertTrue(page.contains("Nothing was imported: 4 problems in 3 rows."), page);
    for (String[] problem :
        List.of(
            new String[] {
              "6", "date", "&#39;14/03/2025&#39; is not a date; write it as YYYY-MM-DD"
            },
            new String[] {"7", "stage", "&#39;Y9&#39; is not a training stage"},
            new String[] {
              "7", "rater_type", "&#39;nurse&#39; is not a rater type; use one of patient, faculty"
            },
            new String[] {"8", "total", "51 is outside the possible range 10–50"})) {
      assertTrue(
          page.contains("<tr><td>" + problem[0] + "</td><td><code>" + problem[1] + "</code></td>"),
          "row " + problem[0] + " " + problem[1] + " in " + page);
      assertTrue(page.contains(problem[2]), problem[2] + " in " + page);
    }
    try (Connection c = ItDatabase.connect()) {
      assertEquals(
          0, count(c, "select count(*) from encounter_session where registration_id = ?", tenant));
      assertEquals(0, count(c, "select count(*) from student where registration_id = ?", tenant));
      assertEquals(
          0, count(c, "select count(*) from observed_import where registration_id = ?", tenant));
    }

    HttpResponse<String> api = postCsv(rapport, tenant, "osce.csv", csv, false);
    assertEquals(400, api.statusCode(), api.body());
    Map<String, Object> result = AssessmentDriver.object(api.body());
    assertEquals("REFUSED", result.get("outcome"));
    assertEquals(4, number(result, "problemCount"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> problems = (List<Map<String, Object>>) result.get("problems");
    assertEquals(
        List.of("6 date", "7 stage", "7 rater_type", "8 total"),
        problems.stream().map(p -> number(p, "row") + " " + p.get("column")).toList());
  }

  @Test
  void thePageImportsAFileShowsItsCountsAndCanReleaseTheRatings() throws Exception {
    RapportClient rapport = new RapportClient(deployed);
    long tenant = new AssessmentDriver(rapport).newTenant();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    RapportClient.AdminSession session = rapport.signIn("admin", RapportClient.ADMIN_PASSWORD);
    HttpResponse<String> uploaded =
        postPage(rapport, session, tenant, "released.csv", validFile(tag), true);
    assertEquals(303, uploaded.statusCode(), uploaded.body());
    String location = uploaded.headers().firstValue("Location").orElseThrow();
    assertTrue(location.matches(".*/admin/observed-imports/[0-9]+$"), location);
    HttpResponse<String> page =
        rapport.get(
            location.substring(location.indexOf("/admin/")),
            "Cookie",
            session.cookie(),
            "Accept",
            "text/html");
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains("<dd data-count=\"ratings\">4</dd>"), page.body());
    assertTrue(page.body().contains("<dd data-count=\"sessions\">2</dd>"), page.body());
    assertTrue(page.body().contains("<dd data-count=\"encounters\">3</dd>"), page.body());
    try (Connection c = ItDatabase.connect()) {
      assertEquals(
          2,
          count(
              c,
              "select count(*) from encounter_session where registration_id = ? and released_at"
                  + " is not null",
              tenant));
    }
    HttpResponse<String> list =
        rapport.get("/admin/observed-imports", "Cookie", session.cookie(), "Accept", "text/html");
    assertEquals(200, list.statusCode(), list.body());
    assertTrue(list.body().contains("released.csv"), list.body());
  }

  @Test
  void eachTenantHasItsOwnImportsAndStudents() throws Exception {
    RapportClient rapport = new RapportClient(deployed);
    AssessmentDriver driver = new AssessmentDriver(rapport);
    long a = driver.newTenant();
    long b = driver.newTenant();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String csv = validFile(tag);
    assertEquals(201, postCsv(rapport, a, "a.csv", csv, false).statusCode());
    HttpResponse<String> inB = postCsv(rapport, b, "b.csv", csv, false);
    assertEquals(201, inB.statusCode(), "the same file is new to another tenant: " + inB.body());
    assertEquals(2, number(AssessmentDriver.object(inB.body()), "studentsCreated"));
    try (Connection c = ItDatabase.connect()) {
      assertEquals(
          0,
          count(
              c,
              "select count(*) from encounter e join encounter_session s on s.id = e.session_id"
                  + " join student st on st.id = e.student_id where s.registration_id = ? and"
                  + " st.registration_id <> s.registration_id",
              b));
      assertEquals(3, count(c, encounters(), a));
      assertEquals(3, count(c, encounters(), b));
    }
    List<Map<String, Object>> listed =
        AssessmentDriver.array(
            rapport.adminGet("/api/admin/observed-imports?registration=" + b).body());
    assertEquals(1, listed.size(), listed.toString());
    assertEquals("b.csv", listed.get(0).get("fileName"));
  }

  @Test
  void launchedStudentsAndFacultyCannotImport() throws Exception {
    RapportClient rapport = new RapportClient(deployed);
    long tenant = new AssessmentDriver(rapport).devRegistration();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    for (String role : List.of("student", "instructor")) {
      String s = DevLaunch.session(rapport, role, "oi-" + role + "-" + tag, "/app");
      HttpResponse<String> page = rapport.get("/admin/observed-imports?s=" + s);
      assertTrue(
          page.statusCode() == 401 || page.statusCode() == 403 || page.statusCode() == 303,
          role + " " + page.statusCode());
      HttpResponse<String> api =
          rapport.send(
              HttpRequest.newBuilder(
                      rapport.uri("/api/admin/observed-imports?registration=" + tenant + "&s=" + s))
                  .header("Content-Type", "text/csv")
                  .POST(HttpRequest.BodyPublishers.ofString(validFile(tag)))
                  .build());
      assertTrue(api.statusCode() == 401 || api.statusCode() == 403, role + " " + api.body());
    }
    try (Connection c = ItDatabase.connect()) {
      assertEquals(
          0,
          count(
              c,
              "select count(*) from student where registration_id = ? and pseudonym like ?",
              tenant,
              "OI-" + tag + "%"));
    }
    assertFalse(
        rapport.adminGet("/api/admin/observed-imports").body().contains("OI-" + tag),
        "nothing was imported");
  }

  private static String encounters() {
    return "select count(*) from encounter e join encounter_session s on s.id = e.session_id"
        + " where s.registration_id = ?";
  }

  private static HttpResponse<String> postCsv(
      RapportClient rapport, long tenant, String name, String csv, boolean release) {
    return rapport.send(
        HttpRequest.newBuilder(
                rapport.uri(
                    "/api/admin/observed-imports?registration="
                        + tenant
                        + "&name="
                        + URLEncoder.encode(name, StandardCharsets.UTF_8)
                        + (release ? "&release=true" : "")))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", rapport.adminAuthorization())
            .header("Content-Type", "text/csv")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(csv))
            .build());
  }

  private static HttpResponse<String> postPage(
      RapportClient rapport,
      RapportClient.AdminSession session,
      long tenant,
      String fileName,
      String csv,
      boolean release) {
    String boundary = "----observed" + System.nanoTime();
    String form =
        field(boundary, "csrf", session.csrf())
            + field(boundary, "registration", String.valueOf(tenant))
            + (release ? field(boundary, "release", "on") : "")
            + "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: text/csv\r\n\r\n"
            + csv
            + "\r\n--"
            + boundary
            + "--\r\n";
    return rapport.send(
        HttpRequest.newBuilder(rapport.uri("/admin/observed-imports"))
            .timeout(Duration.ofSeconds(60))
            .header("Cookie", session.cookie())
            .header("Origin", rapport.origin())
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
            .build());
  }

  private static String field(String boundary, String name, String value) {
    return "--"
        + boundary
        + "\r\nContent-Disposition: form-data; name=\""
        + name
        + "\"\r\n\r\n"
        + value
        + "\r\n";
  }

  private static long number(Map<String, Object> json, String key) {
    return ((Number) json.get(key)).longValue();
  }

  private static long count(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  /** The rows of a query, columns joined by ':' and rows by ','. */
  private static String text(Connection c, String sql, Object... params) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        int columns = r.getMetaData().getColumnCount();
        while (r.next()) {
          if (out.length() > 0) {
            out.append(',');
          }
          for (int i = 1; i <= columns; i++) {
            if (i > 1) {
              out.append(':');
            }
            Object v = r.getObject(i);
            out.append(v instanceof java.math.BigDecimal d ? d.setScale(4).toPlainString() : v);
          }
        }
      }
    }
    return out.toString();
  }
}
