package org.rapport.curriculum.modules;

/**
 * Who did something in Rapport, by value: the tenant (LTI registration), the learner, the course
 * (absent for launches without a context) and the LMS resource link launched (absent when not
 * known).
 */
public record LearnerRef(
    long registrationId, long learnerId, Long courseId, String resourceLinkId) {}
