package org.rapport.lti.cohorts;

/** What an administrator sends to create a cohort. */
public record CohortRequestView(Long registrationId, Integer matriculationYear, String label) {}
