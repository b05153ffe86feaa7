package org.rapport.lti.assessment;

/**
 * Fired once when a student submits a wave, for observers that report completion (never the score)
 * to the LMS gradebook.
 */
public record AssessmentSubmitted(long registrationId, long studentId, long waveId) {}
