package org.rapport.curriculum.modules;

import static java.util.Objects.requireNonNull;

/** Text to read; {@code body} is Markdown. */
public record ReadingStep(String id, String title, String body) implements Step {

  public ReadingStep {
    requireNonNull(id, "id");
    requireNonNull(title, "title");
    requireNonNull(body, "body");
  }

  @Override
  public StepKind kind() {
    return StepKind.READING;
  }
}
