package org.rapport.lti.grades;

/** A score in the outbox as administrators see it (API and page). Times are ISO 8601 in UTC. */
public record ScoreView(
    long id,
    long registrationId,
    long resourceLinkId,
    String resourceLinkTitle,
    String userId,
    String learnerName,
    String resourceId,
    String label,
    Double scoreGiven,
    Double scoreMaximum,
    String activityProgress,
    String gradingProgress,
    String timestamp,
    String status,
    int attempts,
    String nextAttemptAt,
    Integer lastStatus,
    String lastError,
    String createdAt,
    String deliveredAt) {}
