package org.rapport.lti.assessment;

import java.time.Instant;
import org.rapport.curriculum.modules.LearnerRef;

/**
 * A student submitted their response to a wave, fired in the submitting transaction.
 *
 * @param learner who submitted, in which course (for the gradebook)
 * @param studentId the student record holding the response
 * @param waveId the wave answered
 * @param at when it was submitted
 */
public record AssessmentSubmitted(LearnerRef learner, long studentId, long waveId, Instant at) {}
