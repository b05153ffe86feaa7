package org.rapport.curriculum.assessments;

/** Whether a response could be scored, and whether missing answers were filled in. */
public enum ScoringStatus {
  /** Every item answered; scores are exact integer sums. */
  COMPLETE,
  /** Some items unanswered, within the instrument's limits; filled in by mean substitution. */
  PRORATED,
  /** More items unanswered than the instrument allows; no score. */
  INCOMPLETE
}
