package org.rapport.curriculum.cohorts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The points in training at which a cohort answers the self-assessment, in the order they happen:
 * matriculation, the end of each of four school years, graduation and the first three years of
 * residency. The enum order is the chronological order.
 */
public enum TrainingStage {
  MATRICULATION("Matriculation", "Start of medical school"),
  Y1("Year 1", "End of year 1"),
  Y2("Year 2", "End of year 2"),
  Y3("Year 3", "End of year 3"),
  Y4("Year 4", "End of year 4"),
  GRADUATION("Graduation", "Graduation"),
  PGY1("PGY-1", "Residency year 1 (PGY-1)"),
  PGY2("PGY-2", "Residency year 2 (PGY-2)"),
  PGY3("PGY-3", "Residency year 3 (PGY-3)");

  /** Why a stage name was not accepted; filled with the name given and the accepted names. */
  public static final String UNKNOWN = "'%s' is not a training stage; use one of %s";

  private final String shortLabel;
  private final String label;

  TrainingStage(String shortLabel, String label) {
    this.shortLabel = shortLabel;
    this.label = label;
  }

  /** A short name for chart axes and table headers, e.g. {@code PGY-1}. */
  public String shortLabel() {
    return shortLabel;
  }

  /** The name people read, e.g. {@code End of year 3}. */
  public String label() {
    return label;
  }

  /** Position in training, 0 for matriculation. */
  public int order() {
    return ordinal();
  }

  /** Reads a stage name as written in files and requests: case-insensitive, {@code PGY-1} too. */
  public static Optional<TrainingStage> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String key = name.strip().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
    return Arrays.stream(values()).filter(s -> s.name().equals(key)).findFirst();
  }

  /** The accepted names, comma separated, for messages. */
  public static String names() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }

  /** The sentence for a name that {@link #parse(String)} does not accept. */
  public static String unknown(String name) {
    return String.format(UNKNOWN, name == null ? "" : name.strip(), names());
  }
}
