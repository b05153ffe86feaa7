package org.rapport.lti.cohorts;

import java.time.LocalDate;

/** Where a wave stands on a given day, as the admin page's table of waves shows it. */
public enum WaveStatus {
  OPEN("Open now"),
  UPCOMING("Upcoming"),
  CLOSED("Closed"),
  UNSCHEDULED("No dates");

  private final String label;

  WaveStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The status of a wave that opens and closes on these days (null when it has no window). */
  public static WaveStatus of(String opens, String closes, LocalDate today) {
    if (opens == null || closes == null) {
      return UNSCHEDULED;
    }
    if (today.isBefore(LocalDate.parse(opens))) {
      return UPCOMING;
    }
    return today.isAfter(LocalDate.parse(closes)) ? CLOSED : OPEN;
  }
}
