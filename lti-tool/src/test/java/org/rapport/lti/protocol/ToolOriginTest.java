package org.rapport.lti.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToolOriginTest {
  private final ToolOrigin atRoot = new ToolOrigin(URI.create("https://rapport.example.edu/"));
  private final ToolOrigin underPath = new ToolOrigin(URI.create("https://example.edu/rapport"));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "https://rapport.example.edu/lti/launch, true",
    "https://rapport.example.edu, true",
    "https://RAPPORT.example.edu:443/lti/launch?x=1, true",
    "http://rapport.example.edu/lti/launch, false",
    "https://rapport.example.edu:8443/lti/launch, false",
    "https://rapport.example.edu.evil.example/lti, false",
    "https://evil.example/https://rapport.example.edu/, false",
    "https://user@rapport.example.edu/lti, false",
    "/lti/launch, false",
    "javascript:alert(1), false",
  })
  void decidesForToolAtRoot(String candidate, boolean ours) {
    assertEquals(ours, atRoot.test(URI.create(candidate)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "https://example.edu/rapport/lti/launch, true",
    "https://example.edu/rapport/, true",
    "https://example.edu/rapport-evil/launch, false",
    "https://example.edu/rapport/../moodle/login, false",
    "https://example.edu/other, false",
  })
  void decidesForToolUnderAPath(String candidate, boolean ours) {
    assertEquals(ours, underPath.test(URI.create(candidate)));
  }

  @ParameterizedTest
  @CsvSource({"/relative", "ftp://rapport.example.edu/"})
  void refusesABaseThatIsNotAnAbsoluteHttpUrl(String base) {
    assertThrows(IllegalArgumentException.class, () -> new ToolOrigin(URI.create(base)));
  }
}
