package org.rapport.lti.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rapport.lti.testdata.AssessmentDriver.array;
import static org.rapport.lti.testdata.AssessmentDriver.expect;
import static org.rapport.lti.testdata.AssessmentDriver.header;
import static org.rapport.lti.testdata.AssessmentDriver.json;
import static org.rapport.lti.testdata.AssessmentDriver.object;
import static org.rapport.lti.testdata.AssessmentDriver.rapportRow;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rapport.curriculum.instruments.InstrumentCatalog;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.curriculum.instruments.Item;
import org.rapport.lti.testdata.AssessmentDriver;
import org.rapport.lti.testdata.Browser;
import org.rapport.lti.testdata.DevLaunch;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.RapportWar;

/**
 * The self-assessment in a real headless Chromium, inside the test platform's iframe, on an
 * installation that holds (placeholder) licensed JSE-S texts: a student whose two earlier waves
 * were imported answers part of the default instrument, reloads, finishes, submits and sees the
 * trajectory over all three waves. Runs in failsafe's {@code licensed-texts} execution.
 */
@ExtendWith(ArquillianExtension.class)
class AssessmentBrowserIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return RapportWar.shipped();
  }

  @ArquillianResource URL deployed;

  @Test
  void withLicensedTextsTheJseCanBeScheduledAndShown() {
    AssessmentDriver d = new AssessmentDriver(new RapportClient(deployed));
    RapportClient rapport = d.rapport();
    Map<String, Object> jse =
        array(expect(200, rapport.adminGet("/api/admin/instruments")).body()).stream()
            .filter(i -> "jse-s".equals(i.get("id")))
            .findFirst()
            .orElseThrow();
    assertEquals(true, jse.get("schedulable"));
    assertEquals(null, jse.get("unschedulableReason"));

    long tenant = d.newTenant();
    expect(
        200,
        rapport.adminPut(
            "/api/admin/registrations/" + tenant + "/schedule-template",
            "{\"anchor\": \"08-01\", \"stages\": [{\"stage\": \"Y1\", \"offsetMonths\": 9,"
                + " \"windowDays\": 42, \"instrument\": \"jse-s\", \"version\": 1}]}"));

    long devTenant = d.devRegistration();
    String s =
        DevLaunch.session(
            rapport,
            "student",
            "jse-" + UUID.randomUUID().toString().substring(0, 8),
            "/app/assessment");
    d.consentAndYear(s, 2001);
    long y1 = d.wave(devTenant, 2001, "Y1");
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    expect(
        200,
        rapport.adminPut(
            "/api/admin/waves/" + y1,
            json(
                Map.of(
                    "opens",
                    today.minusDays(1).toString(),
                    "closes",
                    today.plusDays(30).toString(),
                    "instrument",
                    "jse-s",
                    "version",
                    1))));
    String page = expect(200, rapport.get("/app/assessment?s=" + s)).body();
    assertTrue(page.contains("Placeholder statement 20 for testing"), page);
    assertTrue(page.contains("Jefferson Scale of Empathy"), page);
    assertTrue(page.contains("Strongly agree"), page);
  }

  @Test
  void aStudentAnswersInTheBrowserReloadsSubmitsAndSeesTheirTrajectory() throws IOException {
    AssessmentDriver d = new AssessmentDriver(new RapportClient(deployed));
    RapportClient rapport = d.rapport();
    long tenant = d.devRegistration();
    String user = "brw-" + UUID.randomUUID().toString().substring(0, 8);
    String pseudonym = "IMP-" + user;
    int year = 2002;
    String csv =
        header(18)
            + "\n"
            + rapportRow(pseudonym, year, "MATRICULATION", "2002-08-15", 5)
            + "\n"
            + rapportRow(pseudonym, year, "Y1", "2003-05-10", 6)
            + "\n";
    assertEquals("COMPLETED", d.importCsv(tenant, "earlier-waves.csv", csv).get("state"));
    expect(
        200,
        rapport.adminPost(
            "/api/admin/students/links",
            json(
                Map.of(
                    "registrationId", tenant,
                    "studentId", pseudonym,
                    "lmsSubject", "dev-student-" + user))));
    d.open(d.wave(tenant, year, "Y2"));

    ChromeDriver browser = Browser.start(false);
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      browser.get(
          rapport.base()
              + "/dev/platform/launch?role=student&user="
              + user
              + "&target=/app/assessment");
      wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("rapport-frame"));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("agree")));
      assertTrue(browser.getPageSource().contains("never receives your score"));
      browser.findElement(By.id("agree")).click();
      browser.findElement(By.cssSelector("form button[type=submit]")).click();

      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("assessment-form")));
      // A new wave is scheduled with version 2, the wording a student can answer without having
      // met patients; the earlier waves imported above keep version 1.
      String form = browser.findElement(By.id("assessment-form")).getText();
      InstrumentCatalog shipped = InstrumentCatalog.shipped();
      for (Item item : shipped.find(InstrumentRef.of("rapport-empathy", 2)).orElseThrow().items()) {
        assertTrue(form.contains(item.text().orElseThrow()), item.number() + ": " + form);
      }
      for (Item item : shipped.find(InstrumentRef.of("rapport-empathy", 1)).orElseThrow().items()) {
        assertFalse(form.contains(item.text().orElseThrow()), item.number() + ": " + form);
      }
      for (int item = 1; item <= 9; item++) {
        answer(browser, item, item % 7 + 1);
      }
      wait.until(ExpectedConditions.attributeToBe(By.id("draft-status"), "data-saved", "9"));

      WebElement before = browser.findElement(By.id("assessment-form"));
      ((JavascriptExecutor) browser).executeScript("window.location.reload();");
      wait.until(ExpectedConditions.stalenessOf(before));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("assessment-form")));
      for (int item = 1; item <= 9; item++) {
        WebElement radio = radio(browser, item, item % 7 + 1);
        assertTrue(radio.isSelected(), "item " + item + " kept its answer after the reload");
      }
      assertTrue(
          browser.findElement(By.id("draft-status")).getText().contains("9 of 18"),
          browser.findElement(By.id("draft-status")).getText());

      for (int item = 10; item <= 18; item++) {
        answer(browser, item, 4);
      }
      browser.findElement(By.id("submit-answers")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("result-heading")));

      String results = browser.getPageSource();
      assertTrue(results.contains("Your answers are submitted"), results);
      WebElement table = browser.findElement(By.cssSelector("table[id^=trajectory-][id$=-table]"));
      List<String> stages =
          table.findElements(By.cssSelector("tbody th[scope=row]")).stream()
              .map(WebElement::getText)
              .toList();
      assertEquals(3, stages.size(), stages.toString());
      assertTrue(stages.get(0).startsWith("Start of medical school"), stages.toString());
      assertTrue(stages.get(1).startsWith("End of year 1"), stages.toString());
      assertTrue(stages.get(2).startsWith("End of year 2"), stages.toString());
      assertTrue(stages.get(0).contains("earlier records"), stages.toString());
      WebElement svg = browser.findElement(By.cssSelector("svg.trajectory-chart"));
      assertEquals("img", svg.getAttribute("role"));
      assertEquals(3, svg.findElements(By.cssSelector("circle.own-point")).size());
      String title = svg.findElement(By.tagName("title")).getAttribute("textContent");
      assertTrue(title.startsWith("Your total score on the Rapport empathy reflection"), title);
      String desc = svg.findElement(By.tagName("desc")).getAttribute("textContent");
      // All 5s: 11 plain items × 5 + 7 reversed × 3 = 76; all 6s: 66 + 14 = 80.
      assertTrue(desc.contains("Start of medical school: 76"), desc);
      assertTrue(desc.contains("End of year 1: 80"), desc);
    } catch (RuntimeException | AssertionError e) {
      save(browser);
      throw e;
    } finally {
      browser.quit();
    }

    Map<String, Object> student =
        object(
            expect(
                    200,
                    rapport.adminGet(
                        "/api/admin/students?registration=" + tenant + "&pseudonym=" + pseudonym))
                .body());
    assertEquals(3L, student.get("responses"));
    assertEquals("dev-student-" + user, student.get("lmsSubject"));
  }

  private static void answer(WebDriver browser, int item, int value) {
    WebElement radio = radio(browser, item, value);
    // Click the label around the radio, as a person would.
    radio.findElement(By.xpath("./ancestor::label")).click();
  }

  private static WebElement radio(WebDriver browser, int item, int value) {
    return browser.findElement(
        By.cssSelector("input[type=radio][name=item_" + item + "][value='" + value + "']"));
  }

  private static void save(WebDriver browser) {
    try {
      Files.writeString(Path.of("target/assessment-browser-failure.html"), browser.getPageSource());
    } catch (IOException | RuntimeException ignored) {
      // Only a debugging aid.
    }
  }
}
