package org.rapport.lti.cohorts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import org.rapport.curriculum.cohorts.MatriculationYear;
import org.rapport.lti.registration.RegistrationRepository;
import org.rapport.lti.settings.RapportSettings;
import org.rapport.lti.web.BodyProblems;
import org.rapport.lti.web.ConflictException;
import org.rapport.lti.web.InvalidRequestException;
import org.rapport.lti.web.MissingException;
import org.rapport.lti.web.RequestChecks;

/**
 * The administrator's cohorts and schedule template of a tenant through the JSON API, each call one
 * transaction: the tenant must exist, and a request is checked with every problem at once.
 */
@ApplicationScoped
@Transactional
public class CohortAdministration {
  @Inject RegistrationRepository registrations;
  @Inject Cohorts cohorts;
  @Inject Schedules schedules;
  @Inject ScheduleProposal proposal;
  @Inject RequestChecks checks;
  @Inject RapportSettings settings;

  /**
   * The tenant's cohorts, newest first.
   *
   * @throws MissingException when there is no such tenant
   */
  public List<Cohort> cohorts(long registrationId) {
    requireRegistration(registrationId);
    return cohorts.all(registrationId);
  }

  /**
   * Creates a cohort with the waves of its tenant's schedule template.
   *
   * @throws InvalidRequestException with every problem of the request
   * @throws ConflictException when the tenant has the cohort of that year already
   */
  public Cohort create(CohortRequestView request) {
    BodyProblems problems = checks.of(request);
    if (request.registrationId() != null
        && registrations.find(request.registrationId()).isEmpty()) {
      problems.add(
          "registrationId",
          "there is no registration (tenant) with id " + request.registrationId() + ".");
    }
    MatriculationYear year = null;
    if (request.matriculationYear() != null) {
      Optional<String> implausible =
          MatriculationYear.problem(request.matriculationYear(), Year.from(settings.today()));
      if (implausible.isPresent()) {
        problems.add("matriculationYear", implausible.get() + ".");
      } else {
        year = new MatriculationYear(request.matriculationYear());
      }
    }
    problems.throwIfAny();
    MatriculationYear y = year;
    return cohorts
        .create(request.registrationId(), year, request.label())
        .orElseThrow(
            () ->
                new ConflictException(
                    "This tenant already has the cohort that matriculated in "
                        + y
                        + "; change its waves instead."));
  }

  /**
   * The tenant's schedule template (Rapport's standard one until set).
   *
   * @throws MissingException when there is no such tenant
   */
  public Schedules.TenantSchedule schedule(long registrationId) {
    requireRegistration(registrationId);
    return schedules.forTenant(registrationId);
  }

  /**
   * Replaces the tenant's schedule template.
   *
   * @throws MissingException when there is no such tenant
   * @throws InvalidRequestException with every problem of the proposal (409 when its only problem
   *     is an instrument that cannot be scheduled)
   */
  public Schedules.TenantSchedule replaceSchedule(
      long registrationId, ScheduleTemplateView proposed, String by) {
    requireRegistration(registrationId);
    if (proposed == null) {
      throw new InvalidRequestException(List.of("Send the schedule template as a JSON object."));
    }
    return schedules.replace(registrationId, proposal.template(proposed), by);
  }

  private void requireRegistration(long id) {
    if (registrations.find(id).isEmpty()) {
      throw new MissingException("There is no registration (tenant) with id " + id + ".");
    }
  }
}
