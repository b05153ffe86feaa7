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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.lti.security.Roles;
import org.rapport.lti.settings.RapportSettings;
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
  @Inject CohortAdministration administration;
  @Inject RapportSettings settings;

  @GET
  @Operation(summary = "The cohorts of a tenant (?registration=id), newest first, with their waves")
  public List<CohortView> list(@QueryParam("registration") Long registrationId) {
    if (registrationId == null) {
      throw new InvalidRequestException(
          List.of("registration: give the tenant's registration id, e.g. ?registration=1."));
    }
    return administration.cohorts(registrationId).stream().map(this::view).toList();
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
    Cohort created = administration.create(request);
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
