package org.rapport.curriculum.analytics;

import java.util.Objects;

/** Identifies a wave inside the analytics; the caller maps its own ids onto it. */
public record WaveKey(String value) implements Comparable<WaveKey> {
  public WaveKey {
    Objects.requireNonNull(value, "wave key");
    if (value.isBlank()) {
      throw new IllegalArgumentException("A wave key must not be blank.");
    }
  }

  @Override
  public int compareTo(WaveKey other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
