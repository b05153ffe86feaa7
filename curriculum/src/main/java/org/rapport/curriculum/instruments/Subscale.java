package org.rapport.curriculum.instruments;

import java.util.Objects;

/** A subscale (factor) of an instrument, with the label and description faculty see. */
public record Subscale(SubscaleId id, String label, String description) {

  public Subscale {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(description, "description");
  }
}
