package org.rapport.lti.modules;

import java.util.List;
import java.util.Set;
import org.rapport.curriculum.modules.Module;
import org.rapport.curriculum.modules.Step;

/**
 * A learner's progress through one module as the pages show it: not started, at step k of n with so
 * many steps done, or completed.
 *
 * @param stepNumber the position (from 1) of the step the learner last opened, or 1
 * @param currentStepId that step's id; the first step when the saved one no longer exists
 * @param nextToDoId the first step not yet done, or null when all are done
 */
public record ProgressSummary(
    Status status,
    int stepNumber,
    int stepCount,
    int doneCount,
    String currentStepId,
    String nextToDoId) {

  /** Where a learner stands in a module. */
  public enum Status {
    NOT_STARTED("Not started"),
    IN_PROGRESS("In progress"),
    COMPLETED("Completed");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * @param currentStepOrNull the saved step, null when the learner never opened the module
   * @param done the ids of the steps done; ids no longer in the module are ignored
   */
  public static ProgressSummary of(
      Module module, String currentStepOrNull, Set<String> done, boolean completed) {
    List<Step> steps = module.steps();
    int index = 0;
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).id().equals(currentStepOrNull)) {
        index = i;
      }
    }
    int doneCount = (int) steps.stream().filter(s -> done.contains(s.id())).count();
    String nextToDo =
        steps.stream().map(Step::id).filter(id -> !done.contains(id)).findFirst().orElse(null);
    Status status =
        completed
            ? Status.COMPLETED
            : currentStepOrNull == null ? Status.NOT_STARTED : Status.IN_PROGRESS;
    return new ProgressSummary(
        status, index + 1, steps.size(), doneCount, steps.get(index).id(), nextToDo);
  }

  public boolean allDone() {
    return doneCount == stepCount;
  }

  /** Whole percent of steps done, for progress bars. */
  public int percentDone() {
    return stepCount == 0 ? 0 : doneCount * 100 / stepCount;
  }

  /** "Not started", "In progress: step 3 of 7" or "Completed". */
  public String label() {
    return switch (status) {
      case IN_PROGRESS -> "In progress: step " + stepNumber + " of " + stepCount;
      default -> status.label();
    };
  }

  /** "2 of 7 steps done". */
  public String doneLabel() {
    return doneCount + " of " + stepCount + (stepCount == 1 ? " step" : " steps") + " done";
  }
}
