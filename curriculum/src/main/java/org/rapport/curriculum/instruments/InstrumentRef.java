package org.rapport.curriculum.instruments;

import java.util.Objects;

/**
 * One version of one instrument. Answers and scores carry it, because a score is only comparable
 * with scores of the same version.
 */
public record InstrumentRef(InstrumentId id, int version) {

  public InstrumentRef {
    Objects.requireNonNull(id, "id");
    if (version < 1) {
      throw new IllegalArgumentException("instrument version must be 1 or greater: " + version);
    }
  }

  public static InstrumentRef of(String id, int version) {
    return new InstrumentRef(new InstrumentId(id), version);
  }

  @Override
  public String toString() {
    return id + " version " + version;
  }
}
