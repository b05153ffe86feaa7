package org.rapport.lti.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PluralTest {
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"0, 0 statements", "1, 1 statement", "2, 2 statements", "18, 18 statements"})
  void oneIsSingularEveryOtherCountPlural(long count, String expected) {
    assertEquals(expected, Plural.of(count, "statement"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "2026-12-31T23:59:00Z, 2026-12-31T23:59:00Z, 31 December 2026 at 23:59 UTC",
    "2027-01-01T05:30:00+05:30, 2027-01-01T00:00:00Z, 1 January 2027 at 00:00 UTC"
  })
  void aMomentIsWrittenInUtcWithTheZoneNamed(String at, String iso, String text) {
    When when = When.of(java.time.OffsetDateTime.parse(at).toInstant());
    assertEquals(iso, when.iso());
    assertEquals(text, when.text());
    assertEquals(Instant.parse(iso), Instant.parse(when.iso()));
  }
}
