package org.rapport.lti.roster;

/** A course member as administrators see it. */
public record MemberView(
    long learnerId, String userId, String name, String email, String role, boolean active) {}
