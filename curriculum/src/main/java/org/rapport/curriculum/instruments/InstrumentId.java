package org.rapport.curriculum.instruments;

import java.util.Objects;
import java.util.regex.Pattern;

/** Identifies an instrument across its versions, e.g. {@code jse-s} or {@code rapport-empathy}. */
public record InstrumentId(String value) {

  static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
  static final String SLUG_RULE =
      "must be lower-case letters and digits separated by single hyphens, e.g. jse-s";

  public InstrumentId {
    Objects.requireNonNull(value, "value");
    if (!SLUG.matcher(value).matches()) {
      throw new IllegalArgumentException("instrument id '" + value + "' " + SLUG_RULE);
    }
  }

  public static InstrumentId of(String value) {
    return new InstrumentId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
