package org.rapport.lti.identity;

/** A student link request as the admin API and page show it. */
public record StudentLinkRequestView(
    long id,
    long registrationId,
    String lmsSubject,
    String studentId,
    String reason,
    String reasonText,
    String state,
    String requestedAt,
    String decidedAt,
    String decidedBy,
    String decisionNote) {}
