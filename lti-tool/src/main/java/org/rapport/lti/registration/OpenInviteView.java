package org.rapport.lti.registration;

/** An invite that can still be used, as the admin page lists it (never its value). */
public record OpenInviteView(
    long id, String createdBy, String createdAt, String expiresAt, boolean enableOnArrival) {}
