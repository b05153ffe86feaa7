package org.rapport.lti.grades;

/** Where a queued score stands. */
public enum ScoreStatus {
  /** Waiting for (another) delivery attempt. */
  QUEUED,
  /** Accepted by the LMS. */
  DELIVERED,
  /** Refused for good (a 4xx other than 408/429, or missing configuration); an admin may resend. */
  DEAD_LETTERED,
  /** A newer score for the same user and line item was queued before this one left. */
  SUPERSEDED
}
