package org.rapport.lti.assessment;

/** Where a response stands. */
public enum ResponseStatus {
  /** Being answered; answers are saved as the student goes. */
  DRAFT,
  /** Submitted once; answers and score no longer change (re-scoring adds scores, never edits). */
  SUBMITTED,
  /** Taken over from a historical import. */
  IMPORTED;

  public boolean isFinal() {
    return this != DRAFT;
  }
}
