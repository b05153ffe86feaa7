package org.rapport.lti.launch;

import org.rapport.lti.protocol.launch.ValidatedLaunch;

/**
 * An accepted launch was recorded. Fired inside the launch's transaction; observers that call the
 * LMS or may fail observe it after a successful commit, so they can never undo or delay a launch.
 *
 * @param courseId Rapport's course, or null for a launch without a context
 */
public record LaunchRecorded(
    long registrationId, long learnerId, Long courseId, ValidatedLaunch launch) {}
