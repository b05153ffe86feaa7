package org.rapport.curriculum.instruments;

import java.util.Objects;

/** Identifies a subscale (factor) within one instrument, e.g. {@code perspective-taking}. */
public record SubscaleId(String value) {

  public SubscaleId {
    Objects.requireNonNull(value, "value");
    if (!InstrumentId.SLUG.matcher(value).matches()) {
      throw new IllegalArgumentException("subscale id '" + value + "' " + InstrumentId.SLUG_RULE);
    }
  }

  public static SubscaleId of(String value) {
    return new SubscaleId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
