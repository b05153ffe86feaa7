package org.rapport.lti.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rapport.curriculum.analytics.SmallCellSuppression;
import org.rapport.curriculum.modules.Module;
import org.rapport.curriculum.modules.ModuleCatalog;
import org.rapport.curriculum.modules.ModuleId;
import org.rapport.curriculum.modules.TrainingPhase;
import org.rapport.lti.testdata.AssessmentDriver;
import org.rapport.lti.testdata.AssessmentSeeder;
import org.rapport.lti.testdata.AssessmentSeeder.CohortSpec;
import org.rapport.lti.testdata.AssessmentSeeder.Decline;
import org.rapport.lti.testdata.Axe;
import org.rapport.lti.testdata.Browser;
import org.rapport.lti.testdata.DevLaunch;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.RapportWar;

/**
 * Cohort analytics end to end on the shipped WAR: synthetic cohorts written into the assessment
 * tables (seed 7; a built-in decline of the affective subscale at Y3), evaluation through the admin
 * API, the alerts it raises, their mail through a real SMTP server (GreenMail) that is down at
 * first, the dashboard page, the CSV export, and a real Chromium acknowledging and resolving an
 * alert. Small cohorts stay hidden everywhere.
 */
@ExtendWith(ArquillianExtension.class)
class CohortAlertsIT {
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
  private static final Decline AFFECTIVE_AT_Y3 = new Decline("affective", 3, 4);
  private static final String DEV_TENANT = "Built-in test platform";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RapportWar.shipped();
  }

  @ArquillianResource URL deployed;

  /** The dev platform's tenant, seeded once for the page tests: [tenant, declining, small]. */
  private static long[] devCohorts;

  private RapportClient rapport() {
    return new RapportClient(deployed);
  }

  // ---------------------------------------------------------------- alerts through the admin API

  @Test
  void aDeclineAtYear3RaisesExactlyTheExpectedAlertsOnce() throws Exception {
    RapportClient rapport = rapport();
    long tenant = newTenant(rapport);
    long declining;
    try (Connection c = db();
        AssessmentSeeder seeder = new AssessmentSeeder(c, AssessmentSeeder.randomFirstId())) {
      Random random = new Random(7);
      declining =
          seeder.cohort(tenant, new CohortSpec(2021, 160, 4, 0.25, AFFECTIVE_AT_Y3), random);
      seeder.cohort(tenant, new CohortSpec(2022, 160, 4, 0.25), random);
      seeder.cohort(
          tenant, new CohortSpec(2023, 7, 4, 0.0, new Decline("affective", 3, 9)), random);
    }

    Map<String, Object> first = evaluate(rapport, tenant);
    assertEquals(4L, first.get("raised"), first.toString());

    List<Map<String, Object>> alerts = alerts(rapport, tenant);
    Set<String> keys = new HashSet<>();
    for (Map<String, Object> a : alerts) {
      keys.add(
          a.get("measure")
              + " "
              + a.get("fromWave")
              + ">"
              + a.get("toWave")
              + " "
              + a.get("comparison"));
      assertEquals(declining, ((Number) a.get("cohortId")).longValue(), a.toString());
      assertEquals("OPEN", a.get("state"));
      Map<?, ?> reference = (Map<?, ?>) a.get("reference");
      Map<?, ?> current = (Map<?, ?>) a.get("current");
      assertTrue(((Number) current.get("n")).intValue() >= 10, a.toString());
      assertNotNull(reference.get("mean"));
      assertNotNull(reference.get("sd"));
      assertNotNull(current.get("responseRate"), "response rate from the roster: " + a);
      assertTrue(((Number) a.get("ciUpper")).doubleValue() < 0, a.toString());
      assertTrue(((Number) a.get("effectSize")).doubleValue() <= -0.3, a.toString());
      assertTrue(((Number) a.get("p")).doubleValue() < 0.05, a.toString());
      assertNotNull(a.get("df"));
      assertNotNull(a.get("allStudents"), "mixed-model figures: " + a);
      List<?> modules = (List<?>) a.get("modules");
      assertFalse(modules.isEmpty(), a.toString());
      if ("affective".equals(a.get("measure"))) {
        assertEquals("Affective empathy", a.get("subscale"));
        assertTrue(a.toString().contains("responding-to-emotion"), a.toString());
      }
    }
    assertEquals(
        Set.of(
            "affective Y2>Y3 PREVIOUS_WAVE",
            "affective MATRICULATION>Y3 BASELINE",
            "total Y2>Y3 PREVIOUS_WAVE",
            "total MATRICULATION>Y3 BASELINE"),
        keys);

    Map<String, Object> again = evaluate(rapport, tenant);
    assertEquals(0L, again.get("raised"), again.toString());
    assertEquals(4L, again.get("findings"), again.toString());
    assertEquals(4, alerts(rapport, tenant).size());
  }

  @Test
  void unchangedCohortsRaiseNoAlert() throws Exception {
    RapportClient rapport = rapport();
    long tenant = newTenant(rapport);
    try (Connection c = db();
        AssessmentSeeder seeder = new AssessmentSeeder(c, AssessmentSeeder.randomFirstId())) {
      Random random = new Random(11);
      seeder.cohort(tenant, new CohortSpec(2020, 160, 6, 0.25), random);
      seeder.cohort(tenant, new CohortSpec(2021, 160, 5, 0.25), random);
    }
    Map<String, Object> result = evaluate(rapport, tenant);
    assertEquals(0L, result.get("findings"), result.toString());
    assertEquals(List.of(), alerts(rapport, tenant));
  }

  @Test
  void ruleChangesAreCheckedAndExplained() throws Exception {
    RapportClient rapport = rapport();
    long tenant = newTenant(rapport);
    HttpResponse<String> defaults = rapport.adminGet("/api/admin/alerts/" + tenant + "/rule");
    assertEquals(200, defaults.statusCode(), defaults.body());
    Map<String, Object> rule =
        JSONObjectUtils.getJSONObject(JSONObjectUtils.parse(defaults.body()), "rule");
    assertEquals(Boolean.TRUE, rule.get("usingDefaults"));
    assertEquals(10L, rule.get("minimumGroupSize"));
    assertEquals(-0.3, ((Number) rule.get("effectSizeThreshold")).doubleValue(), 1e-9);

    HttpResponse<String> tooSmall =
        rapport.adminPut("/api/admin/alerts/" + tenant + "/rule", "{\"minimumGroupSize\": 3}");
    assertEquals(400, tooSmall.statusCode(), tooSmall.body());
    assertTrue(tooSmall.body().contains(SmallCellSuppression.BELOW_FLOOR), tooSmall.body());

    HttpResponse<String> positive =
        rapport.adminPut(
            "/api/admin/alerts/" + tenant + "/rule",
            "{\"effectSizeThreshold\": 0.2, \"comparisons\": [\"SIDEWAYS\"], \"recipients\": [\"nobody\"]}");
    assertEquals(400, positive.statusCode(), positive.body());
    assertTrue(positive.body().contains("must be a negative number"), positive.body());
    assertTrue(positive.body().contains("'SIDEWAYS' is not a comparison"), positive.body());
    assertTrue(positive.body().contains("'nobody' is not an email address"), positive.body());

    HttpResponse<String> changed =
        rapport.adminPut(
            "/api/admin/alerts/" + tenant + "/rule",
            "{\"minimumN\": 25, \"comparisons\": [\"PREVIOUS_WAVE\", \"CROSS_COHORT\"],"
                + " \"recipients\": [\"dean@rapport.test\"]}");
    assertEquals(200, changed.statusCode(), changed.body());
    HttpResponse<String> read = rapport.adminGet("/api/admin/alerts/" + tenant + "/rule");
    assertTrue(read.body().contains("\"minimumN\":25"), read.body());
    assertTrue(read.body().contains("CROSS_COHORT"), read.body());
    assertTrue(read.body().contains("dean@rapport.test"), read.body());
    assertTrue(read.body().contains("\"usingDefaults\":false"), read.body());
    assertTrue(read.body().contains("\"validatedOnly\":false"), read.body());

    HttpResponse<String> validatedOnly =
        rapport.adminPut("/api/admin/alerts/" + tenant + "/rule", "{\"validatedOnly\": true}");
    assertEquals(200, validatedOnly.statusCode(), validatedOnly.body());
    HttpResponse<String> reread = rapport.adminGet("/api/admin/alerts/" + tenant + "/rule");
    assertTrue(reread.body().contains("\"validatedOnly\":true"), reread.body());
    assertTrue(reread.body().contains("\"minimumN\":25"), "other settings kept: " + reread.body());
  }

  // ------------------------------------------------------------------------------------- mail

  @Test
  void alertMailWaitsForTheSmtpServerAndIsSentOnceEach() throws Exception {
    RapportClient rapport = rapport();
    long tenant = newTenant(rapport);
    String dean = "dean-" + UUID.randomUUID().toString().substring(0, 8) + "@rapport.test";
    HttpResponse<String> rule =
        rapport.adminPut(
            "/api/admin/alerts/" + tenant + "/rule",
            "{\"recipients\": [\"" + dean + "\"], \"mailFaculty\": false}");
    assertEquals(200, rule.statusCode(), rule.body());
    try (Connection c = db();
        AssessmentSeeder seeder = new AssessmentSeeder(c, AssessmentSeeder.randomFirstId())) {
      seeder.cohort(tenant, new CohortSpec(2021, 160, 4, 0.25, AFFECTIVE_AT_Y3), new Random(7));
    }
    int port = Integer.parseInt(System.getProperty("it.mail.port"));
    assertFalse(
        listening(port), "nothing may listen on the GreenMail port before the test starts it");

    assertEquals(4L, evaluate(rapport, tenant).get("mailsQueued"));
    List<Object> mail =
        waitForMail(rapport, tenant, m -> ((Number) m.get("attempts")).intValue() >= 2);
    assertEquals(4, mail.size());
    for (Object o : mail) {
      Map<?, ?> m = (Map<?, ?>) o;
      assertNull(m.get("sentAt"), "nothing can be delivered while the server is down: " + m);
      assertNotNull(m.get("lastError"), m.toString());
    }

    GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try {
      assertTrue(smtp.waitForIncomingEmail(60_000, 4), "4 alert mails after the server came back");
      waitForMail(rapport, tenant, m -> m.get("sentAt") != null);
      assertEquals(0L, evaluate(rapport, tenant).get("mailsQueued"));
      // Every mail is marked sent and the worker claims only unsent mail: no later run can send
      // one again, so what GreenMail holds now is all that will arrive.
      List<MimeMessage> toDean = new ArrayList<>();
      for (MimeMessage m : smtp.getReceivedMessages()) {
        if (Arrays.stream(m.getRecipients(Message.RecipientType.TO))
            .anyMatch(a -> a.toString().equals(dean))) {
          toDean.add(m);
        }
      }
      assertEquals(4, toDean.size(), "each alert mailed once");
      assertEquals(4, toDean.stream().map(m -> subject(m)).distinct().count());
      for (MimeMessage m : toDean) {
        String body = String.valueOf(m.getContent());
        assertTrue(body.contains("n = "), body);
        assertTrue(body.contains("confidence interval"), body);
        assertTrue(body.contains("response rate"), body);
        assertTrue(body.contains("/app/faculty/cohorts?cohort="), body);
        assertTrue(body.contains(AlertVocabulary.FORMATIVE_CAVEAT), body);
        assertFalse(body.contains("synthetic-"), "no pseudonym in mail: " + body);
      }
    } finally {
      smtp.stop();
    }
  }

  // -------------------------------------------------------------- dashboard, CSV, privacy, roles

  @Test
  void facultySeeTrendsAlertsAndExportWhileSmallCohortsStayHidden() throws Exception {
    RapportClient rapport = rapport();
    long[] dev = devTenant(rapport);
    String s =
        DevLaunch.session(
            rapport, "instructor", "dash-" + UUID.randomUUID().toString().substring(0, 6), "/app");

    HttpResponse<String> page = rapport.get("/app/faculty/cohorts?s=" + s + "&cohort=" + dev[1]);
    assertEquals(200, page.statusCode(), page.body());
    String html = page.body();
    assertTrue(html.contains("data-chart=\"trend-total\""), html);
    assertTrue(html.contains("<title id=\"trend-total-title\">"), html);
    assertTrue(html.contains("<desc id=\"trend-total-desc\">"), html);
    assertTrue(html.contains("data-measure=\"affective\""), html);
    assertTrue(html.contains("data-alert-id="), html);
    assertTrue(html.contains("Affective empathy"), html);
    assertTrue(html.contains("Responding to emotion"), html);
    assertTrue(html.contains("<caption>"), html);
    assertFalse(html.contains("synthetic-"), "no pseudonym on the page");

    HttpResponse<String> inbox = rapport.get("/app/faculty/alerts?s=" + s);
    assertEquals(200, inbox.statusCode(), inbox.body());
    assertTrue(inbox.body().contains("data-alert-id="), inbox.body());
    assertTrue(inbox.body().contains("When does Rapport raise an alert?"), inbox.body());
    assertTrue(inbox.body().contains("The effect size is \u22120.30 or lower"), inbox.body());
    HttpResponse<String> ruleForFaculty =
        rapport.get("/app/faculty/alerts/rule?s=" + s, "Accept", "application/json");
    assertEquals(200, ruleForFaculty.statusCode(), ruleForFaculty.body());
    assertTrue(ruleForFaculty.body().contains("\"recipients\":[]"), "addresses stay with admins");

    HttpResponse<String> small = rapport.get("/app/faculty/cohorts?s=" + s + "&cohort=" + dev[2]);
    assertEquals(200, small.statusCode(), small.body());
    String hidden = small.body();
    assertTrue(hidden.contains("Hidden: fewer than 10 students"), hidden);
    assertFalse(hidden.contains("class=\"mean\""), "no point drawn for a small cohort");
    assertFalse(hidden.contains("<tr data-wave=\"Y1\"><th"), "no shown row for a small cohort");
    assertFalse(hidden.contains("data-alert-id="), "no alert for a small cohort");
    assertTrue(hidden.contains("No alerts for this cohort."), hidden);

    HttpResponse<String> csv = rapport.get("/app/faculty/cohorts/export.csv?s=" + s);
    assertEquals(200, csv.statusCode(), csv.body());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    String smallLabel = "Small cohort (dashboard IT)";
    String bigLabel = "Declining cohort (dashboard IT)";
    int smallRows = 0;
    int bigShown = 0;
    for (String line : csv.body().split("\r\n")) {
      if (line.contains(smallLabel)) {
        smallRows++;
        assertTrue(line.endsWith(",,,,,,,,,,,,,yes") || line.endsWith(",,,,,,,,,,,,yes"), line);
      }
      if (line.contains(bigLabel) && line.endsWith(",no")) {
        bigShown++;
      }
    }
    assertTrue(
        smallRows >= 16, "every summary of the small cohort listed as suppressed: " + smallRows);
    assertTrue(bigShown >= 16, csv.body());

    // Tenant isolation: another tenant's cohort and alert are out of reach.
    long other = newTenant(rapport);
    long otherCohort;
    try (Connection c = db();
        AssessmentSeeder seeder = new AssessmentSeeder(c, AssessmentSeeder.randomFirstId())) {
      otherCohort =
          seeder.cohort(other, new CohortSpec(2019, 160, 4, 0.25, AFFECTIVE_AT_Y3), new Random(3));
    }
    evaluate(rapport, other);
    long otherAlert = ((Number) alerts(rapport, other).get(0).get("id")).longValue();
    HttpResponse<String> foreign =
        rapport.get("/app/faculty/cohorts?s=" + s + "&cohort=" + otherCohort);
    assertFalse(foreign.body().contains("data-cohort=\"" + otherCohort + "\""), foreign.body());
    assertEquals(
        404,
        rapport
            .postForm("/app/faculty/alerts/" + otherAlert + "/acknowledge?s=" + s, "back=alerts")
            .statusCode());

    String student =
        DevLaunch.session(
            rapport, "student", "stu-" + UUID.randomUUID().toString().substring(0, 6), "/app");
    assertEquals(403, rapport.get("/app/faculty/cohorts?s=" + student).statusCode());
    assertEquals(403, rapport.get("/app/faculty/cohorts/export.csv?s=" + student).statusCode());
    assertEquals(403, rapport.get("/app/faculty/alerts?s=" + student).statusCode());
    assertEquals(
        403,
        rapport
            .postForm(
                "/app/faculty/alerts/" + otherAlert + "/acknowledge?s=" + student, "back=alerts")
            .statusCode());
  }

  @Test
  void anInstructorAcknowledgesAndResolvesAnAlertInTheBrowser() throws Exception {
    RapportClient rapport = rapport();
    long[] dev = devTenant(rapport);
    ChromeDriver browser = Browser.start(false);
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
      browser.get(
          rapport.base()
              + "/dev/platform/launch?role=instructor&user=ines-"
              + UUID.randomUUID().toString().substring(0, 6)
              + "&target=/app/faculty/cohorts");
      wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("rapport-frame")));
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Cohort trends"));
      wait.until(
              ExpectedConditions.elementToBeClickable(
                  By.linkText("Declining cohort (dashboard IT)")))
          .click();
      wait.until(
          ExpectedConditions.presenceOfElementLocated(
              By.cssSelector(
                  "section[data-cohort=\"" + dev[1] + "\"] svg[data-chart=\"trend-total\"]")));
      WebElement chart = browser.findElement(By.cssSelector("svg[data-chart=\"trend-total\"]"));
      saveScreenshot(browser, "cohort-dashboard.png");
      WebElement caveat =
          browser.findElement(
              By.cssSelector("section[data-cohort=\"" + dev[1] + "\"] [data-caveat=formative]"));
      assertTrue(caveat.isDisplayed(), "the formative caveat is visible");
      assertEquals(AlertVocabulary.FORMATIVE_CAVEAT, caveat.getText());
      assertTrue(chart.findElements(By.cssSelector("circle.mean")).size() >= 4);
      WebElement card =
          browser.findElement(
              By.cssSelector(
                  "section[data-cohort=\"" + dev[1] + "\"] article[data-state=\"OPEN\"]"));
      String id = card.getAttribute("data-alert-id");
      assertTrue(card.getText().contains("fell"), card.getText());
      WebElement cardCaveat = card.findElement(By.cssSelector("[data-caveat=formative]"));
      assertTrue(cardCaveat.isDisplayed(), "the alert says its figures are formative");
      assertEquals(AlertVocabulary.FORMATIVE_CAVEAT, cardCaveat.getText());
      // The cohort of 1991 is past residency: at most three residency modules for the layer that
      // fell, each a link, with its facilitator guide where one exists.
      List<WebElement> suggested = card.findElements(By.cssSelector("ul.modules > li"));
      assertFalse(suggested.isEmpty(), card.getText());
      assertTrue(suggested.size() <= AlertVocabulary.MAX_RECOMMENDED, card.getText());
      ModuleCatalog catalog = ModuleCatalog.load(null);
      for (WebElement li : suggested) {
        Module module = catalog.find(ModuleId.of(li.getAttribute("data-module"))).orElseThrow();
        assertTrue(module.suits(TrainingPhase.RESIDENCY), module.id().toString());
        assertTrue(
            li.findElement(By.tagName("a"))
                .getAttribute("href")
                .contains("/app/modules/" + module.id() + "?s="));
        assertEquals(
            module.facilitatorGuide().isPresent() ? 1 : 0,
            li.findElements(By.cssSelector("a[data-guide]")).size(),
            module.id().toString());
      }

      card.findElement(By.cssSelector("button[data-action=\"acknowledge\"]")).click();
      wait.until(
          ExpectedConditions.presenceOfElementLocated(
              By.cssSelector(
                  "article[data-alert-id=\"" + id + "\"][data-state=\"ACKNOWLEDGED\"]")));
      assertTrue(browser.getPageSource().contains("marked as acknowledged"));

      WebElement acknowledged =
          browser.findElement(By.cssSelector("article[data-alert-id=\"" + id + "\"]"));
      acknowledged
          .findElement(By.tagName("textarea"))
          .sendKeys("Scheduled NURSE practice for the class.");
      acknowledged.findElement(By.cssSelector("button[data-action=\"resolve\"]")).click();
      WebElement resolved =
          wait.until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector(
                      "article[data-alert-id=\"" + id + "\"][data-state=\"RESOLVED\"]")));
      assertTrue(
          resolved.getText().contains("Scheduled NURSE practice for the class."),
          resolved.getText());
      assertTrue(resolved.getText().contains("Acknowledged by"), resolved.getText());

      browser.switchTo().defaultContent();
      browser.get(
          rapport.base()
              + "/dev/platform/launch?role=student&user=sam-"
              + UUID.randomUUID().toString().substring(0, 6)
              + "&target=/app/faculty/cohorts");
      wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("rapport-frame")));
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.tagName("body"), "This page is for faculty"));
      assertTrue(browser.findElements(By.cssSelector("svg[data-chart]")).isEmpty());
    } finally {
      browser.quit();
    }
  }

  /**
   * Triage first: launched without choosing, faculty land on the cohort with the most open alerts,
   * read its summary and its alerts grouped per wave pair (the total first, subscales folded, the
   * statistics behind a disclosure); a chart of a negligible change spans at least one SD; the
   * changes table fits an 820 px LMS frame and a 390 px phone by scrolling inside its wrapper; and
   * axe finds no serious or critical violation on the cohort page and the alert inbox.
   */
  @Test
  void facultyLandOnTheAlertingCohortWithItsSummaryGroupedAlertsAndHonestCharts() throws Exception {
    RapportClient rapport = rapport();
    long[] dev = devTenant(rapport);
    Map<Long, Integer> open = new java.util.HashMap<>();
    for (Map<String, Object> a : alerts(rapport, dev[0])) {
      if ("OPEN".equals(a.get("state")) && !Boolean.TRUE.equals(a.get("historical"))) {
        open.merge(((Number) a.get("cohortId")).longValue(), 1, Integer::sum);
      }
    }
    int most = open.values().stream().max(Integer::compare).orElse(0);
    assertTrue(most > 0, "the seeded decline has open alerts: " + open);
    ChromeDriver browser = Browser.start(false);
    try {
      browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
      browser.get(
          rapport.base()
              + "/dev/platform/launch?role=instructor&user=tri-"
              + UUID.randomUUID().toString().substring(0, 6)
              + "&target=/app/faculty/cohorts");
      wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("rapport-frame")));
      WebElement section =
          wait.until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector("section.cohort-dashboard[data-cohort]")));
      long landed = Long.parseLong(section.getAttribute("data-cohort"));
      assertEquals(
          most, open.getOrDefault(landed, 0), "landed on a cohort with the most open alerts");
      WebElement count =
          browser.findElement(
              By.cssSelector("li[data-cohort-link=\"" + landed + "\"] .alert-count"));
      assertTrue(count.getText().contains(most + " open alert"), count.getText());

      String summary = browser.findElement(By.cssSelector("[data-summary]")).getText();
      String label = browser.findElement(By.id("cohort-heading")).getText();
      assertTrue(summary.contains(" fell from "), summary);
      assertTrue(label.startsWith(summary.split(" of ", 2)[1].split(" fell ", 2)[0]), summary);
      assertTrue(
          summary.matches(".*by (about|almost|less than|more than) .* standard deviation.*"),
          summary);
      assertTrue(summary.contains("answered"), summary);
      assertTrue(summary.contains("need attention") || summary.contains("needs attention"));

      List<WebElement> groups = section.findElements(By.cssSelector("section[data-alert-group]"));
      assertFalse(groups.isEmpty(), "alerts are grouped");
      boolean folded = false;
      for (WebElement group : groups) {
        List<WebElement> cards = group.findElements(By.cssSelector("article[data-alert-id]"));
        WebElement lead = cards.get(0);
        boolean hasTotal =
            cards.stream().anyMatch(c -> "total".equals(c.getAttribute("data-measure")));
        if (hasTotal) {
          assertEquals("total", lead.getAttribute("data-measure"), "the total score first");
        }
        for (WebElement sub : group.findElements(By.cssSelector("details[data-subscale-alerts]"))) {
          folded = true;
          assertEquals(null, sub.getAttribute("open"), "subscales start folded");
          for (WebElement c : sub.findElements(By.cssSelector("article[data-alert-id]"))) {
            assertFalse("total".equals(c.getAttribute("data-measure")));
          }
        }
        WebElement sentence = lead.findElement(By.cssSelector("[data-sentence]"));
        assertTrue(sentence.isDisplayed());
        assertTrue(sentence.getText().contains("confidence"), sentence.getText());
        WebElement statistics = lead.findElement(By.cssSelector("details[data-statistics]"));
        assertEquals(null, statistics.getAttribute("open"), "statistics on demand");
        assertFalse(
            statistics.findElement(By.cssSelector("table.figures")).isDisplayed(),
            "the figures wait behind the disclosure");
      }
      assertTrue(folded, "the affective alerts fold under the total of their wave pair");

      // A subscale without a decline: its change is negligible, yet the axis spans >= 1 SD.
      saveScreenshot(browser, "cohort-triage.png");
      String page = (String) browser.executeScript("return location.href;");
      browser.switchTo().defaultContent();
      browser.get(page.replaceAll("&cohort=\\d+", "") + "&cohort=" + dev[1]);
      wait.until(
          ExpectedConditions.presenceOfElementLocated(
              By.cssSelector("svg[data-chart=\"trend-cognitive\"]")));
      WebElement chart = browser.findElement(By.cssSelector("svg[data-chart=\"trend-cognitive\"]"));
      double low = Double.POSITIVE_INFINITY;
      double high = Double.NEGATIVE_INFINITY;
      for (WebElement tick : chart.findElements(By.cssSelector("text.tick"))) {
        double v = Double.parseDouble(tick.getAttribute("textContent").replace('\u2212', '-'));
        low = Math.min(low, v);
        high = Math.max(high, v);
      }
      double pooled = pooledSd(browser, "cognitive");
      assertTrue(high - low >= pooled - 0.05, low + " to " + high + " against SD " + pooled);
      assertTrue(
          browser
              .findElement(
                  By.cssSelector("[data-measure=\"cognitive\"] figcaption[data-axis-note]"))
              .getText()
              .contains("at least one standard deviation"));
      boolean negligible = false;
      for (WebElement row : browser.findElements(By.cssSelector("table.changes tbody tr"))) {
        List<WebElement> cells = row.findElements(By.tagName("td"));
        if (cells.size() >= 8
            && !row.findElement(By.tagName("th")).getText().equals("Total score")
            && row.getAttribute("data-rule-met") == null) {
          double d = Double.parseDouble(cells.get(7).getText().replace('\u2212', '-'));
          negligible |= Math.abs(d) < 0.2;
        }
      }
      assertTrue(negligible, "the seeded cohort has negligible changes too");
      WebElement legend = browser.findElement(By.cssSelector("[data-legend]"));
      assertTrue(legend.getText().contains("Meets the alert rule"), legend.getText());
      assertFalse(
          browser.findElements(By.cssSelector("tr[data-rule-met] .rule-met")).isEmpty(),
          "a change meeting the rule is marked by icon and text");

      for (int width : new int[] {820, 390}) {
        viewport(browser, width);
        assertFitsWithoutClipping(browser, width);
        saveScreenshot(browser, "cohort-page-" + width + ".png");
      }
      viewport(browser, 1280);
      Axe.assertNoSeriousViolations(browser, "cohort page");
      browser.get(page.replaceAll("/app/faculty/cohorts[^?]*", "/app/faculty/alerts"));
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Alerts for"));
      assertFalse(browser.findElements(By.cssSelector("section[data-alert-group]")).isEmpty());
      Axe.assertNoSeriousViolations(browser, "alert inbox");
      viewport(browser, 390);
      Axe.assertNoSeriousViolations(browser, "alert inbox on a phone");
    } finally {
      browser.quit();
    }
  }

  /** The measure's SD pooled over the waves its table shows, from the table's n and SD. */
  private static double pooledSd(ChromeDriver browser, String measure) {
    double squares = 0;
    int df = 0;
    for (WebElement row :
        browser.findElements(
            By.cssSelector(".chart-pair[data-measure=\"" + measure + "\"] tbody tr"))) {
      if (row.getAttribute("data-suppressed") != null) {
        continue;
      }
      List<WebElement> cells = row.findElements(By.tagName("td"));
      int n = Integer.parseInt(cells.get(0).getText());
      double sd = Double.parseDouble(cells.get(2).getText());
      squares += (n - 1) * sd * sd;
      df += n - 1;
    }
    assertTrue(df > 0, "the table shows figures");
    return Math.sqrt(squares / df);
  }

  private static void viewport(ChromeDriver browser, int width) {
    browser.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 500));
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> ((Number) browser.executeScript("return window.innerWidth;")).intValue(),
            w -> w == width);
  }

  /**
   * The changes table scrolls inside its wrapper, the wrapper stays within the viewport, no cell
   * clips its text, and the page itself does not scroll sideways.
   */
  private static void assertFitsWithoutClipping(ChromeDriver browser, int width) {
    @SuppressWarnings("unchecked")
    Map<String, Object> m =
        (Map<String, Object>)
            browser.executeScript(
                "var w = document.querySelector('.changes-scroll');"
                    + "var r = w.getBoundingClientRect();"
                    + "var clipped = [];"
                    + "w.querySelectorAll('th, td').forEach(function (c) {"
                    + "  if (c.scrollWidth > c.clientWidth + 1 || c.scrollHeight > c.clientHeight + 1)"
                    + "    clipped.push(c.textContent.trim()); });"
                    + "return {left: r.left, right: r.right, client: w.clientWidth,"
                    + " scroll: w.scrollWidth, overflow: getComputedStyle(w).overflowX,"
                    + " page: document.documentElement.scrollWidth,"
                    + " view: document.documentElement.clientWidth, clipped: clipped};");
    String at = width + " px: " + m;
    assertTrue(((Number) m.get("left")).doubleValue() >= 0, at);
    assertTrue(((Number) m.get("right")).doubleValue() <= width + 0.5, at);
    assertTrue(List.of("auto", "scroll").contains(m.get("overflow")), at);
    assertEquals(List.of(), m.get("clipped"), at);
    assertTrue(
        ((Number) m.get("page")).intValue() <= ((Number) m.get("view")).intValue(),
        "the page does not scroll sideways at " + at);
  }

  // ------------------------------------------------------------------------------------ helpers

  private static Connection db() throws Exception {
    return DriverManager.getConnection(
        System.getProperty("it.db.url"),
        System.getProperty("it.db.user"),
        System.getProperty("it.db.password", ""));
  }

  private static long newTenant(RapportClient rapport) {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String json =
        "{\"name\":\"Alerts IT "
            + unique
            + "\",\"platformKind\":\"OTHER\",\"issuer\":\"https://alerts-"
            + unique
            + ".example\",\"clientId\":\"alerts-it\",\"authEndpoint\":\"https://alerts-"
            + unique
            + ".example/auth\",\"jwksUri\":\"https://alerts-"
            + unique
            + ".example/jwks\",\"deploymentPolicy\":\"ACCEPT_ON_FIRST_SIGHT\",\"enabled\":true}";
    HttpResponse<String> created = rapport.adminPost("/api/admin/registrations", json);
    assertEquals(201, created.statusCode(), created.body());
    Matcher m = ID.matcher(created.body());
    assertTrue(m.find(), created.body());
    return Long.parseLong(m.group(1));
  }

  /** Seeds the built-in test platform's tenant once: a declining cohort and a small one. */
  private static synchronized long[] devTenant(RapportClient rapport) throws Exception {
    if (devCohorts != null) {
      return devCohorts;
    }
    DevLaunch.session(
        rapport, "instructor", "seed-" + UUID.randomUUID().toString().substring(0, 6), "/app");
    List<Object> registrations =
        JSONArrayUtils.parse(rapport.adminGet("/api/admin/registrations").body());
    long tenant = -1;
    for (Object r : registrations) {
      Map<?, ?> reg = (Map<?, ?>) r;
      if (DEV_TENANT.equals(reg.get("name"))) {
        tenant = ((Number) reg.get("id")).longValue();
      }
    }
    assertTrue(tenant > 0, "the dev platform's registration exists after a dev launch");
    long declining;
    long small;
    try (Connection c = db();
        AssessmentSeeder seeder = new AssessmentSeeder(c, AssessmentSeeder.randomFirstId())) {
      Random random = new Random(7);
      declining =
          seeder.cohort(
              tenant,
              new CohortSpec(
                  1991, "Declining cohort (dashboard IT)", 160, 4, 0.25, List.of(AFFECTIVE_AT_Y3)),
              random);
      small =
          seeder.cohort(
              tenant,
              new CohortSpec(
                  1992,
                  "Small cohort (dashboard IT)",
                  7,
                  4,
                  0.0,
                  List.of(new Decline("affective", 3, 9))),
              random);
    }
    devCohorts = new long[] {tenant, declining, small};
    evaluate(rapport, tenant);
    return devCohorts;
  }

  private static Map<String, Object> evaluate(RapportClient rapport, long tenant) throws Exception {
    HttpResponse<String> answer =
        rapport.adminPost("/api/admin/alerts/" + tenant + "/evaluate", "");
    assertEquals(200, answer.statusCode(), answer.body());
    return JSONObjectUtils.parse(answer.body());
  }

  // ------------------------------------- evaluation when a wave closes and when an import ends

  @Test
  void closingAWaveEvaluatesItsTenantWithoutBeingAsked() throws Exception {
    RapportClient rapport = rapport();
    long tenant = newTenant(rapport);
    try (Connection c = db();
        AssessmentSeeder seeder = new AssessmentSeeder(c, AssessmentSeeder.randomFirstId())) {
      seeder.cohort(tenant, new CohortSpec(2021, 160, 4, 0.25, AFFECTIVE_AT_Y3), new Random(7));
    }
    AssessmentDriver d = new AssessmentDriver(rapport);
    LocalDate closes = LocalDate.now(ZoneOffset.UTC).minusDays(2);
    HttpResponse<String> closed =
        d.setWindow(d.wave(tenant, 2021, "Y3"), closes.minusDays(30), closes);
    assertEquals(200, closed.statusCode(), closed.body());

    Map<String, Object> last = awaitEvaluation(rapport, tenant, "wave closed");
    assertEquals("wave closed: Y3 of cohort 2021 on " + closes, last.get("reason"));
    assertEquals(4, alerts(rapport, tenant).size(), "the decline at Y3 is raised");
  }

  @Test
  void anImportOfResultsEvaluatesItsTenantWhenItFinishes() throws Exception {
    RapportClient rapport = rapport();
    long tenant = newTenant(rapport);
    AssessmentDriver d = new AssessmentDriver(rapport);
    Map<String, Object> job =
        d.importCsv(tenant, "class-of-2018.csv", scoresWithADeclineAtY3(2018, 120));
    assertEquals("COMPLETED", job.get("state"), job.toString());

    Map<String, Object> last =
        awaitEvaluation(rapport, tenant, "import " + job.get("id") + " finished");
    assertEquals("import " + job.get("id") + " finished (class-of-2018.csv)", last.get("reason"));
    assertTrue(
        alerts(rapport, tenant).stream()
            .anyMatch(a -> "affective".equals(a.get("measure")) && "Y3".equals(a.get("toWave"))),
        "the imported decline at Y3 is raised");
  }

  /**
   * A results file (given scores) of {@code students} of one cohort at matriculation, Y1, Y2 and
   * Y3, whose affective subscale falls by 5 points at Y3 (seed 11).
   */
  private static String scoresWithADeclineAtY3(int year, int students) {
    Random random = new Random(11);
    List<String> stages = List.of("MATRICULATION", "Y1", "Y2", "Y3");
    StringBuilder csv =
        new StringBuilder(
            "student_id,cohort,stage,instrument,version,completed_on,total,subscale_cognitive,"
                + "subscale_affective,subscale_compassionate-action\n");
    for (int s = 1; s <= students; s++) {
      double[] own = new double[3];
      for (int k = 0; k < 3; k++) {
        own[k] = 30 + 4 * random.nextGaussian();
      }
      for (int w = 0; w < stages.size(); w++) {
        long[] sub = new long[3];
        for (int k = 0; k < 3; k++) {
          double value = own[k] + 2 * random.nextGaussian() - (k == 1 && w == 3 ? 5 : 0);
          sub[k] = Math.max(6, Math.min(42, Math.round(value)));
        }
        csv.append(
            String.format(
                "IMP-%d-%03d,%d,%s,rapport-empathy,1,%s,%d,%d,%d,%d%n",
                year,
                s,
                year,
                stages.get(w),
                LocalDate.of(year + w, w == 0 ? 9 : 5, 1),
                sub[0] + sub[1] + sub[2],
                sub[0],
                sub[1],
                sub[2]));
      }
    }
    return csv.toString();
  }

  /** Polls the tenant's last evaluation until its reason starts with {@code reason}. */
  private static Map<String, Object> awaitEvaluation(
      RapportClient rapport, long tenant, String reason) throws Exception {
    return Awaitility.await("an evaluation for \"" + reason + "\"")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              HttpResponse<String> seen =
                  rapport.adminGet("/api/admin/alerts/" + tenant + "/evaluation");
              String what = seen.statusCode() + " " + seen.body();
              if (seen.statusCode() != 200) {
                assertEquals(404, seen.statusCode(), "before the first evaluation: " + what);
                assertTrue(seen.body().contains("has not been evaluated yet"), what);
                return null;
              }
              Map<String, Object> last = JSONObjectUtils.parse(seen.body());
              return String.valueOf(last.get("reason")).startsWith(reason) ? last : null;
            },
            java.util.Objects::nonNull);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> alerts(RapportClient rapport, long tenant)
      throws Exception {
    HttpResponse<String> answer = rapport.adminGet("/api/admin/alerts/" + tenant);
    assertEquals(200, answer.statusCode(), answer.body());
    List<Map<String, Object>> list = new ArrayList<>();
    for (Object o : JSONArrayUtils.parse(answer.body())) {
      list.add((Map<String, Object>) o);
    }
    return list;
  }

  private static List<Object> waitForMail(
      RapportClient rapport, long tenant, java.util.function.Predicate<Map<?, ?>> each)
      throws Exception {
    return Awaitility.await("the alert mail in the expected state")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                JSONArrayUtils.parse(
                    rapport.adminGet("/api/admin/alerts/" + tenant + "/mail").body()),
            mail -> !mail.isEmpty() && mail.stream().allMatch(m -> each.test((Map<?, ?>) m)));
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** Keeps a picture of the page under target/screenshots for people to look at. */
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

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
