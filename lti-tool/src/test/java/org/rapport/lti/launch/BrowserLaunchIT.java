package org.rapport.lti.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rapport.lti.testdata.Browser;
import org.rapport.lti.testdata.LtiTestPlatform;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.RapportWar;

/**
 * A real headless Chromium launches Rapport: from a platform page into an iframe whose third-party
 * cookies are blocked (Rapport on {@code localhost}, the platform on {@code 127.0.0.1}: different
 * sites), and from the README's "try it" page.
 */
@ExtendWith(ArquillianExtension.class)
class BrowserLaunchIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return RapportWar.shipped();
  }

  @ArquillianResource URL deployed;

  private static LtiTestPlatform platform;
  private static ChromeDriver browser;
  private static boolean registered;

  @BeforeAll
  static void start() throws Exception {
    platform = LtiTestPlatform.start();
    browser = Browser.start(true);
  }

  @AfterAll
  static void stop() {
    browser.quit();
    platform.close();
  }

  private String tool() {
    RapportClient rapport = new RapportClient(deployed);
    synchronized (BrowserLaunchIT.class) {
      if (!registered) {
        LaunchIT.register(
            rapport, platform, "Browser platform", "client-browser", "ACCEPT_ON_FIRST_SIGHT");
        registered = true;
      }
    }
    return "http://localhost:" + deployed.getPort();
  }

  private String coursePage(String tool, boolean storage) {
    String login =
        tool
            + "/lti/login?iss="
            + enc(platform.issuer())
            + "&login_hint=browser-user&target_link_uri="
            + enc(tool + "/app")
            + "&client_id=client-browser&lti_deployment_id="
            + LtiTestPlatform.DEPLOYMENT_ID
            + "&lti_storage_target=_parent";
    return platform.issuer()
        + "/course?tool="
        + enc(tool)
        + "&login="
        + enc(login)
        + (storage ? "" : "&storage=off");
  }

  @Test
  void aLaunchInACookieBlockedIframeGetsInThroughPlatformStorage() {
    String tool = tool();
    browser.switchTo().defaultContent();
    browser.get(coursePage(tool, true));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("tool")));
    try {
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome"));
    } catch (RuntimeException e) {
      throw new AssertionError(
          "Launch did not arrive: " + browser.getCurrentUrl() + "\n" + browser.getPageSource(), e);
    }
    assertTrue(browser.findElement(By.cssSelector("[data-role]")).getText().contains("Student"));
    browser.switchTo().defaultContent();
    Object keys = browser.executeScript("return window.storedKeys || [];");
    assertTrue(
        ((List<?>) keys).stream().anyMatch(k -> k.toString().startsWith("state_")),
        String.valueOf(keys));
  }

  @Test
  void withoutPlatformStorageTheBlockedCookieStopsTheLaunch() {
    String tool = tool();
    browser.switchTo().defaultContent();
    browser.get(coursePage(tool, false));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("tool")));
    try {
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("lti-status"), "did not confirm this launch"));
    } catch (RuntimeException e) {
      throw new AssertionError(browser.getCurrentUrl() + "\n" + browser.getPageSource(), e);
    }
    assertEquals(0, browser.findElements(By.cssSelector("[data-role]")).size());
    browser.switchTo().defaultContent();
  }

  @Test
  void theTryItPageLaunchesAStudentAndAnInstructor() {
    String tool = tool();
    for (String role : List.of("student", "instructor")) {
      browser.switchTo().defaultContent();
      browser.get(tool + "/");
      browser.findElement(By.cssSelector("button[value='" + role + "']")).click();
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("rapport-frame")));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome"));
      String shown = browser.findElement(By.cssSelector("[data-role]")).getText();
      assertEquals(role.equals("student") ? "Student" : "Instructor", shown);
      browser.switchTo().defaultContent();
    }
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
