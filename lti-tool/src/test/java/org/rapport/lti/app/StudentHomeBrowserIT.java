package org.rapport.lti.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rapport.lti.testdata.AssessmentDriver.expect;
import static org.rapport.lti.testdata.AssessmentDriver.header;
import static org.rapport.lti.testdata.AssessmentDriver.json;
import static org.rapport.lti.testdata.AssessmentDriver.rapportRow;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.rapport.curriculum.modules.Module;
import org.rapport.curriculum.modules.ModuleCatalog;
import org.rapport.curriculum.modules.ModuleId;
import org.rapport.lti.testdata.AssessmentDriver;
import org.rapport.lti.testdata.Axe;
import org.rapport.lti.testdata.Browser;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.RapportWar;

/**
 * A student's everyday use in a real headless Chromium inside the test platform's iframe: the home
 * says what to do next (the privacy notice, the next module; later the open wave with its answered
 * count and the module in progress at its step), the privacy notice's Not now stores nothing, an
 * early submission lists every unanswered statement with a link to it, and a fall since the
 * previous wave leads to modules for each part and the institution's wellbeing links (configured
 * for the integration tests in the pom). axe-core checks each page.
 */
@ExtendWith(ArquillianExtension.class)
class StudentHomeBrowserIT {
  private static final Module TEACH_BACK =
      ModuleCatalog.load(null).find(ModuleId.of("teach-back")).orElseThrow();
  private static final int YEAR = 1987;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RapportWar.shipped();
  }

  @ArquillianResource URL deployed;

  @Test
  void theHomeLeadsTheStudentThroughTheirWaveAndTheirModules() {
    AssessmentDriver d = new AssessmentDriver(new RapportClient(deployed));
    RapportClient rapport = d.rapport();
    long tenant = d.devRegistration();
    String user = "home-" + UUID.randomUUID().toString().substring(0, 8);
    String pseudonym = "IMP-" + user;
    // Start of medical school imported with every answer 6: 80 on version 1 (11 × 6 + 7 × 2).
    String csv =
        header(18) + "\n" + rapportRow(pseudonym, YEAR, "MATRICULATION", "1987-08-20", 6) + "\n";
    assertEquals("COMPLETED", d.importCsv(tenant, user + ".csv", csv).get("state"));
    expect(
        200,
        rapport.adminPost(
            "/api/admin/students/links",
            json(
                Map.of(
                    "registrationId", tenant,
                    "studentId", pseudonym,
                    "lmsSubject", "dev-student-" + user))));
    long wave = d.wave(tenant, YEAR, "Y1");
    LocalDate closes = LocalDate.now(ZoneOffset.UTC).plusDays(20);
    expect(200, d.setWindow(wave, LocalDate.now(ZoneOffset.UTC).minusDays(1), closes));

    ChromeDriver browser = Browser.start(false);
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
      browser.get(rapport.base() + "/dev/platform/launch?role=student&user=" + user);
      wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("rapport-frame"));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("next-heading")));

      // Before consent: the notice is offered, and the first module to start is suggested.
      WebElement moduleNext = suggestion(browser, "module");
      assertTrue(moduleNext.getText().contains("Next module: "), moduleNext.getText());
      assertTrue(
          suggestion(browser, "assessment").getText().contains("Read the privacy notice"),
          suggestion(browser, "assessment").getText());
      Axe.assertNoSeriousViolations(browser, "student home before consent");

      // Not now goes back home and stores nothing.
      clickAndWait(browser, By.linkText("Read the privacy notice"));
      assertTrue(browser.findElement(By.id("agree")).isDisplayed());
      assertEquals("Self-assessment", currentNav(browser));
      Axe.assertNoSeriousViolations(browser, "privacy notice");
      clickAndWait(browser, By.id("not-now"));
      assertTrue(heading(browser).startsWith("Welcome"), heading(browser));
      assertNull(
          d.studentBySubject(tenant, "dev-student-" + user).get("consentGiven"),
          "Not now records no consent");

      // Agree, answer half, submit too early: every unanswered statement is marked and listed.
      clickAndWait(browser, By.linkText("Self-assessment"));
      browser.findElement(By.id("agree")).click();
      clickAndWait(browser, By.cssSelector("form button[type=submit]"));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("assessment-form")));
      String rules = browser.findElement(By.id("rules")).getText();
      assertTrue(rules.contains("Answer all 18 statements"), rules);
      assertTrue(rules.contains("closes on"), rules);
      Axe.assertNoSeriousViolations(browser, "self-assessment form");
      for (int item = 1; item <= 9; item++) {
        answer(browser, item, 4);
      }
      wait.until(ExpectedConditions.attributeToBe(By.id("draft-status"), "data-saved", "9"));
      // In the browser, before anything is sent ...
      browser.findElement(By.id("submit-answers")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("unanswered")));
      assertUnansweredListed(browser);
      Axe.assertNoSeriousViolations(browser, "early submission caught in the browser");
      // ... and by the server, for a browser without JavaScript.
      WebElement before = browser.findElement(By.tagName("html"));
      ((JavascriptExecutor) browser)
          .executeScript("document.getElementById('assessment-form').submit();");
      wait.until(ExpectedConditions.stalenessOf(before));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("unanswered")));
      assertTrue(
          browser.findElement(By.id("submit-problem")).getText().contains("9 statements are"),
          browser.findElement(By.id("submit-problem")).getText());
      assertUnansweredListed(browser);
      Axe.assertNoSeriousViolations(browser, "refused early submission");

      // A module begun: the home now continues it at its step.
      clickAndWait(browser, By.linkText("Modules"));
      clickAndWait(browser, By.cssSelector("[data-module='teach-back'] h3 a"));
      clickAndWait(browser, By.linkText("Start the module"));
      clickAndWait(browser, By.cssSelector("[data-next]"));

      clickAndWait(browser, By.linkText("Home"));
      Axe.assertNoSeriousViolations(browser, "student home with an open wave");
      String assessment = suggestion(browser, "assessment").getText();
      assertTrue(assessment.contains("Self-assessment (End of year 1) open until"), assessment);
      assertTrue(assessment.contains("9 of 18 statements answered"), assessment);
      WebElement deadline = suggestion(browser, "assessment").findElement(By.tagName("time"));
      Instant lastMinute = closes.atTime(23, 59).toInstant(ZoneOffset.UTC);
      assertEquals(lastMinute.toString(), deadline.getAttribute("datetime"));
      assertEquals("true", deadline.getAttribute("data-local"), "shown in the browser's zone");
      String modules = suggestion(browser, "module").getText();
      assertTrue(
          modules.contains(
              "Continue: " + TEACH_BACK.title() + " (step 2 of " + TEACH_BACK.steps().size() + ")"),
          modules);
      assertEquals(
          suggestion(browser, "assessment"),
          browser.findElements(By.cssSelector(".what-next li[data-kind]")).get(0),
          "an open wave comes first");

      // Finish with every answer 4 (72): a fall from 80 leads to modules and to support.
      clickAndWait(browser, By.linkText("Continue the self-assessment"));
      for (int item = 10; item <= 18; item++) {
        answer(browser, item, 4);
      }
      wait.until(ExpectedConditions.attributeToBe(By.id("draft-status"), "data-saved", "18"));
      clickAndWait(browser, By.id("submit-answers"));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("result-heading")));
      String note = browser.findElement(By.id("falling-note")).getText();
      assertTrue(note.contains("the student support team is there for you"), note);
      WebElement support = browser.findElement(By.cssSelector("#falling-note .wellbeing-links a"));
      assertEquals("Student support", support.getText());
      assertEquals("https://support.rapport.test/students", support.getAttribute("href"));
      List<WebElement> parts = browser.findElements(By.cssSelector(".part-modules > li"));
      assertEquals(3, parts.size());
      List<String> partNames =
          parts.stream().map(p -> p.findElement(By.tagName("h3")).getText()).toList();
      assertEquals(
          List.of("Cognitive empathy", "Affective empathy", "Compassionate action"), partNames);
      for (WebElement part : parts) {
        int links = part.findElements(By.cssSelector("a[href*='/app/modules/']")).size();
        assertTrue(links >= 2 && links <= 3, part.getText());
      }
      String table = browser.findElement(By.cssSelector("table[id$=-table]")).getText();
      assertTrue(table.contains("Affective empathy"), table);
      assertFalse(browser.getPageSource().contains("Rapport user"), "no internal ids");
      Axe.assertNoSeriousViolations(browser, "results and trajectory");
    } catch (RuntimeException | AssertionError e) {
      save(browser);
      throw e;
    } finally {
      browser.quit();
    }
  }

  private static void assertUnansweredListed(WebDriver browser) {
    List<String> listed =
        browser.findElements(By.cssSelector("#unanswered a")).stream()
            .map(a -> a.getAttribute("href").replaceAll(".*#", "#") + " " + a.getText())
            .toList();
    assertEquals(9, listed.size(), listed.toString());
    for (int item = 10; item <= 18; item++) {
      assertTrue(listed.contains("#item-" + item + " Statement " + item), listed.toString());
      WebElement fieldset = browser.findElement(By.id("item-" + item));
      assertTrue(fieldset.getText().contains("Not answered yet"), fieldset.getText());
    }
    assertTrue(
        browser.findElements(By.cssSelector("#item-3 .item-missing")).isEmpty(),
        "answered statements are not marked");
    assertTrue(
        browser.findElement(By.id("submit-problem")).getText().contains("9 statements are"),
        browser.findElement(By.id("submit-problem")).getText());
  }

  private static WebElement suggestion(WebDriver browser, String kind) {
    return browser.findElement(By.cssSelector(".what-next li[data-kind='" + kind + "']"));
  }

  private static String currentNav(WebDriver browser) {
    return browser
        .findElement(By.cssSelector("nav[aria-label=Main] a[aria-current=page]"))
        .getText();
  }

  private static String heading(WebDriver browser) {
    return browser.findElement(By.tagName("h1")).getText();
  }

  private static void answer(WebDriver browser, int item, int value) {
    browser
        .findElement(
            By.cssSelector("input[type=radio][name=item_" + item + "][value='" + value + "']"))
        .findElement(By.xpath("./ancestor::label"))
        .click();
  }

  private static void clickAndWait(WebDriver driver, By target) {
    WebElement page = driver.findElement(By.tagName("html"));
    driver.findElement(target).click();
    new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.stalenessOf(page));
    new WebDriverWait(driver, Duration.ofSeconds(60))
        .until(d -> !d.findElements(By.tagName("h1")).isEmpty());
  }

  private static void save(WebDriver browser) {
    try {
      Files.writeString(Path.of("target/student-home-failure.html"), browser.getPageSource());
    } catch (IOException | RuntimeException ignored) {
      // Only a debugging aid.
    }
  }
}
