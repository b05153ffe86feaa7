package org.rapport.curriculum.modules;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A short knowledge check: multiple-choice questions, each with one correct option. */
public record CheckStep(String id, String title, List<Question> questions) implements Step {

  public CheckStep {
    requireNonNull(id, "id");
    requireNonNull(title, "title");
    questions = List.copyOf(questions);
  }

  @Override
  public StepKind kind() {
    return StepKind.CHECK;
  }
}
