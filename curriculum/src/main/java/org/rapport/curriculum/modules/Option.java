package org.rapport.curriculum.modules;

import static java.util.Objects.requireNonNull;

/** One answer to a question, with the explanation shown once the student has answered. */
public record Option(String text, boolean correct, String explanation) {

  public Option {
    requireNonNull(text, "text");
    requireNonNull(explanation, "explanation");
  }
}
