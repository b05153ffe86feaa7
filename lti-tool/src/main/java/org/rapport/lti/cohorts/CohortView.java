package org.rapport.lti.cohorts;

import java.util.List;

/** A cohort as the admin API shows it, with its waves. */
public record CohortView(
    long id,
    long registrationId,
    int matriculationYear,
    String label,
    long students,
    List<WaveView> waves) {}
