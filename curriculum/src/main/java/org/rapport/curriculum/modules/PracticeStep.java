package org.rapport.curriculum.modules;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A writing exercise: the student writes, then compares with the model answer by ticking the
 * checklist. Nothing here is scored.
 */
public record PracticeStep(
    String id, String title, String prompt, String modelAnswer, List<String> checklist)
    implements Step {

  public PracticeStep {
    requireNonNull(id, "id");
    requireNonNull(title, "title");
    requireNonNull(prompt, "prompt");
    requireNonNull(modelAnswer, "modelAnswer");
    checklist = List.copyOf(checklist);
  }

  @Override
  public StepKind kind() {
    return StepKind.PRACTICE;
  }
}
