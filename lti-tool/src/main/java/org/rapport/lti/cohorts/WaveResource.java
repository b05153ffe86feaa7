package org.rapport.lti.cohorts;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.cohorts.WaveWindow;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.lti.admin.AdminOnly;
import org.rapport.lti.admin.ConflictException;
import org.rapport.lti.admin.InvalidRequestException;
import org.rapport.lti.admin.MissingException;
import org.rapport.lti.instruments.Instruments;
import org.rapport.lti.settings.RapportSettings;

/** One wave: read it, change its dates or instrument. Administrators only. */
@Path("api/admin/waves/{id: [0-9]+}")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cohorts and waves", description = "Cohorts, waves and schedule templates")
public class WaveResource {
  @Inject Waves waves;
  @Inject Cohorts cohorts;
  @Inject WaveUsage usage;
  @Inject Instruments instruments;
  @Inject RapportSettings settings;

  @GET
  @Operation(summary = "One wave with its response counts")
  public WaveView get(@PathParam("id") long id) {
    Wave wave = wave(id);
    return WaveView.of(
        wave, cohorts.find(wave.getCohortId()).orElseThrow(), usage.counts(id), settings.today());
  }

  @PUT
  @Operation(
      summary =
          "Change a wave's opening and closing dates (both included) and instrument; the"
              + " instrument cannot change once the wave has responses")
  public WaveView change(@PathParam("id") long id, WaveRequestView request) {
    Wave wave = wave(id);
    if (request == null) {
      throw new InvalidRequestException(List.of("Send the wave as a JSON object."));
    }
    RequestProblems problems = new RequestProblems();
    if (request.stage() != null
        && !request.stage().isBlank()
        && TrainingStage.parse(request.stage()).filter(s -> s == wave.getStage()).isEmpty()) {
      problems.add(
          "stage: a wave's stage cannot change; this wave is for " + wave.getStage().name() + ".");
    }
    Optional<WaveWindow> window = CohortResource.window(problems, request);
    Optional<InstrumentRef> instrument =
        problems.instrument(instruments, "instrument", request.instrument(), request.version());
    problems.throwIfAny();
    WaveUsage.Counts counts = usage.counts(id);
    if (!instrument.get().equals(wave.instrument()) && counts.total() > 0) {
      throw new ConflictException(
          "This wave already has "
              + counts.total()
              + " responses to "
              + wave.instrument()
              + "; its instrument can no longer change. Its dates can.");
    }
    Wave changed = waves.change(wave, window.get(), instrument.get());
    return WaveView.of(
        changed, cohorts.find(changed.getCohortId()).orElseThrow(), counts, settings.today());
  }

  private Wave wave(long id) {
    return waves.find(id).orElseThrow(() -> new MissingException("There is no wave " + id + "."));
  }
}
