/**
 * Figures about observed practice: ratings of a student's real encounters by standardized patients,
 * faculty and peers. Scores on a form's scale are put on percent of scale so that they can stand
 * beside the self-assessment; this package computes rater agreement, the self-versus-observed gap
 * (cohort and student), observed-rating trends through the cohort statistics of {@link
 * org.rapport.curriculum.analytics}, and the observed alerts (a decline, a widening gap) with rules
 * of their own. Plain Java, no container types.
 */
package org.rapport.curriculum.observed;
