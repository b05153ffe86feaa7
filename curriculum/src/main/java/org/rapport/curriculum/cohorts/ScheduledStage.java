package org.rapport.curriculum.cohorts;

import java.util.Objects;
import org.rapport.curriculum.instruments.InstrumentRef;

/**
 * One line of a schedule template: the wave at {@code stage} opens {@code offsetMonths} after the
 * cohort's matriculation date, stays open {@code windowDays} days and uses {@code instrument}.
 */
public record ScheduledStage(
    TrainingStage stage, int offsetMonths, int windowDays, InstrumentRef instrument) {

  public static final int MAX_OFFSET_MONTHS = 240;
  public static final int MAX_WINDOW_DAYS = 366;

  public ScheduledStage {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(instrument, "instrument");
    if (offsetMonths < 0 || offsetMonths > MAX_OFFSET_MONTHS) {
      throw new IllegalArgumentException("offset months out of range: " + offsetMonths);
    }
    if (windowDays < 1 || windowDays > MAX_WINDOW_DAYS) {
      throw new IllegalArgumentException("window days out of range: " + windowDays);
    }
  }
}
