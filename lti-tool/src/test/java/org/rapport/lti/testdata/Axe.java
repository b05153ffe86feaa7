package org.rapport.lti.testdata;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The axe-core accessibility check (axe.min.js on the test classpath) run in a real browser on the
 * page it shows: a page passes when axe finds no violation of serious or critical impact.
 */
public final class Axe {
  private Axe() {}

  /** Fails with every serious or critical violation on the current page (or frame). */
  @SuppressWarnings("unchecked")
  public static void assertNoSeriousViolations(WebDriver driver, String page) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript(source());
    Object result =
        js.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "axe.run(document).then(function (r) {"
                + "  done(r.violations.filter(function (v) {"
                + "    return v.impact === 'serious' || v.impact === 'critical'; })"
                + "  .map(function (v) { return v.impact + ' ' + v.id + ': ' + v.help + ' at '"
                + "    + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); }));"
                + "}).catch(function (e) { done(['axe failed: ' + e]); });");
    List<String> violations = (List<String>) result;
    assertTrue(violations.isEmpty(), "accessibility of the " + page + ": " + violations);
  }

  private static String source() {
    try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe.min.js is not on the test classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
