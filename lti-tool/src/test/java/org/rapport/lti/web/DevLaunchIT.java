package org.rapport.lti.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.rapport.lti.testdata.Axe;
import org.rapport.lti.testdata.Browser;
import org.rapport.lti.testdata.DevLaunch;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.RapportWar;

/**
 * The built-in test platform launches a student and an instructor into Rapport, and starts a
 * content selection whose signed answer it checks and shows.
 */
@ExtendWith(ArquillianExtension.class)
class DevLaunchIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return RapportWar.shipped();
  }

  @ArquillianResource URL deployed;

  @Test
  void studentAndInstructorLaunchWithTheirRoles() {
    RapportClient rapport = new RapportClient(deployed);
    String student = DevLaunch.session(rapport, "student", "alice", "/app");
    HttpResponse<String> home = rapport.get("/app?s=" + student);
    assertEquals(200, home.statusCode());
    assertTrue(home.body().contains("data-role=\"Student\""), home.body());

    String instructor = DevLaunch.session(rapport, "instructor", "ines", "/app");
    HttpResponse<String> facultyHome = rapport.get("/app?s=" + instructor);
    assertTrue(facultyHome.body().contains("data-role=\"Instructor\""), facultyHome.body());
  }

  @Test
  void theTestPlatformStartsAContentSelectionAndShowsTheItemRapportReturns() {
    RapportClient rapport = new RapportClient(deployed);
    String selection = DevLaunch.contentSelection(rapport, "dl-" + System.nanoTime());
    URI page = URI.create(selection);
    assertTrue(page.getPath().startsWith("/app/content-selection/"), selection);
    HttpResponse<String> choose = rapport.get(page.getPath() + "?" + page.getRawQuery());
    assertEquals(200, choose.statusCode(), choose.body());
    assertTrue(choose.body().contains("value=\"module:teach-back\""), choose.body());

    HttpResponse<String> answer =
        rapport.postForm(
            page.getPath() + "?" + page.getRawQuery(), "item=module%3Ateach-back&action=add");
    assertEquals(200, answer.statusCode(), answer.body());
    Matcher form = RETURN_FORM.matcher(answer.body());
    assertTrue(form.find(), answer.body());
    String returnUrl = DevLaunch.html(form.group(1));
    assertEquals(rapport.base() + "/dev/platform/deep-link-return", returnUrl);
    Matcher jwt = JWT.matcher(answer.body());
    assertTrue(jwt.find(), answer.body());
    String signed = DevLaunch.html(jwt.group(1));

    HttpResponse<String> shown =
        rapport.postForm("/dev/platform/deep-link-return", "JWT=" + enc(signed));
    assertEquals(200, shown.statusCode(), shown.body());
    String added = DevLaunch.html(shown.body());
    assertTrue(added.contains("<h1>Content added"), added);
    assertTrue(
        added.contains("data-content-item=\"" + rapport.base() + "/app/modules/teach-back\""),
        "the item Rapport returned: " + added);
    assertTrue(added.contains("<td>ltiResourceLink</td>"), added);

    HttpResponse<String> replayed =
        rapport.postForm("/dev/platform/deep-link-return", "JWT=" + enc(signed));
    assertEquals(400, replayed.statusCode(), "an answer is taken once");
    assertTrue(replayed.body().contains("does not echo the data"), replayed.body());
    String forged = signed.substring(0, signed.lastIndexOf('.') + 1) + "AAAA";
    HttpResponse<String> refused =
        rapport.postForm("/dev/platform/deep-link-return", "JWT=" + enc(forged));
    assertEquals(400, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("not signed by any of Rapport"), refused.body());

    HttpResponse<String> student =
        rapport.get("/dev/platform/launch?role=student&message=content-selection");
    assertEquals(400, student.statusCode(), "only an instructor starts a content selection");
  }

  @Test
  void inABrowserTheStartPageLeadsToAContentSelectionAndThePlatformShowsWhatWasAdded() {
    RapportClient rapport = new RapportClient(deployed);
    ChromeDriver browser = Browser.start(false);
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
      browser.get(rapport.base() + "/");
      Axe.assertNoSeriousViolations(browser, "start page");
      browser.findElement(By.cssSelector("button[value='content-selection']")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rapport-frame")));
      Axe.assertNoSeriousViolations(browser, "test platform page");
      wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("rapport-frame")));
      wait.until(
              ExpectedConditions.elementToBeClickable(
                  By.cssSelector("input[name='item'][value='module:teach-back']")))
          .click();
      browser.findElement(By.cssSelector("button[value='add']")).click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Content added"));
      assertTrue(
          browser
              .findElement(By.cssSelector("tr[data-content-item$='/app/modules/teach-back']"))
              .isDisplayed());
      Axe.assertNoSeriousViolations(browser, "test platform's page of added content");
    } finally {
      browser.quit();
    }
  }

  private static final Pattern RETURN_FORM =
      Pattern.compile("<form id=\"autopost\" method=\"post\" action=\"([^\"]+)\"");
  private static final Pattern JWT = Pattern.compile("name=\"JWT\" value=\"([^\"]+)\"");

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void appRefusesRequestsWithoutAValidSession() {
    RapportClient rapport = new RapportClient(deployed);
    assertEquals(401, rapport.get("/app").statusCode());
    assertEquals(401, rapport.get("/app?s=forged.token.value").statusCode());
  }

  @Test
  void aSessionLeftIdleForLongerThanHalfAnHourEndsAndUseKeepsItAlive() {
    RapportClient rapport = new RapportClient(deployed);
    String session = DevLaunch.session(rapport, "student", "idle-ida", "/app");
    assertEquals(200, rapport.get("/app?s=" + session).statusCode());
    try {
      rapport.moveClockForward(Duration.ofMinutes(29));
      assertEquals(200, rapport.get("/app?s=" + session).statusCode(), "29 idle minutes");
      rapport.moveClockForward(Duration.ofMinutes(29));
      assertEquals(
          200, rapport.get("/app?s=" + session).statusCode(), "29 minutes after the last use");
      rapport.moveClockForward(Duration.ofMinutes(31));
      HttpResponse<String> ended = rapport.get("/app?s=" + session);
      assertEquals(401, ended.statusCode(), "31 idle minutes");
      assertTrue(ended.body().contains("Your Rapport session has ended"), ended.body());
    } finally {
      rapport.resetClock();
    }
  }
}
