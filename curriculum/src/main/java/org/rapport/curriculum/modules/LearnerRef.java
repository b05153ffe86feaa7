package org.rapport.curriculum.modules;

/**
 * Who did something in a module, as plain ids the LMS side understands: the tenant (LTI
 * registration), the learner within it, the course the learner was working in (absent for a launch
 * without a course) and the LMS resource link, when known.
 */
public record LearnerRef(
    long registrationId, long learnerId, Long courseId, String resourceLinkIdOrNull) {}
