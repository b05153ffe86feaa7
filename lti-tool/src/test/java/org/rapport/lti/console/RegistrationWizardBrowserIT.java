package org.rapport.lti.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
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
import org.rapport.lti.testdata.Axe;
import org.rapport.lti.testdata.Browser;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.RapportWar;

/**
 * The registration wizard in a real browser: an administrator signs in, registers a Moodle whose
 * endpoints the wizard fills in from the site address, tests the registration with a launch through
 * the development-mode test platform (which answers at Moodle's addresses under {@code
 * /dev/platform}), and a refused save keeps every typed value and names the field. Axe checks every
 * wizard page.
 */
@ExtendWith(ArquillianExtension.class)
class RegistrationWizardBrowserIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return RapportWar.shipped();
  }

  @ArquillianResource URL deployed;

  @Test
  void anAdministratorRegistersMoodleWithTheWizardAndALaunchGetsThrough() {
    RapportClient rapport = new RapportClient(deployed);
    String base = base(rapport);
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String name = "Moodle wizard " + unique;
    String clientId = "moodle-" + unique;
    String deploymentId = "dep-" + unique;
    String site = base + "/dev/platform";
    ChromeDriver browser = Browser.start(false);
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
      // A page being replaced can answer for a node of the page before; ask again.
      wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .ignoring(org.openqa.selenium.WebDriverException.class);
      signIn(browser, wait, base);

      browser.get(base + "/admin");
      browser.findElement(By.linkText("Register an LMS")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Register"));
      Axe.assertNoSeriousViolations(browser, "wizard's choice of LMS");
      browser.findElement(By.cssSelector("label[for=kind-MOODLE]")).click();
      browser.findElement(By.xpath("//button[normalize-space()='Next']")).click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Register Moodle"));
      assertTrue(
          browser.findElement(By.id("paste-heading")).isDisplayed(), "what to paste into Moodle");
      assertTrue(browser.getPageSource().contains(base + "/lti/login"), "login initiation URL");
      Axe.assertNoSeriousViolations(browser, "Moodle form");

      browser.findElement(By.id("siteUrl")).sendKeys(site + "/");
      browser.findElement(By.cssSelector("button[value=fill]")).click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector("[role=status]"), "filled in"));
      assertEquals(site, value(browser, "issuer"));
      assertEquals(site + "/mod/lti/auth.php", value(browser, "authEndpoint"));
      assertEquals(site + "/mod/lti/token.php", value(browser, "tokenEndpoint"));
      assertEquals(site + "/mod/lti/certs.php", value(browser, "jwksUri"));
      Axe.assertNoSeriousViolations(browser, "Moodle form with its endpoints filled in");
      for (int width : new int[] {820, 390}) {
        viewport(browser, width);
        assertNoSidewaysScroll(browser, "Moodle form at " + width + " px");
      }
      viewport(browser, 1280);

      browser.findElement(By.id("name")).sendKeys(name);
      browser.findElement(By.id("clientId")).sendKeys(clientId);
      browser.findElement(By.id("deploymentId")).sendKeys(deploymentId);
      browser.findElement(By.cssSelector("label[for=policy-REJECT_UNKNOWN]")).click();
      browser.findElement(By.cssSelector("button[value=save]")).click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Test " + name));
      assertTrue(browser.getPageSource().contains("Registration saved."));
      assertTrue(
          browser.findElement(By.id("last-launch")).getText().contains("No launch"),
          "nothing launched yet");
      Axe.assertNoSeriousViolations(browser, "test page before a launch");

      browser.get(base + "/admin");
      WebElement row =
          browser.findElement(By.xpath("//table//tr[td[normalize-space()='" + name + "']]"));
      assertTrue(row.getText().contains(clientId), row.getText());
      assertTrue(row.getText().contains(deploymentId), row.getText());
      row.findElement(By.linkText("Edit " + name)).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Edit"));
      assertTrue(browser.findElement(By.id("kind-MOODLE")).isSelected(), "the LMS is a choice");
      assertTrue(
          browser.findElement(By.id("policy-REJECT_UNKNOWN")).isSelected(),
          "the deployment policy is a choice");
      Axe.assertNoSeriousViolations(browser, "edit page");
      browser.findElement(By.xpath("//button[normalize-space()='Save " + name + "']")).click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Test " + name));
      assertTrue(browser.getPageSource().contains("Registration saved."));

      wait.until(ExpectedConditions.elementToBeClickable(By.id("dev-launch"))).click();
      wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("rapport-frame")));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome"));
      browser.switchTo().defaultContent();

      browser.get(base + "/admin");
      browser.findElement(By.linkText("Test " + name)).click();
      WebElement last =
          wait.until(ExpectedConditions.presenceOfElementLocated(By.id("last-launch")));
      assertTrue(last.getText().contains("Accepted"), last.getText());
      assertTrue(last.getText().contains(deploymentId), last.getText());
      Axe.assertNoSeriousViolations(browser, "test page after a launch");
      viewport(browser, 390);
      assertNoSidewaysScroll(browser, "test page on a phone");
    } finally {
      browser.quit();
    }
  }

  @Test
  void aRefusedSaveKeepsEveryTypedValueAndNamesTheField() {
    RapportClient rapport = new RapportClient(deployed);
    String base = base(rapport);
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String issuer = "https://lms-" + unique + ".example";
    Map<String, String> typed =
        Map.of(
            "name", "Refused " + unique,
            "issuer", issuer,
            "clientId", "client-" + unique,
            "deploymentId", "dep-" + unique,
            "authEndpoint", issuer + "/auth",
            "tokenEndpoint", issuer + "/token",
            // Never called, development mode or not: the cloud metadata address.
            "jwksUri", "https://169.254.169.254/keys");
    ChromeDriver browser = Browser.start(false);
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
      // A page being replaced can answer for a node of the page before; ask again.
      wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .ignoring(org.openqa.selenium.WebDriverException.class);
      signIn(browser, wait, base);
      browser.get(base + "/admin/lms/new?kind=OTHER");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Register"));
      typed.forEach((field, value) -> browser.findElement(By.id(field)).sendKeys(value));
      browser.findElement(By.cssSelector("button[value=save]")).click();

      WebElement summary =
          wait.until(ExpectedConditions.presenceOfElementLocated(By.id("problems")));
      assertTrue(summary.getText().contains("was not saved"), summary.getText());
      WebElement link = summary.findElement(By.cssSelector("a[href='#jwksUri']"));
      assertFalse(link.getText().isBlank());
      WebElement jwks = browser.findElement(By.id("jwksUri"));
      assertEquals("true", jwks.getAttribute("aria-invalid"));
      assertTrue(jwks.getAttribute("aria-describedby").contains("jwksUri-error"));
      assertFalse(browser.findElement(By.id("jwksUri-error")).getText().isBlank());
      assertEquals(null, browser.findElement(By.id("clientId")).getAttribute("aria-invalid"));
      typed.forEach((field, value) -> assertEquals(value, value(browser, field), field));
      Axe.assertNoSeriousViolations(browser, "refused save");

      link.click();
      assertEquals("jwksUri", browser.switchTo().activeElement().getAttribute("id"));

      HttpResponse<String> all = rapport.adminGet("/api/admin/registrations");
      assertEquals(200, all.statusCode());
      assertFalse(all.body().contains(issuer), "nothing was stored");
    } finally {
      browser.quit();
    }
  }

  private static void signIn(ChromeDriver browser, WebDriverWait wait, String base) {
    browser.get(base + "/admin/login");
    browser.findElement(By.id("username")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys(RapportClient.ADMIN_PASSWORD);
    browser.findElement(By.xpath("//button[normalize-space()='Sign in']")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Administration"));
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

  private static void assertNoSidewaysScroll(ChromeDriver browser, String page) {
    long scroll =
        ((Number) browser.executeScript("return document.documentElement.scrollWidth;"))
            .longValue();
    long client =
        ((Number) browser.executeScript("return document.documentElement.clientWidth;"))
            .longValue();
    assertTrue(scroll <= client, page + " scrolls sideways: " + scroll + " > " + client);
  }

  private static String value(ChromeDriver browser, String id) {
    return browser.findElement(By.id(id)).getAttribute("value");
  }

  private static String base(RapportClient rapport) {
    String base = rapport.base().toString();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }
}
