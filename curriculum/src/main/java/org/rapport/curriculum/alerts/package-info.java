/**
 * Deciding that a cohort declined: per-institution alert rules and the detector that turns a
 * suppressed {@link org.rapport.curriculum.analytics.CohortReport} into deduplicable findings that
 * carry every figure faculty need to judge them.
 */
package org.rapport.curriculum.alerts;
