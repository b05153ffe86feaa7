package org.rapport.lti.observed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rapport.lti.testdata.AssessmentDriver;
import org.rapport.lti.testdata.Axe;
import org.rapport.lti.testdata.Browser;
import org.rapport.lti.testdata.LaunchSpec;
import org.rapport.lti.testdata.LtiTestPlatform;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.RapportWar;

/**
 * An OSCE day in a real headless Chromium (acceptance 1 of observed practice, its faculty and
 * standardized-patient part): faculty plan 12 students × 2 stations with standardized patients by
 * uploading the day's CSV plan, open the printable link sheet, a standardized patient opens a
 * one-time link on a phone-sized screen (no sideways scrolling), rates, and the link then refuses a
 * second use and a form for another encounter; faculty release the session; the rated student then
 * sees the rating with its comment (not the rater's name) and the gap per part beside their
 * self-assessment trajectory. axe-core checks each page.
 */
@ExtendWith(ArquillianExtension.class)
class ObservedPracticeBrowserIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return RapportWar.shipped();
  }

  @ArquillianResource URL deployed;

  @Test
  void facultyPlanAnOsceDayAStandardizedPatientRatesOnAPhoneAndFacultyRelease() throws Exception {
    RapportClient rapport = new RapportClient(deployed);
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String course = "osce-b-" + tag;
    try (LtiTestPlatform lms = LtiTestPlatform.forRapport(rapport)) {
      HttpResponse<String> created =
          rapport.adminPost(
              "/api/admin/registrations", lms.registrationJson("OSCE browser " + tag));
      assertEquals(201, created.statusCode(), created.body());
      long registration = ((Number) JSONObjectUtils.parse(created.body()).get("id")).longValue();
      assertTrue(registration > 0);
      List<String> students = new ArrayList<>();
      for (int i = 1; i <= 12; i++) {
        students.add("b" + tag + "-" + i);
      }
      lms.roster(course, ObservedPlanningIT.roster(students, "bf" + tag));
      List<String> studentSessions = new ArrayList<>();
      for (String id : students) {
        studentSessions.add(launch(rapport, lms, id, LtiTestPlatform.LEARNER, course));
      }
      String faculty = launch(rapport, lms, "bf" + tag, LtiTestPlatform.INSTRUCTOR, course);
      StringBuilder csv =
          new StringBuilder("student,station,rater_type,rater_name,rater_email,module\n");
      for (String s : students) {
        csv.append(s).append("@example.edu,Station A: bad news,patient,Maria Lopez,,\n");
        csv.append(s).append("@example.edu,Station B: a new medicine,patient,Tom Reed,,\n");
      }
      Path plan = Files.createTempFile("osce-plan", ".csv");
      Files.writeString(plan, csv.toString());

      ChromeDriver browser = Browser.start(false);
      try {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(rapport.base() + "/app/faculty/observed?s=" + faculty);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("empty-heading")));
        Axe.assertNoSeriousViolations(browser, "observed practice, no sessions");

        // Plan the day through the page, the plan uploaded through the file input.
        clickAndWait(browser, By.id("plan-session"));
        Axe.assertNoSeriousViolations(browser, "plan a session");
        browser.findElement(By.id("plan-title")).sendKeys("OSCE day " + tag);
        ((JavascriptExecutor) browser)
            .executeScript(
                "document.getElementById('plan-date').value = arguments[0];",
                LocalDate.now(ZoneOffset.UTC).toString());
        browser.findElement(By.id("plan-file")).sendKeys(plan.toAbsolutePath().toString());
        clickAndWait(browser, By.id("plan-submit"));
        assertEquals("OSCE day " + tag, browser.findElement(By.tagName("h1")).getText());
        assertEquals(
            "24",
            browser
                .findElement(By.cssSelector("[data-encounters]"))
                .getAttribute("data-encounters"));
        Axe.assertNoSeriousViolations(browser, "session page");
        String sessionPage = browser.getCurrentUrl();

        // The sheet: a card with a QR code per standardized patient and encounter; printed, only
        // the cards.
        clickAndWait(browser, By.id("open-sheet"));
        List<WebElement> cards = browser.findElements(By.cssSelector(".link-card"));
        assertEquals(24, cards.size());
        assertEquals(
            24, browser.findElements(By.cssSelector(".link-card svg.qr[role=img]")).size());
        Axe.assertNoSeriousViolations(browser, "link sheet");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertEquals("none", display(browser, ".site-header"));
        assertEquals("none", display(browser, ".no-print"));
        assertTrue(browser.findElement(By.cssSelector(".link-card")).isDisplayed());
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        List<String> links = new ArrayList<>();
        for (WebElement a : browser.findElements(By.cssSelector(".link-card .rating-link"))) {
          links.add(a.getAttribute("href"));
        }
        assertEquals(24, links.size());

        // A standardized patient on a phone.
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(links.get(1));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rating-form")));
        String otherEncounter = hiddenEncounter(browser);
        browser.get(links.get(0));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rating-form")));
        assertNoSidewaysScrolling(browser, "the rating form on a phone");
        Axe.assertNoSeriousViolations(browser, "rating form on a phone");
        for (WebElement item : browser.findElements(By.cssSelector("fieldset.rating-item"))) {
          WebElement choice = item.findElement(By.cssSelector("input[value='4']"));
          ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", choice);
          choice.findElement(By.xpath("..")).click();
        }
        browser
            .findElement(By.id("comment"))
            .sendKeys("You let me finish and checked I understood.");
        clickAndWait(browser, By.id("send-rating"));
        assertEquals("Thank you", browser.findElement(By.tagName("h1")).getText());
        assertNoSidewaysScrolling(browser, "the thank-you page on a phone");

        // The link refuses a second use ...
        browser.get(links.get(0));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        assertEquals("Already rated", browser.findElement(By.tagName("h1")).getText());
        assertNoSidewaysScrolling(browser, "a used link on a phone");
        // ... and another encounter: a link's form sent for an encounter it is not for.
        browser.get(links.get(2));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rating-form")));
        ((JavascriptExecutor) browser)
            .executeScript(
                "document.querySelector('input[name=encounter]').value = arguments[0];"
                    + "document.getElementById('rating-form').submit();",
                otherEncounter);
        wait.until(d -> d.findElement(By.tagName("h1")).getText().equals("Wrong encounter"));
        assertNoSidewaysScrolling(browser, "a refused encounter on a phone");

        // Faculty release the session.
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(sessionPage);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("release")));
        assertTrue(browser.getPageSource().contains("You let me finish and checked I understood."));
        clickAndWait(browser, By.id("release"));
        Axe.assertNoSeriousViolations(browser, "release confirmation");
        clickAndWait(browser, By.id("confirm-action"));
        assertEquals(
            "true",
            browser.findElement(By.cssSelector("[data-released]")).getAttribute("data-released"));

        studentSeesTheirRatingsBesideTheirTrajectory(
            browser,
            wait,
            rapport,
            registration,
            studentSessions,
            "You let me finish and checked I understood.");
      } finally {
        browser.quit();
        Files.deleteIfExists(plan);
      }
    }
  }

  /**
   * The student's side of acceptance 1: after release, the rated student (who answered the
   * self-assessment with every answer 4 of 1-7, 50 of 100 in each part) sees their rating with the
   * comment but without the standardized patient's name, and the gap per part (the patient's 4s are
   * 75 of 100, so -25 in each part) beside their trajectory; on a phone without sideways scrolling.
   * Nobody else sees the comment.
   */
  private static void studentSeesTheirRatingsBesideTheirTrajectory(
      ChromeDriver browser,
      WebDriverWait wait,
      RapportClient rapport,
      long registration,
      List<String> studentSessions,
      String comment) {
    String rated = null;
    for (String session : studentSessions) {
      HttpResponse<String> page = rapport.get("/app/observed?s=" + session);
      assertEquals(200, page.statusCode(), page.body());
      assertFalse(page.body().contains("Maria Lopez"), "a rater's name on a student's page");
      if (page.body().contains(comment)) {
        assertEquals(null, rated, "the comment is shown to one student only");
        rated = session;
      }
    }
    assertTrue(rated != null, "no student sees the rating");
    AssessmentDriver d = new AssessmentDriver(rapport);
    d.consentAndYear(rated, 1977);
    long wave = d.wave(registration, 1977, "Y1");
    d.open(wave);
    int[] fours = new int[18];
    java.util.Arrays.fill(fours, 4);
    HttpResponse<String> submitted =
        d.post(rated, "submit", AssessmentDriver.answers(wave, fours), false);
    assertEquals(303, submitted.statusCode(), submitted.body());

    browser.manage().window().setSize(new Dimension(1280, 1000));
    browser.get(rapport.base() + "/app/assessment?s=" + rated);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("observed-beside-trajectory")));
    clickAndWait(browser, By.linkText("observed practice"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("observed-gap")));
    List<WebElement> comments =
        browser.findElements(By.cssSelector("#observed-encounters .rating-comment"));
    assertEquals(1, comments.size());
    assertEquals(comment, comments.get(0).getText());
    assertTrue(
        browser
            .findElement(By.id("observed-encounters"))
            .getText()
            .contains("Rated by: Standardized patient"));
    assertFalse(browser.getPageSource().contains("Maria Lopez"));
    List<WebElement> gap = browser.findElements(By.cssSelector("#observed-gap tbody tr"));
    assertEquals(3, gap.size());
    for (WebElement row : gap) {
      List<WebElement> cells = row.findElements(By.tagName("td"));
      assertEquals("50", cells.get(0).getText(), row.getText());
      assertEquals("75", cells.get(1).getText(), row.getText());
      assertEquals("-25", cells.get(2).getText(), row.getText());
    }
    assertTrue(
        browser.findElements(By.cssSelector("#observed-trend tbody tr")).size() >= 2,
        "the observed day and the self-assessment over time");
    Axe.assertNoSeriousViolations(browser, "the student's observed practice");
    browser.manage().window().setSize(new Dimension(390, 844));
    assertNoSidewaysScrolling(browser, "the student's observed practice on a phone");
    Axe.assertNoSeriousViolations(browser, "the student's observed practice on a phone");
  }

  private static String launch(
      RapportClient rapport, LtiTestPlatform lms, String user, String role, String course) {
    return lms.launch(
            rapport, LaunchSpec.resourceLink(user, role, course, course + "-link", "/app"))
        .session();
  }

  private static String hiddenEncounter(WebDriver browser) {
    return browser.findElement(By.cssSelector("input[name=encounter]")).getAttribute("value");
  }

  private static String display(ChromeDriver browser, String selector) {
    return String.valueOf(
        browser.executeScript(
            "return getComputedStyle(document.querySelector(arguments[0])).display;", selector));
  }

  private static void assertNoSidewaysScrolling(WebDriver browser, String what) {
    Object widths =
        ((JavascriptExecutor) browser)
            .executeScript(
                "return [document.documentElement.scrollWidth,"
                    + " document.documentElement.clientWidth];");
    List<?> w = (List<?>) widths;
    long scroll = ((Number) w.get(0)).longValue();
    long client = ((Number) w.get(1)).longValue();
    assertTrue(scroll <= client, what + ": scrolls sideways (" + scroll + " > " + client + ")");
  }

  private static void clickAndWait(WebDriver driver, By target) {
    WebElement page = driver.findElement(By.tagName("html"));
    driver.findElement(target).click();
    new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.stalenessOf(page));
    new WebDriverWait(driver, Duration.ofSeconds(60))
        .until(d -> !d.findElements(By.tagName("h1")).isEmpty());
  }
}
