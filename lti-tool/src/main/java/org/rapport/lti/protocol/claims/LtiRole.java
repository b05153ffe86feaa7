package org.rapport.lti.protocol.claims;

/**
 * Rapport's coarse view of a user's LTI roles (see {@link RoleMapper} for the mapping). A user may
 * hold several; what each may see is decided by the application, not here.
 */
public enum LtiRole {
  /** Takes the course: Learner/Student in the context or the institution. */
  STUDENT,
  /**
   * Teaches the course: Instructor and its sub-roles (TeachingAssistant...), institution Faculty.
   */
  INSTRUCTOR,
  /** Administers the context, the institution or the system. */
  ADMINISTRATOR,
  /**
   * Authors content in the context. Kept apart from {@link #INSTRUCTOR}: a content developer builds
   * modules but is not entitled to learners' responses.
   */
  CONTENT_DEVELOPER,
  /**
   * Mentor, e.g. an advisor or parent, usually scoped to particular learners (role_scope_mentor).
   * Kept apart from {@link #INSTRUCTOR}: a mentor is not entitled to the whole cohort's responses.
   */
  MENTOR
}
