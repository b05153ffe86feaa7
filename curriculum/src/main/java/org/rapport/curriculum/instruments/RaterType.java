package org.rapport.curriculum.instruments;

import java.util.Arrays;
import java.util.Optional;

/**
 * Who fills in a rating form about a student: an instrument's {@code rated_by} names one or more of
 * these. An instrument without {@code rated_by} is a self-report that students answer about
 * themselves.
 */
public enum RaterType {
  /**
   * A standardized patient or, where a school allows it, a real patient, rating from their side.
   */
  PATIENT("patient", "Standardized patient"),
  /** A member of staff who observed the conversation. */
  FACULTY("faculty", "Faculty"),
  /** A fellow student who observed the conversation. */
  PEER("peer", "Peer");

  private final String code;
  private final String label;

  RaterType(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The spelling in definition files and configuration, e.g. {@code patient}. */
  public String code() {
    return code;
  }

  /** The name shown to people, e.g. {@code Standardized patient}. */
  public String label() {
    return label;
  }

  /** The rater type spelled {@code code} (as in {@link #code()}), if there is one. */
  public static Optional<RaterType> find(String code) {
    return code == null
        ? Optional.empty()
        : Arrays.stream(values()).filter(t -> t.code.equals(code.strip())).findFirst();
  }

  /**
   * @throws IllegalArgumentException naming the allowed codes when {@code code} is none of them
   */
  public static RaterType fromCode(String code) {
    return find(code)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "rater type must be one of patient, faculty, peer, not '" + code + "'"));
  }
}
