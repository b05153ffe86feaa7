package org.rapport.lti.launch;

/**
 * What a course's TeachingAssistant is in Rapport, per registration. Schools differ: a TA may be a
 * senior student (who must not see classmates' aggregates) or a member of staff.
 */
public enum TeachingAssistantRole {
  /** Treated as a student: sees their own work only. The default. */
  STUDENT,
  /** Treated as faculty of the course: sees its aggregates and alerts. */
  INSTRUCTOR
}
