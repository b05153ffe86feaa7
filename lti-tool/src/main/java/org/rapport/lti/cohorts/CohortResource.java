package org.rapport.lti.cohorts;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.curriculum.cohorts.MatriculationYear;
import org.rapport.lti.registration.RegistrationRepository;
import org.rapport.lti.security.Roles;
import org.rapport.lti.settings.RapportSettings;
import org.rapport.lti.web.ConflictException;
import org.rapport.lti.web.InvalidRequestException;
import org.rapport.lti.web.MissingException;

/** Cohorts of a tenant and their waves. Administrators only. */
@Path("api/admin/cohorts")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cohorts and waves", description = "Cohorts, waves and schedule templates")
public class CohortResource {
  @Inject Cohorts cohorts;
  @Inject WaveEditing editing;
  @Inject WaveUsage usage;
  @Inject Waves waves;
  @Inject RegistrationRepository registrations;
  @Inject RapportSettings settings;

  @GET
  @Operation(summary = "The cohorts of a tenant (?registration=id), newest first, with their waves")
  public List<CohortView> list(@QueryParam("registration") Long registrationId) {
    if (registrationId == null) {
      throw new InvalidRequestException(
          List.of("registration: give the tenant's registration id, e.g. ?registration=1."));
    }
    ScheduleTemplateResource.requireRegistration(registrations, registrationId);
    return cohorts.all(registrationId).stream().map(this::view).toList();
  }

  @GET
  @Path("{id: [0-9]+}")
  @Operation(summary = "One cohort with its waves")
  public CohortView get(@PathParam("id") long id) {
    return view(cohort(id));
  }

  @POST
  @Operation(
      summary =
          "Create a cohort; its waves are created from the tenant's schedule template at once")
  public Response create(CohortRequestView request) {
    if (request == null) {
      throw new InvalidRequestException(List.of("Send the cohort as a JSON object."));
    }
    RequestProblems problems = new RequestProblems();
    if (request.registrationId() == null) {
      problems.add("registrationId: give the tenant's registration id.");
    } else if (registrations.find(request.registrationId()).isEmpty()) {
      problems.add(
          "registrationId: there is no registration (tenant) with id "
              + request.registrationId()
              + ".");
    }
    MatriculationYear year = null;
    if (request.matriculationYear() == null) {
      problems.add("matriculationYear: give the year the class started medical school.");
    } else {
      Optional<String> p =
          MatriculationYear.problem(request.matriculationYear(), Year.from(settings.today()));
      if (p.isPresent()) {
        problems.add("matriculationYear: " + p.get() + ".");
      } else {
        year = new MatriculationYear(request.matriculationYear());
      }
    }
    if (request.label() != null && request.label().length() > 200) {
      problems.add("label: use at most 200 characters.");
    }
    problems.throwIfAny();
    MatriculationYear y = year;
    Cohort created =
        cohorts
            .create(request.registrationId(), year, request.label())
            .orElseThrow(
                () ->
                    new ConflictException(
                        "This tenant already has the cohort that matriculated in "
                            + y
                            + "; change its waves instead."));
    return Response.created(URI.create("api/admin/cohorts/" + created.getId()))
        .entity(view(created))
        .build();
  }

  @POST
  @Path("{id: [0-9]+}/waves")
  @Operation(summary = "Add a wave for a stage the cohort has none for")
  public Response addWave(@PathParam("id") long id, WaveRequestView request) {
    Wave wave = editing.add(id, request);
    return Response.created(URI.create("api/admin/waves/" + wave.getId()))
        .entity(
            WaveView.of(
                wave, waves.stage(wave), cohort(id), usage.counts(wave.getId()), settings.today()))
        .build();
  }

  private Cohort cohort(long id) {
    return cohorts
        .find(id)
        .orElseThrow(() -> new MissingException("There is no cohort " + id + "."));
  }

  private CohortView view(Cohort c) {
    LocalDate today = settings.today();
    return new CohortView(
        c.getId(),
        c.getRegistrationId(),
        c.getMatriculationYear(),
        c.getLabel(),
        cohorts.students(c.getId()),
        cohorts.waves(c.getId()).stream()
            .map(w -> WaveView.of(w, waves.stage(w), c, usage.counts(w.getId()), today))
            .toList());
  }
}
