/**
 * Cohorts (classes by matriculation year within a tenant), their waves, the tenant's schedule
 * template that creates the waves of every new cohort, and the students with their cohort and its
 * history of moves; with the admin API and pages that manage them.
 */
package org.rapport.lti.cohorts;
