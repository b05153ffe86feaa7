package org.rapport.lti.roster;

/** A course's roster state as administrators see it. Times are ISO 8601 in UTC. */
public record CourseRosterView(
    long courseId,
    long registrationId,
    String contextId,
    String title,
    String membershipsUrl,
    String syncedAt,
    String dueAt,
    int attempts,
    String lastError,
    int activeMembers,
    int inactiveMembers) {}
