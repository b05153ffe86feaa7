package org.rapport.lti.grades;

/** How many scores of a registration are queued, delivered, dead-lettered and superseded. */
public record ScoreCountsView(
    long registrationId,
    String registrationName,
    long queued,
    long delivered,
    long deadLettered,
    long superseded) {}
