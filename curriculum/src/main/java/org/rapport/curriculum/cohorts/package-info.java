/**
 * Cohorts and waves as values: the training stages at which students answer the self-assessment,
 * matriculation years, and the schedule template that turns a matriculation year into the opening
 * and closing dates of each wave.
 */
package org.rapport.curriculum.cohorts;
