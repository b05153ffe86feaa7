package org.rapport.lti.observed;

/** How an encounter session came to be. */
public enum SessionOrigin {
  /** Faculty planned it (one encounter or an OSCE day from a CSV plan). */
  PLANNED,
  /** A student asked a classmate to rate a practice; released as soon as it is rated. */
  PEER_REQUEST,
  /** Past results an administrator imported; belongs to no course. */
  IMPORTED
}
