package org.rapport.lti.observed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rapport.lti.testdata.AssessmentSeeder;
import org.rapport.lti.testdata.AssessmentSeeder.CohortSpec;
import org.rapport.lti.testdata.Axe;
import org.rapport.lti.testdata.Browser;
import org.rapport.lti.testdata.DevLaunch;
import org.rapport.lti.testdata.ObservedSeeder;
import org.rapport.lti.testdata.ObservedSeeder.Rater;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.RapportWar;

/**
 * The faculty page of observed-practice cohort figures and the observed alerts, end to end on the
 * shipped WAR. A cohort of the built-in test platform's tenant gets a self-assessment (published by
 * the evaluation) and observed ratings: six students at Y2 (a small cell), twelve at Y3 rated by
 * standardized patients with four of them also rated by faculty (a small rater group that hides the
 * patients' figures too), and the same twelve at Y4, each rated by two standardized patients about
 * ten points of the scale lower (a decline, and rater agreement to judge). A second tenant's cohort
 * must never show.
 */
@ExtendWith(ArquillianExtension.class)
class ObservedCohortFiguresIT {
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
  private static final String DEV_TENANT = "Built-in test platform";
  private static final String PAGE = "/app/faculty/observed/cohorts";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RapportWar.shipped();
  }

  @ArquillianResource URL deployed;

  private static Seeded seeded;

  private record Seeded(long tenant, long cohort, String label, long otherCohort, String other) {}

  private RapportClient rapport() {
    return new RapportClient(deployed);
  }

  @Test
  void smallStagesAndASmallRaterGroupAreHiddenWithTheCellThatWouldRevealThem() throws Exception {
    RapportClient rapport = rapport();
    Seeded s = seed(rapport);
    String faculty = DevLaunch.session(rapport, "instructor", user("fac"), "/app");
    HttpResponse<String> page = rapport.get(PAGE + "?s=" + faculty + "&cohort=" + s.cohort());
    assertEquals(200, page.statusCode(), page.body());
    String html = page.body();
    assertTrue(html.contains(s.label()), "the chosen cohort is shown");

    String y2 = stage(html, "Y2");
    assertTrue(y2.contains("Hidden (fewer than 10)"), y2);
    assertTrue(row(y2, "total", "all").contains("data-hidden=\"true\""), y2);
    assertTrue(row(y2, "total", "PATIENT").contains("Hidden: fewer than 10 students"), y2);
    assertFalse(y2.contains("data-gaps"), "no gap from a hidden stage: " + y2);

    String y3 = stage(html, "Y3");
    String overall = row(y3, "total", "all");
    assertFalse(overall.contains("data-hidden"), overall);
    assertTrue(overall.contains("<td>12</td>"), "twelve students, sixteen ratings: " + overall);
    String faculty3 = row(y3, "total", "FACULTY");
    assertTrue(faculty3.contains("Hidden: fewer than 10 students"), faculty3);
    String patients3 = row(y3, "total", "PATIENT");
    assertTrue(
        patients3.contains("Hidden so that a smaller group cannot be worked out from it"),
        "complementary suppression: " + patients3);
    assertTrue(y3.contains("data-gaps=\"Y3\""), "the gap to the published self-assessment: " + y3);
    assertTrue(y3.contains("data-gap=\"affective\""), y3);
    assertTrue(
        y3.contains("Hidden: the encounters rated by two or more raters are of fewer than 10"),
        "agreement of four students is hidden: " + y3);

    String y4 = stage(html, "Y4");
    assertTrue(row(y4, "total", "PATIENT").contains("<td>12</td>"), y4);
    assertTrue(y4.contains("data-agreement=\"Y4\""), "twelve double-rated encounters: " + y4);
    assertTrue(y4.contains("self-assessment at this stage has no published figures"), y4);

    assertTrue(html.contains("<caption"), "tables have captions");
    assertTrue(html.contains("scope=\"col\"") && html.contains("scope=\"row\""), "header scopes");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aCohortWhoseObservedRatingsFellGetsAnAlertWithItsFigures() throws Exception {
    RapportClient rapport = rapport();
    Seeded s = seed(rapport);
    List<Map<String, Object>> observed = new ArrayList<>();
    HttpResponse<String> answer = rapport.adminGet("/api/admin/alerts/" + s.tenant());
    assertEquals(200, answer.statusCode(), answer.body());
    for (Object o : JSONArrayUtils.parse(answer.body())) {
      Map<String, Object> a = (Map<String, Object>) o;
      if (((Number) a.get("cohortId")).longValue() == s.cohort()
          && "observed-ratings".equals(a.get("instrument"))) {
        observed.add(a);
      }
    }
    Map<String, Object> total =
        observed.stream()
            .filter(a -> "total".equals(a.get("measure")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no observed alert on the total: " + observed));
    assertEquals("Y3", total.get("fromWave"), total.toString());
    assertEquals("Y4", total.get("toWave"), total.toString());
    assertEquals("PREVIOUS_WAVE", total.get("comparison"));
    assertEquals(12, ((Number) ((Map<?, ?>) total.get("current")).get("n")).intValue());
    assertTrue(((Number) total.get("ciUpper")).doubleValue() < 0, total.toString());
    assertTrue(((Number) total.get("effectSize")).doubleValue() <= -0.4, total.toString());
    Map<String, Object> affective =
        observed.stream()
            .filter(a -> "affective".equals(a.get("measure")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no observed alert on a domain: " + observed));
    List<?> modules = (List<?>) affective.get("modules");
    assertFalse(modules.isEmpty(), affective.toString());
    assertTrue(modules.size() <= 3, affective.toString());
    assertTrue(observed.stream().noneMatch(a -> "Y2".equals(a.get("fromWave"))), "Y2 is small");

    String faculty = DevLaunch.session(rapport, "instructor", user("fac"), "/app");
    String html = rapport.get(PAGE + "?s=" + faculty + "&cohort=" + s.cohort()).body();
    assertTrue(html.contains("data-alert-id=\"" + ((Number) total.get("id")).longValue()), html);
    assertTrue(html.contains("Total score fell"), html);
    Matcher change =
        Pattern.compile(
                "<tr data-change=\"total\"><th scope=\"row\">Total score</th>"
                    + "<td>Year 3 to Year 4</td>(.*?)</tr>",
                Pattern.DOTALL)
            .matcher(html);
    assertTrue(change.find(), html);
    assertTrue(change.group(1).startsWith("<td>12</td>"), change.group(1));
    assertTrue(change.group(1).contains("\u2212"), "a decline: " + change.group(1));
    Matcher small =
        Pattern.compile(
                "<tr data-change=\"total\"><th scope=\"row\">Total score</th>"
                    + "<td>Year 2 to Year 3</td>(.*?)</tr>",
                Pattern.DOTALL)
            .matcher(html);
    assertTrue(small.find(), html);
    assertTrue(small.group(1).contains("data-hidden=\"true\""), "six students: " + small.group(1));

    // Evaluating again raises nothing new.
    Map<String, Object> again = evaluate(rapport, s.tenant());
    assertEquals(0L, again.get("raised"), again.toString());
  }

  @Test
  void facultyOfOneTenantNeverSeeAnotherTenantsCohorts() throws Exception {
    RapportClient rapport = rapport();
    Seeded s = seed(rapport);
    String faculty = DevLaunch.session(rapport, "instructor", user("fac"), "/app");
    String list = rapport.get(PAGE + "?s=" + faculty).body();
    assertFalse(list.contains(s.other()), "another tenant's cohort is never listed");
    HttpResponse<String> asked = rapport.get(PAGE + "?s=" + faculty + "&cohort=" + s.otherCohort());
    assertEquals(200, asked.statusCode());
    assertFalse(asked.body().contains(s.other()), "asking for it by id shows the own default");
    assertFalse(
        asked.body().contains("data-cohort=\"" + s.otherCohort() + "\""), "nor its figures");
  }

  @Test
  void studentsAreRefused() {
    RapportClient rapport = rapport();
    String student = DevLaunch.session(rapport, "student", user("stu"), "/app");
    assertEquals(403, rapport.get(PAGE + "?s=" + student).statusCode());
    assertEquals(403, rapport.get(PAGE + "?s=" + student + "&cohort=1").statusCode());
  }

  @Test
  void theFacultyNavigationAndTheCohortDashboardLinkToThePage() throws Exception {
    RapportClient rapport = rapport();
    seed(rapport);
    String faculty = DevLaunch.session(rapport, "instructor", user("fac"), "/app");
    String dashboard = rapport.get("/app/faculty/cohorts?s=" + faculty).body();
    assertTrue(dashboard.contains("data-observed-link"), dashboard);
    String page = rapport.get(PAGE + "?s=" + faculty).body();
    assertTrue(page.contains("aria-current=\"page\">Observed practice figures</a>"), page);
  }

  @Test
  void thePageFitsAPhoneAndHasNoSeriousAccessibilityProblems() throws Exception {
    RapportClient rapport = rapport();
    Seeded s = seed(rapport);
    ChromeDriver browser = Browser.start(false);
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
      browser.get(
          rapport.base()
              + "/dev/platform/launch?role=instructor&user="
              + user("fac")
              + "&target="
              + PAGE);
      wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("rapport-frame")));
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.tagName("h1"), "Observed practice"));
      wait.until(ExpectedConditions.elementToBeClickable(By.linkText(s.label()))).click();
      wait.until(
          ExpectedConditions.presenceOfElementLocated(
              By.cssSelector("section[data-cohort=\"" + s.cohort() + "\"] [data-stage=\"Y4\"]")));
      Axe.assertNoSeriousViolations(browser, "observed cohort figures");
      browser.executeCdpCommand(
          "Emulation.setDeviceMetricsOverride",
          Map.of("width", 390, "height", 900, "deviceScaleFactor", 1, "mobile", true));
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> ((Number) browser.executeScript("return window.innerWidth;")).intValue(),
              w -> w <= 390);
      Number page = (Number) browser.executeScript("return document.documentElement.scrollWidth;");
      Number view = (Number) browser.executeScript("return document.documentElement.clientWidth;");
      assertTrue(
          page.intValue() <= view.intValue(),
          "the page does not scroll sideways at 390 px: " + page + " > " + view);
      Axe.assertNoSeriousViolations(browser, "observed cohort figures on a phone");
      saveScreenshot(browser, "observed-cohort-figures-390.png");
    } finally {
      browser.quit();
    }
  }

  // ------------------------------------------------------------------------------------ helpers

  private static String user(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
  }

  /** Seeds both tenants once and evaluates them. */
  private static synchronized Seeded seed(RapportClient rapport) throws Exception {
    if (seeded != null) {
      return seeded;
    }
    DevLaunch.session(rapport, "instructor", user("seed"), "/app");
    long tenant = -1;
    for (Object r : JSONArrayUtils.parse(rapport.adminGet("/api/admin/registrations").body())) {
      Map<?, ?> reg = (Map<?, ?>) r;
      if (DEV_TENANT.equals(reg.get("name"))) {
        tenant = ((Number) reg.get("id")).longValue();
      }
    }
    assertTrue(tenant > 0, "the dev platform's registration exists after a dev launch");
    long other = newTenant(rapport);
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String label = "Observed cohort " + unique;
    String otherLabel = "Other tenant's observed cohort " + unique;
    Random random = new Random(11);
    int year = 1700 + random.nextInt(150) + (int) (Math.random() * 50);
    long cohort;
    long otherCohort;
    try (Connection c = db();
        AssessmentSeeder seeder = new AssessmentSeeder(c, AssessmentSeeder.randomFirstId())) {
      cohort = seeder.cohort(tenant, new CohortSpec(year, label, 14, 4, 0.0, List.of()), random);
      otherCohort =
          seeder.cohort(other, new CohortSpec(year, otherLabel, 14, 4, 0.0, List.of()), random);
    }
    try (Connection c = db()) {
      ObservedSeeder observed = new ObservedSeeder(c);
      ratings(observed, tenant, cohort);
      ratings(observed, other, otherCohort);
    }
    evaluate(rapport, tenant);
    evaluate(rapport, other);
    seeded = new Seeded(tenant, cohort, label, otherCohort, otherLabel);
    return seeded;
  }

  private static void ratings(ObservedSeeder observed, long tenant, long cohort) throws Exception {
    List<Long> students = observed.students(cohort);
    long y2 = observed.session(tenant, "Practice OSCE", "Y2");
    for (int i = 0; i < 6; i++) {
      observed.encounter(y2, students.get(i), new Rater("PATIENT", 55 + 2 * i));
    }
    long y3 = observed.session(tenant, "Year 3 OSCE", "Y3");
    for (int i = 0; i < 12; i++) {
      if (i < 4) {
        observed.encounter(
            y3,
            students.get(i),
            new Rater("PATIENT", 60 + 2 * i),
            new Rater("FACULTY", 58 + 2 * i));
      } else {
        observed.encounter(y3, students.get(i), new Rater("PATIENT", 60 + 2 * i));
      }
    }
    long y4 = observed.session(tenant, "Year 4 OSCE", "Y4");
    for (int i = 0; i < 12; i++) {
      observed.encounter(
          y4,
          students.get(i),
          new Rater("PATIENT", 49 + 2 * i + (i % 3)),
          new Rater("PATIENT", 51 + 2 * i));
    }
  }

  private static void saveScreenshot(ChromeDriver browser, String name) {
    try {
      java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
      java.nio.file.Files.createDirectories(dir);
      java.nio.file.Files.write(
          dir.resolve(name), browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String stage(String html, String code) {
    int start = html.indexOf("data-stage=\"" + code + "\"");
    assertTrue(start >= 0, "stage " + code + " is shown: " + html);
    int end = html.indexOf("</section>", start);
    return html.substring(start, end);
  }

  private static String row(String html, String measure, String group) {
    Matcher m =
        Pattern.compile(
                "<tr data-measure=\"" + measure + "\" data-group=\"" + group + "\"(.*?)</tr>",
                Pattern.DOTALL)
            .matcher(html);
    assertTrue(m.find(), "row " + measure + "/" + group + " in " + html);
    return m.group(1);
  }

  private static Connection db() throws Exception {
    return DriverManager.getConnection(
        System.getProperty("it.db.url"),
        System.getProperty("it.db.user"),
        System.getProperty("it.db.password", ""));
  }

  private static long newTenant(RapportClient rapport) {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String json =
        "{\"name\":\"Observed IT "
            + unique
            + "\",\"platformKind\":\"OTHER\",\"issuer\":\"https://observed-"
            + unique
            + ".example\",\"clientId\":\"observed-it\",\"authEndpoint\":\"https://observed-"
            + unique
            + ".example/auth\",\"jwksUri\":\"https://observed-"
            + unique
            + ".example/jwks\",\"deploymentPolicy\":\"ACCEPT_ON_FIRST_SIGHT\",\"enabled\":true}";
    HttpResponse<String> created = rapport.adminPost("/api/admin/registrations", json);
    assertEquals(201, created.statusCode(), created.body());
    Matcher m = ID.matcher(created.body());
    assertTrue(m.find(), created.body());
    return Long.parseLong(m.group(1));
  }

  private static Map<String, Object> evaluate(RapportClient rapport, long tenant) throws Exception {
    HttpResponse<String> answer =
        rapport.adminPost("/api/admin/alerts/" + tenant + "/evaluate", "");
    assertEquals(200, answer.statusCode(), answer.body());
    return JSONObjectUtils.parse(answer.body());
  }
}
