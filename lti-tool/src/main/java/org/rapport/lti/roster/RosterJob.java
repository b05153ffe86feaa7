package org.rapport.lti.roster;

import java.net.URI;

/** A course roster due for refresh, claimed by a worker. */
public record RosterJob(long courseId, long registrationId, URI membershipsUrl, int attempts) {}
