package org.rapport.lti.testdata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver, installed by bin/test) that
 * talks to nothing but the local test servers.
 */
public final class Browser {
  private Browser() {}

  /** A new headless Chromium; {@code blockCookies} makes it refuse every cookie. */
  public static ChromeDriver start(boolean blockCookies) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--window-size=1280,1000");
    try {
      options.addArguments("--user-data-dir=" + Files.createTempDirectory("rapport-chromium"));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    if (blockCookies) {
      // Stricter than third-party blocking, which still admits Partitioned (CHIPS) cookies: no
      // cookie at all, as in the strictest browsers, so only platform storage can carry state.
      options.setExperimentalOption(
          "prefs",
          java.util.Map.of(
              "profile.default_content_setting_values.cookies",
              2,
              "profile.block_third_party_cookies",
              true));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return driver;
  }
}
