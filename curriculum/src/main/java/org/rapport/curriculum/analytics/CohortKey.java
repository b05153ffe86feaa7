package org.rapport.curriculum.analytics;

import java.util.Objects;

/** Identifies a cohort inside the analytics; the caller maps its own ids onto it. */
public record CohortKey(String value) implements Comparable<CohortKey> {
  public CohortKey {
    Objects.requireNonNull(value, "cohort key");
    if (value.isBlank()) {
      throw new IllegalArgumentException("A cohort key must not be blank.");
    }
  }

  @Override
  public int compareTo(CohortKey other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
