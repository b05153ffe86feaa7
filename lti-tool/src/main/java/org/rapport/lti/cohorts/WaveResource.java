package org.rapport.lti.cohorts;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.lti.security.Roles;
import org.rapport.lti.settings.RapportSettings;
import org.rapport.lti.web.MissingException;

/** One wave: read it, change its dates or instrument. Administrators only. */
@Path("api/admin/waves/{id: [0-9]+}")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cohorts and waves", description = "Cohorts, waves and schedule templates")
public class WaveResource {
  @Inject Waves waves;
  @Inject Cohorts cohorts;
  @Inject WaveUsage usage;
  @Inject WaveEditing editing;
  @Inject RapportSettings settings;

  @GET
  @Operation(summary = "One wave with its response counts")
  public WaveView get(@PathParam("id") long id) {
    Wave wave = wave(id);
    return WaveView.of(
        wave,
        waves.stage(wave),
        cohorts.find(wave.getCohortId()).orElseThrow(),
        usage.counts(id),
        settings.today());
  }

  @PUT
  @Operation(
      summary =
          "Change a wave's opening and closing dates (both included) and instrument; the"
              + " instrument cannot change once the wave has responses")
  public WaveView change(@PathParam("id") long id, WaveRequestView request) {
    Wave changed = editing.change(id, request);
    return WaveView.of(
        changed,
        waves.stage(changed),
        cohorts.find(changed.getCohortId()).orElseThrow(),
        usage.counts(id),
        settings.today());
  }

  private Wave wave(long id) {
    return waves.find(id).orElseThrow(() -> new MissingException("There is no wave " + id + "."));
  }
}
