package org.rapport.curriculum.instruments;

import java.util.Objects;

/** How an instrument's total score (the sum over all items) is labelled. */
public record Total(String label) {

  public Total {
    Objects.requireNonNull(label, "label");
  }
}
