package org.rapport.curriculum.cohorts;

import java.time.Year;
import java.util.Optional;

/**
 * The year a student started medical school; it names the cohort ("class by matriculation year").
 * Plausible years run from {@link #EARLIEST} to next year (students may be enrolled before their
 * start).
 */
public record MatriculationYear(int value) implements Comparable<MatriculationYear> {

  public static final int EARLIEST = 1950;

  private static final java.util.regex.Pattern FOUR_DIGITS =
      java.util.regex.Pattern.compile("[0-9]{4}");

  /** Why a text is not a year. */
  public static final String NOT_A_YEAR =
      "'%s' is not a year; give the year the student started medical school, e.g. 2024";

  /** Why a year is out of range; filled with the year and the accepted range. */
  public static final String IMPLAUSIBLE = "%d is not a plausible matriculation year (%d–%d)";

  public MatriculationYear {
    if (value < EARLIEST || value > 9999) {
      throw new IllegalArgumentException(String.format(IMPLAUSIBLE, value, EARLIEST, 9999));
    }
  }

  /** The latest accepted year when it is now {@code now}. */
  public static int latest(Year now) {
    return now.getValue() + 1;
  }

  /** What is wrong with {@code year} when it is now {@code now}; empty when it is plausible. */
  public static Optional<String> problem(int year, Year now) {
    if (year < EARLIEST || year > latest(now)) {
      return Optional.of(String.format(IMPLAUSIBLE, year, EARLIEST, latest(now)));
    }
    return Optional.empty();
  }

  /** Reads a year as typed; empty with the reason in {@code problem} when it is not acceptable. */
  public static Parsed parse(String text, Year now) {
    String t = text == null ? "" : text.strip();
    if (!FOUR_DIGITS.matcher(t).matches()) {
      return new Parsed(Optional.empty(), Optional.of(String.format(NOT_A_YEAR, t)));
    }
    int year = Integer.parseInt(t);
    Optional<String> problem = problem(year, now);
    return problem.isPresent()
        ? new Parsed(Optional.empty(), problem)
        : new Parsed(Optional.of(new MatriculationYear(year)), Optional.empty());
  }

  /** The outcome of {@link #parse}: a year, or why there is none. */
  public record Parsed(Optional<MatriculationYear> year, Optional<String> problem) {}

  /** How the cohort is named on pages, e.g. {@code Matriculated 2024}. */
  public String cohortLabel() {
    return "Matriculated " + value;
  }

  @Override
  public int compareTo(MatriculationYear other) {
    return Integer.compare(value, other.value);
  }

  @Override
  public String toString() {
    return String.valueOf(value);
  }
}
