package org.rapport.curriculum.modules;

import static java.util.Objects.requireNonNull;

/** A private journal prompt; what the student writes is theirs alone. */
public record ReflectionStep(String id, String title, String prompt) implements Step {

  public ReflectionStep {
    requireNonNull(id, "id");
    requireNonNull(title, "title");
    requireNonNull(prompt, "prompt");
  }

  @Override
  public StepKind kind() {
    return StepKind.REFLECTION;
  }
}
