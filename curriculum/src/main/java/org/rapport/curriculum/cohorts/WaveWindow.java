package org.rapport.curriculum.cohorts;

import java.time.LocalDate;
import java.util.Objects;

/**
 * When a wave can be answered: from the start of {@code opens} to the end of {@code closes}, both
 * days included.
 */
public record WaveWindow(LocalDate opens, LocalDate closes) {

  public static final String CLOSES_BEFORE_OPENING = "closes on %s, before it opens on %s";

  public WaveWindow {
    Objects.requireNonNull(opens, "opens");
    Objects.requireNonNull(closes, "closes");
    if (closes.isBefore(opens)) {
      throw new IllegalArgumentException(String.format(CLOSES_BEFORE_OPENING, closes, opens));
    }
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(opens) && !day.isAfter(closes);
  }

  /** Whole days the window lasts, both ends included. */
  public long days() {
    return closes.toEpochDay() - opens.toEpochDay() + 1;
  }
}
