/**
 * Cohort statistics for empathy self-assessments: per-wave summaries, paired and all-students
 * (random-intercept mixed model) wave comparisons, cross-cohort comparisons, and the small-cell
 * suppression that every figure passes before anyone sees it. Plain Java, no container types.
 */
package org.rapport.curriculum.analytics;
