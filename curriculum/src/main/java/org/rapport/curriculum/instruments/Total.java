package org.rapport.curriculum.instruments;

import java.util.Objects;
import java.util.Optional;

/**
 * How an instrument's total score (the sum over all items) is labelled, and its published norm
 * where the definition gives one.
 */
public record Total(String label, Optional<Norm> norm) {

  public Total {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(norm, "norm");
  }

  /** A total without a published norm. */
  public Total(String label) {
    this(label, Optional.empty());
  }
}
