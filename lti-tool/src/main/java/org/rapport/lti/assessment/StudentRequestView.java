package org.rapport.lti.assessment;

/**
 * What an administrator sends to link a pseudonymous student to an LMS user ({@code
 * registrationId}, {@code studentId} = the pseudonymous id, {@code lmsSubject} = the LMS user's LTI
 * {@code sub}), or to correct a cohort ({@code matriculationYear}, {@code reason}).
 */
public record StudentRequestView(
    Long registrationId,
    String studentId,
    String lmsSubject,
    Integer matriculationYear,
    String reason) {}
