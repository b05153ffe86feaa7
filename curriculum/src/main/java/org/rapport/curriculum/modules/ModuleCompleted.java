package org.rapport.curriculum.modules;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Announces that a learner finished every step of a module. Raised once per learner and module, in
 * the transaction that records the completion, so an observer that writes in the same transaction
 * (an outbox row, say) is kept or lost together with the completion itself.
 *
 * @param at when the last step was finished
 */
public record ModuleCompleted(LearnerRef learner, ModuleId module, Instant at) {

  public ModuleCompleted {
    requireNonNull(learner, "learner");
    requireNonNull(module, "module");
    requireNonNull(at, "at");
  }
}
