package org.rapport.lti.cohorts;

import jakarta.validation.constraints.NotNull;
import org.rapport.lti.web.AtMost;

/**
 * What an administrator sends to create a cohort. Whether the tenant exists and the year is
 * plausible on the application's clock is checked with the constraints, every problem at once.
 */
public record CohortRequestView(
    @NotNull(message = "give the tenant's registration id.") Long registrationId,
    @NotNull(message = "give the year the class started medical school.") Integer matriculationYear,
    @AtMost(value = 200, message = "use at most 200 characters.") String label) {}
