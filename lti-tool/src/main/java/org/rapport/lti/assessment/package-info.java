/**
 * The longitudinal self-assessment as students meet it: privacy notice and consent, the cohort
 * question, the answer page with drafts, one submission per wave, scores and the trajectory chart,
 * and the student's own export; plus what administrators do with responses: linking pseudonymous
 * students to LMS users, deleting a student's data, re-scoring and reliability.
 */
package org.rapport.lti.assessment;
