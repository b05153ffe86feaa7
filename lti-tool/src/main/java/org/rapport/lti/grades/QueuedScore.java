package org.rapport.lti.grades;

import java.time.Instant;

/**
 * A score row claimed for delivery.
 *
 * @param userId the platform's user id ({@code sub}) of the learner
 * @param timestamp fixed when the score was queued; strictly increasing per user and line item
 * @param inDoubt an earlier attempt began and its outcome was never recorded (Rapport stopped
 *     during the post, or the post timed out): the LMS may already have the score
 */
public record QueuedScore(
    long id,
    long registrationId,
    long resourceLinkId,
    long learnerId,
    String userId,
    String resourceId,
    String tag,
    String label,
    Double scoreGiven,
    Double scoreMaximum,
    String activityProgress,
    String gradingProgress,
    Instant timestamp,
    int attempts,
    Instant createdAt,
    boolean inDoubt) {}
