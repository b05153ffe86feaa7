package org.rapport.lti.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rapport.curriculum.cohorts.ScheduleTemplate;
import org.rapport.curriculum.instruments.InstrumentCatalog;
import org.rapport.curriculum.instruments.InstrumentId;
import org.rapport.lti.testdata.DevLaunch;
import org.rapport.lti.testdata.PayaraMicroProcess;
import org.rapport.lti.testdata.RapportClient;

/**
 * Development mode's demo tenant on a Rapport of its own (its own database, demo data on, as the
 * run command has it): after the first launch from the test platform, the demo instructor sees both
 * demo cohorts with figures and the decline the alert evaluation raised, module completion in the
 * demo course, and the demo student finds their wave open. A second launch and a restart add
 * nothing.
 */
class DemoDataIT {
  private static final String PASSWORD = "demo-data-it";
  private static final List<String> TABLES =
      List.of(
          "registration",
          "cohort",
          "wave",
          "student",
          "assessment_response",
          "assessment_score",
          "import_job",
          "learner",
          "membership",
          "module_progress",
          "reflection_entry",
          "cohort_alert",
          "published_wave",
          "encounter_session",
          "encounter",
          "observed_rating");

  @Test
  void theDemoTenantShowsCohortsFiguresTheDeclineAndAnOpenWaveAndIsSeededOnce() throws Exception {
    Path data = Files.createTempDirectory("rapport-demo");
    String url = "jdbc:h2:file:" + data.resolve("db") + ";MODE=LEGACY";
    Map<String, String> env =
        Map.of(
            "RAPPORT_DEV_MODE", "true",
            "RAPPORT_DEV_DEMO_DATA", "true",
            "RAPPORT_DB_URL", url,
            "RAPPORT_DB_USER", "sa",
            "RAPPORT_DB_PASSWORD", PASSWORD);
    DemoResults.Classes classes =
        DemoResults.Classes.on(
            ScheduleTemplate.standard(
                InstrumentCatalog.shipped()
                    .latest(InstrumentId.of("rapport-empathy"))
                    .orElseThrow()
                    .ref()),
            LocalDate.now(ZoneOffset.UTC));

    int port;
    try (PayaraMicroProcess rapport = PayaraMicroProcess.start("demo-data-first", env)) {
      port = rapport.port();
      RapportClient client = rapport.client();
      assertFacultySeeTheDemo(client, classes);
      assertTheDemoStudentFindsTheirWaveOpen(client);
      String instructor = DevLaunch.session(client, "instructor", "demo", "/app");
      HttpResponse<String> toGive = client.get("/app/ratings?s=" + instructor);
      assertEquals(200, toGive.statusCode(), toGive.body());
      Matcher rating = Pattern.compile("href=\"(/app/ratings/\\d+)\\?s").matcher(toGive.body());
      assertTrue(rating.find(), "the instructor's rating of the demo student: " + toGive.body());
      String ratingPath = rating.group(1);
      assertFalse(rating.find(), "one rating to give: " + toGive.body());
      assertTheInstructorRatesOnce(client, instructor, ratingPath);
    }
    Map<String, Long> first = counts(url);
    assertEquals(1L, first.get("registration"), first.toString());
    assertEquals(2L, first.get("cohort"), first.toString());
    assertEquals(1L, first.get("import_job"), first.toString());
    assertTrue(first.get("cohort_alert") > 0, first.toString());
    assertEquals(
        (long) DemoResults.DECLINING_SIZE + DemoResults.STEADY_SIZE + 1 + DemoSeeding.CLASSMATES,
        first.get("student"),
        "the synthetic students, the demo student and the classmates rated at the OSCE: " + first);
    int courseStudents = DemoSeeding.CLASSMATES + 1;
    int stations = DemoObservedPractice.STATIONS.size();
    assertEquals(1L, first.get("encounter_session"), first.toString());
    assertEquals((long) courseStudents * stations, first.get("encounter"), first.toString());
    assertEquals(
        (long) courseStudents * stations,
        first.get("observed_rating"),
        "every station rated by its standardized patient but the demo student's second, and"
            + " the instructor's rating: "
            + first);

    // The same address after the restart: the same test platform, so the same tenant.
    try (PayaraMicroProcess again =
        PayaraMicroProcess.start("demo-data-again", env, List.of("-Xmx768m"), port)) {
      RapportClient client = again.client();
      assertFacultySeeTheDemo(client, classes);
    }
    assertEquals(first, counts(url), "the restart added nothing");
  }

