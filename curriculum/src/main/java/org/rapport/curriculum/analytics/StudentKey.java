package org.rapport.curriculum.analytics;

import java.util.Objects;

/** Identifies a student inside the analytics; the caller maps its own ids onto it. */
public record StudentKey(String value) implements Comparable<StudentKey> {
  public StudentKey {
    Objects.requireNonNull(value, "student key");
    if (value.isBlank()) {
      throw new IllegalArgumentException("A student key must not be blank.");
    }
  }

  @Override
  public int compareTo(StudentKey other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
