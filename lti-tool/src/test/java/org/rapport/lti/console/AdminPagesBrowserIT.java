package org.rapport.lti.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rapport.lti.testdata.AssessmentDriver;
import org.rapport.lti.testdata.Axe;
import org.rapport.lti.testdata.Browser;
import org.rapport.lti.testdata.ItDatabase;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.RapportWar;

/**
 * The administrators' student pages in a real headless Chromium: an administrator signs in, finds
 * an imported student by pseudonymous id, is refused a cohort move without a reason (with what they
 * typed kept), moves the student after confirming, and deletes another student after confirming;
 * the database holds the move and no longer the deleted student, and the audit log page shows the
 * deletion. Every page on the way passes the axe check and fits a 390 px and an 820 px window.
 */
@ExtendWith(ArquillianExtension.class)
class AdminPagesBrowserIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return RapportWar.shipped();
  }

  @ArquillianResource URL deployed;

  @Test
  void anAdministratorFindsAStudentMovesTheirCohortAndDeletesAnotherAfterConfirming()
      throws Exception {
    RapportClient rapport = new RapportClient(deployed);
    AssessmentDriver d = new AssessmentDriver(rapport);
    long tenant = d.newTenant();
    String tag = Long.toString(System.nanoTime(), 36).toUpperCase();
    String moving = "MOVE-" + tag;
    String leaving = "GONE-" + tag;
    Map<String, Object> job =
        d.importCsv(
            tenant,
            "students.csv",
            AssessmentDriver.header(18)
                + "\r\n"
                + AssessmentDriver.rapportRow(moving, 2019, "Y1", "2020-05-03", 4)
                + "\r\n"
                + AssessmentDriver.rapportRow(leaving, 2019, "Y1", "2020-05-03", 5)
                + "\r\n");
    assertEquals("COMPLETED", job.get("state"), job.toString());
    long jobId = ((Number) job.get("id")).longValue();

    ChromeDriver browser = Browser.start(false);
    try {
      String base = rapport.base().toString().replaceAll("/$", "");
      signIn(browser, base);
      assertTrue(
          browser.findElements(By.cssSelector("a[href='/admin/students']")).size() > 0,
          "the administration page links to the student pages");
      Axe.assertNoSeriousViolations(browser, "administration page with its status panel");

      browser.get(base + "/admin/imports/" + jobId);
      WebElement progress = browser.findElement(By.cssSelector("progress#import-progress"));
      assertEquals("100", progress.getAttribute("value"));
      assertEquals("100", progress.getAttribute("max"));
      Axe.assertNoSeriousViolations(browser, "import page with its progress bar");

      browser.get(base + "/admin/students");
      checkPage(browser, "student look-up page");
      new Select(browser.findElement(By.id("find-registration")))
          .selectByValue(Long.toString(tenant));
      browser.findElement(By.id("by-pseudonym")).click();
      browser.findElement(By.id("find-value")).sendKeys(moving);
      browser.findElement(By.cssSelector("#find-heading + form button[type=submit]")).click();
      wait(browser).until(ExpectedConditions.textToBe(By.tagName("h1"), "Student " + moving));
      assertEquals("2019", cohortShown(browser));
      checkPage(browser, "student page");

      // Refused: a year but no reason. The problem stands beside the field; the year stays.
      browser.findElement(By.id("cohort-year")).sendKeys("2020");
      browser.findElement(By.cssSelector("#cohort-heading ~ form button[type=submit]")).click();
      WebElement reasonProblem =
          wait(browser)
              .until(ExpectedConditions.visibilityOfElementLocated(By.id("cohort-reason-error")));
      assertTrue(
          reasonProblem.getText().startsWith("Say why the student moves"), reasonProblem.getText());
      assertEquals("2020", browser.findElement(By.id("cohort-year")).getAttribute("value"));
      assertEquals(
          "true", browser.findElement(By.id("cohort-reason")).getAttribute("aria-invalid"));
      assertEquals("2019", cohortShown(browser), "nothing moved on a refusal");
      checkPage(browser, "student page with a refused cohort move");

      browser.findElement(By.id("cohort-reason")).sendKeys("Repeating year 1 " + tag);
      browser.findElement(By.cssSelector("#cohort-heading ~ form button[type=submit]")).click();
      wait(browser)
          .until(
              ExpectedConditions.textToBe(
                  By.tagName("h1"), "Move student " + moving + " to the cohort of 2020?"));
      assertEquals(2019, cohortInDatabase(tenant, moving), "nothing moves before confirming");
      checkPage(browser, "cohort move confirmation");
      browser.findElement(By.cssSelector("button[name=decision][value=confirm]")).click();
      wait(browser).until(ExpectedConditions.textToBe(By.tagName("h1"), "Student " + moving));
      assertEquals("2020", cohortShown(browser));
      assertTrue(
          browser.findElement(By.cssSelector("[role=status]")).getText().contains("2020"),
          browser.findElement(By.cssSelector("[role=status]")).getText());
      assertEquals(2020, cohortInDatabase(tenant, moving));
      assertEquals(List.of("Repeating year 1 " + tag), movesInDatabase(tenant, moving));

      browser.get(
          base + "/admin/students?registration=" + tenant + "&by=pseudonym&value=" + leaving);
      wait(browser).until(ExpectedConditions.textToBe(By.tagName("h1"), "Student " + leaving));
      long leavingId = studentId(tenant, leaving);
      browser.findElement(By.cssSelector("#delete-heading ~ form button[type=submit]")).click();
      wait(browser)
          .until(ExpectedConditions.textToBe(By.tagName("h1"), "Delete student " + leaving + "?"));
      assertEquals(leavingId, studentId(tenant, leaving), "nothing is deleted before confirming");
      checkPage(browser, "deletion confirmation");
      browser.findElement(By.cssSelector("button[name=decision][value=confirm]")).click();
      WebElement deleted =
          wait(browser)
              .until(
                  ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=status]")));
      assertTrue(deleted.getText().contains(leaving + " is deleted"), deleted.getText());
      assertEquals(-1, studentId(tenant, leaving), "the student's record is gone");
      assertEquals(2020, cohortInDatabase(tenant, moving), "the other student stays");

      deleted.findElement(By.linkText("See the audit log")).click();
      wait(browser).until(ExpectedConditions.textToBe(By.tagName("h1"), "Audit log"));
      List<String> deletions = new ArrayList<>();
      for (WebElement row :
          browser.findElements(By.cssSelector("tr[data-action=STUDENT_DATA_DELETED]"))) {
        deletions.add(row.getText());
      }
      assertTrue(
          deletions.stream()
              .anyMatch(r -> r.contains(" " + leavingId + " ") && r.contains("admin admin")),
          "the audit log shows the deletion by the administrator: " + deletions);
      assertFalse(
          browser.getPageSource().contains(leaving),
          "the audit log no longer names the deleted pseudonym");
      checkPage(browser, "audit log page");
    } finally {
      browser.quit();
    }
  }

  @Test
  void theAlertRosterAndApiPagesWorkWithoutScriptsAndPassTheChecks() throws Exception {
    RapportClient rapport = new RapportClient(deployed);
    long tenant = new AssessmentDriver(rapport).newTenant();
    ChromeDriver browser = Browser.start(false);
    try {
      String base = rapport.base().toString().replaceAll("/$", "");
      signIn(browser, base);

      browser.get(base + "/admin/alerts");
      checkPage(browser, "alerts page");
      browser.get(base + "/admin/alerts/" + tenant);
      wait(browser)
          .until(ExpectedConditions.textToBe(By.tagName("h1"), "Alert rule of Schedule test"));
      checkPage(browser, "alert rule page");

      // Refused: one address is not one. The problem stands beside the recipients; what was
      // typed stays, and the stored rule is unchanged.
      WebElement recipients = browser.findElement(By.id("recipients"));
      recipients.clear();
      recipients.sendKeys("dean@school.example\nnobody");
      new Select(browser.findElement(By.id("threshold"))).selectByValue("-0.5");
      browser.findElement(By.cssSelector("#edit-heading ~ form button[type=submit]")).click();
      WebElement problem =
          wait(browser)
              .until(ExpectedConditions.visibilityOfElementLocated(By.id("recipients-error")));
      assertTrue(problem.getText().contains("'nobody' is not an email address"), problem.getText());
      assertEquals(
          "dean@school.example\nnobody",
          browser.findElement(By.id("recipients")).getAttribute("value"));
      assertEquals(
          "-0.5",
          new Select(browser.findElement(By.id("threshold")))
              .getFirstSelectedOption()
              .getAttribute("value"));
      checkPage(browser, "alert rule page with a refused change");
      Map<String, Object> unchanged = rule(rapport, tenant);
      assertEquals(List.of(), unchanged.get("recipients"));

      recipients = browser.findElement(By.id("recipients"));
      recipients.clear();
      recipients.sendKeys("dean@school.example");
      browser.findElement(By.cssSelector("#edit-heading ~ form button[type=submit]")).click();
      wait(browser)
          .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=status]")));
      Map<String, Object> saved = rule(rapport, tenant);
      assertEquals(List.of("dean@school.example"), saved.get("recipients"));
      assertEquals(-0.5, ((Number) saved.get("effectSizeThreshold")).doubleValue());

      browser.get(base + "/admin/alerts/" + tenant + "/mail");
      checkPage(browser, "alert mail page");
      browser.get(base + "/admin/rosters");
      checkPage(browser, "rosters page");

      browser.get(base + "/admin/api");
      wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("contents-heading")));
      assertTrue(
          browser
                  .findElements(By.xpath("//h3/code[text()='DELETE /api/admin/students/{id}']"))
                  .size()
              == 1,
          "the API page lists the student deletion: " + browser.getPageSource());
      assertTrue(browser.findElements(By.tagName("script")).isEmpty(), "no script on the API page");
      checkPage(browser, "API page");
    } finally {
      browser.quit();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> rule(RapportClient rapport, long tenant) {
    java.net.http.HttpResponse<String> answer =
        rapport.adminGet("/api/admin/alerts/" + tenant + "/rule");
    assertEquals(200, answer.statusCode(), answer.body());
    return (Map<String, Object>) AssessmentDriver.object(answer.body()).get("rule");
  }

  private static void signIn(ChromeDriver browser, String base) {
    browser.get(base + "/admin/login");
    browser.findElement(By.id("username")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys(RapportClient.ADMIN_PASSWORD);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    try {
      wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("status-heading")));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          "no administration page after signing in, at "
              + browser.getCurrentUrl()
              + ": "
              + browser.getPageSource(),
          e);
    }
  }

  /** The axe check, then no sideways scrolling at a phone's and at an LMS frame's width. */
  private static void checkPage(ChromeDriver browser, String page) {
    Axe.assertNoSeriousViolations(browser, page);
    Dimension wide = browser.manage().window().getSize();
    try {
      for (int width : new int[] {390, 820}) {
        browser.manage().window().setSize(new Dimension(width, 900));
        // The resize reaches the page asynchronously: measure once the viewport has the new width.
        wait(browser)
            .until(
                b ->
                    ((Number) ((JavascriptExecutor) b).executeScript("return window.innerWidth;"))
                            .intValue()
                        <= width);
        Object overflow =
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return document.documentElement.scrollWidth"
                        + " - document.documentElement.clientWidth;");
        Object widest =
            ((JavascriptExecutor) browser)
                .executeScript(
                    "var w = document.documentElement.clientWidth, worst = null, right = w;"
                        + "document.querySelectorAll('body *').forEach(function (e) {"
                        + "  var r = e.getBoundingClientRect().right;"
                        + "  if (r > right) { right = r; worst = e; } });"
                        + "return worst ? worst.tagName + '.' + worst.className + ': '"
                        + " + worst.textContent.slice(0, 80) : 'none';");
        assertTrue(
            ((Number) overflow).longValue() <= 0,
            page + " scrolls sideways by " + overflow + " px at " + width + " px (" + widest + ")");
      }
    } finally {
      browser.manage().window().setSize(wide);
    }
  }

  private static WebDriverWait wait(ChromeDriver browser) {
    return new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  private static String cohortShown(ChromeDriver browser) {
    return browser.findElement(By.cssSelector("td[data-cohort]")).getAttribute("data-cohort");
  }

  private static int cohortInDatabase(long tenant, String pseudonym) throws SQLException {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT c.matriculation_year FROM student s JOIN cohort c ON c.id = s.cohort_id"
                    + " WHERE s.registration_id = ? AND s.pseudonym = ?")) {
      s.setLong(1, tenant);
      s.setString(2, pseudonym);
      try (ResultSet rs = s.executeQuery()) {
        assertTrue(rs.next(), "a student " + pseudonym + " with a cohort");
        return rs.getInt(1);
      }
    }
  }

  private static List<String> movesInDatabase(long tenant, String pseudonym) throws SQLException {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT m.reason FROM cohort_move m JOIN student s ON s.id = m.student_id"
                    + " WHERE s.registration_id = ? AND s.pseudonym = ? AND m.source = 'ADMIN'"
                    + " ORDER BY m.id")) {
      s.setLong(1, tenant);
      s.setString(2, pseudonym);
      List<String> reasons = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          reasons.add(rs.getString(1));
        }
      }
      return reasons;
    }
  }

  private static long studentId(long tenant, String pseudonym) throws SQLException {
    try (Connection c = ItDatabase.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id FROM student WHERE registration_id = ? AND pseudonym = ?")) {
      s.setLong(1, tenant);
      s.setString(2, pseudonym);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    }
  }
}