  private static void assertFacultySeeTheDemo(RapportClient rapport, DemoResults.Classes classes) {
    String s = DevLaunch.session(rapport, "instructor", "demo", "/app/faculty/cohorts");
    HttpResponse<String> list = rapport.get("/app/faculty/cohorts?s=" + s);
    assertEquals(200, list.statusCode(), list.body());
    String declining = classes.declining().cohortLabel();
    assertTrue(list.body().contains(">" + declining + "</a>"), list.body());
    assertTrue(list.body().contains(">" + classes.steady().cohortLabel() + "</a>"), list.body());
    Matcher link =
        Pattern.compile("data-cohort-link=\"(\\d+)\"><a href=\"[^\"]*\"[^>]*>" + declining + "<")
            .matcher(list.body());
    assertTrue(link.find(), list.body());

    HttpResponse<String> cohort =
        rapport.get("/app/faculty/cohorts?s=" + s + "&cohort=" + link.group(1));
    assertEquals(200, cohort.statusCode(), cohort.body());
    String html = cohort.body();
    assertTrue(html.contains("data-chart=\"trend-total\""), "a trend chart: " + html);
    assertTrue(html.contains("<tr data-wave=\"Y3\"><th"), "the Y3 figures are shown: " + html);
    assertTrue(html.contains("data-alert-id="), "the decline's alert: " + html);
    String fell =
        InstrumentCatalog.shipped()
            .latest(InstrumentId.of("rapport-empathy"))
            .orElseThrow()
            .subscale(org.rapport.curriculum.instruments.SubscaleId.of(DemoResults.FELL))
            .orElseThrow()
            .label();
    assertTrue(html.contains(fell), "the subscale that fell, " + fell + ": " + html);
    assertTrue(!html.contains("demo-" + classes.declining().value() + "-"), "no pseudonym");

    HttpResponse<String> modules = rapport.get("/app/faculty/modules?s=" + s);
    assertEquals(200, modules.statusCode(), modules.body());
    assertTrue(
        modules.body().contains("data-students=\"" + (DemoSeeding.CLASSMATES + 1) + "\""),
        "the demo student and classmates: " + modules.body());
    Matcher completed = Pattern.compile("data-completed=\"(\\d+)\"").matcher(modules.body());
    assertTrue(completed.find(), "completion figures are shown: " + modules.body());
    assertTrue(Integer.parseInt(completed.group(1)) >= 10, modules.body());
  }

  /** The instructor's rating inside the LMS: the form, one rating, then no second one. */
  private static void assertTheInstructorRatesOnce(
      RapportClient rapport, String session, String ratingPath) {
    HttpResponse<String> form = rapport.get(ratingPath + "?s=" + session);
    assertEquals(200, form.statusCode(), form.body());
    Matcher encounter = Pattern.compile("name=\"encounter\" value=\"(\\d+)\"").matcher(form.body());
    assertTrue(encounter.find(), form.body());
    StringBuilder answers = new StringBuilder("encounter=" + encounter.group(1));
    Matcher item = Pattern.compile("name=\"(item_\\d+)\" value=\"4\"").matcher(form.body());
    int items = 0;
    while (item.find()) {
      answers.append('&').append(item.group(1)).append("=4");
      items++;
    }
    assertEquals(10, items, form.body());
    HttpResponse<String> incomplete =
        rapport.postForm(
            ratingPath + "?s=" + session, "encounter=" + encounter.group(1) + "&item_1=4");
    assertEquals(400, incomplete.statusCode(), incomplete.body());
    assertTrue(incomplete.body().contains("Not answered yet"), incomplete.body());
    HttpResponse<String> rated =
        rapport.postForm(ratingPath + "?s=" + session, answers + "&comment=Clear+and+kind.");
    assertEquals(200, rated.statusCode(), rated.body());
    assertTrue(rated.body().contains("Rating received"), rated.body());
    HttpResponse<String> again = rapport.postForm(ratingPath + "?s=" + session, answers.toString());
    assertEquals(409, again.statusCode(), again.body());
    HttpResponse<String> left = rapport.get("/app/ratings?s=" + session);
    assertFalse(left.body().contains(ratingPath), "nothing left to give: " + left.body());
  }

  private static void assertTheDemoStudentFindsTheirWaveOpen(RapportClient rapport) {
    String s = DevLaunch.session(rapport, "student", "demo", "/app");
    HttpResponse<String> home = rapport.get("/app?s=" + s);
    assertEquals(200, home.statusCode(), home.body());
    assertTrue(home.body().contains("/app/assessment?s="), home.body());
    assertEquals(303, rapport.postForm("/app/assessment/consent?s=" + s, "agree=yes").statusCode());
    HttpResponse<String> assessment = rapport.get("/app/assessment?s=" + s);
    assertEquals(200, assessment.statusCode(), assessment.body());
    assertTrue(assessment.body().contains("End of year 2"), assessment.body());
    assertTrue(assessment.body().contains("name=\"wave\""), "the form is open: " + assessment);
    HttpResponse<String> catalogue = rapport.get("/app/modules?s=" + s);
    assertEquals(200, catalogue.statusCode(), catalogue.body());
    assertTrue(catalogue.body().contains("Completed"), "finished modules: " + catalogue.body());
  }

  private static Map<String, Long> counts(String url) throws Exception {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection(url, "sa", PASSWORD);
        Statement s = c.createStatement()) {
      for (String table : TABLES) {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
          rs.next();
          counts.put(table, rs.getLong(1));
        }
      }
    }
    return counts;
  }
}
