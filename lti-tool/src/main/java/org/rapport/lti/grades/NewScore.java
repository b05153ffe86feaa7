package org.rapport.lti.grades;

import java.time.Instant;

/**
 * A score to queue for one resource link and learner.
 *
 * @param at when the score was set in Rapport; becomes the score's timestamp (moved 1 ms past the
 *     latest one queued for the same key if needed)
 */
public record NewScore(
    long registrationId,
    long resourceLinkId,
    long learnerId,
    String resourceId,
    String tag,
    String label,
    Double scoreGiven,
    Double scoreMaximum,
    String activityProgress,
    String gradingProgress,
    Instant at) {}
