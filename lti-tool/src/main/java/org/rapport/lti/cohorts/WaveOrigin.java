package org.rapport.lti.cohorts;

/** How a wave came to exist. */
public enum WaveOrigin {
  /** Created with its cohort from the tenant's schedule template. */
  TEMPLATE,
  /** Created or last changed by an administrator. */
  ADMIN,
  /** Taken over from a historical import; it has no dates. */
  IMPORT
}
