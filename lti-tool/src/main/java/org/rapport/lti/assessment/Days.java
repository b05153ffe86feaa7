package org.rapport.lti.assessment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as students read them, e.g. {@code 26 November 2026}. */
final class Days {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private Days() {}

  static String of(LocalDate day) {
    return day == null ? "" : DAY.format(day);
  }

  static String of(OffsetDateTime time, ZoneId zone) {
    return time == null ? "" : DAY.format(time.atZoneSameInstant(zone).toLocalDate());
  }
}
