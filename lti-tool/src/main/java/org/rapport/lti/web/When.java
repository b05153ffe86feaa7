package org.rapport.lti.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A moment shown to a person (partial {@code when}): the page carries the instant in a {@code <time
 * datetime>} element and says it in UTC with the zone named; {@code assets/local-time.js} rewrites
 * it in the browser's own time zone. Without JavaScript the UTC text stays, never a time without
 * its zone.
 *
 * @param iso the instant, ISO 8601 in UTC, e.g. {@code 2026-12-31T23:59:00Z}
 * @param text the instant in words in UTC, e.g. {@code 31 December 2026 at 23:59 UTC}
 */
public record When(String iso, String text) {
  private static final DateTimeFormatter TEXT =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH);
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT);

  /** A moment, shown with its time of day. */
  public static When of(Instant instant) {
    var utc = instant.atOffset(ZoneOffset.UTC);
    return new When(ISO.format(utc), TEXT.format(utc));
  }
}
