package org.rapport.curriculum.instruments;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who fills in a rating form about a student. */
public enum RaterType {
  /** A standardized patient, or a real patient where the school asks them. */
  PATIENT("Standardized patient"),
  FACULTY("Faculty"),
  PEER("Peer");

  private final String label;

  RaterType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The code in definitions, forms and CSV files: {@code patient}, {@code faculty}, {@code peer}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<RaterType> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String wanted = code.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.code().equals(wanted)).findFirst();
  }
}
