package org.rapport.curriculum.modules;

import java.time.Instant;

/**
 * A learner finished every step of a module. Fired as a CDI event by the module player; observers
 * (e.g. the LMS grade passback) react to it.
 */
public record ModuleCompleted(LearnerRef learner, ModuleId module, Instant at) {}
