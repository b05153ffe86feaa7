package org.rapport.lti.assessment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.lti.cohorts.Wave;
import org.rapport.lti.cohorts.Waves;
import org.rapport.lti.instruments.Instruments;
import org.rapport.lti.security.Roles;
import org.rapport.lti.web.InvalidRequestException;
import org.rapport.lti.web.MissingException;

/** Cronbach's alpha of a wave, for analytics. Administrators only; small groups are withheld. */
@Path("api/admin/waves/{id: [0-9]+}/reliability")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scoring", description = "Re-scoring and reliability")
public class ReliabilityResource {
  @Inject Reliability reliability;
  @Inject Waves waves;
  @Inject Instruments instruments;

  @GET
  @Operation(
      summary =
          "Cronbach's alpha of the wave's complete responses (total and subscales), for the"
              + " wave's instrument or ?instrument=&version=")
  public Reliability.WaveReliability get(
      @PathParam("id") long id,
      @QueryParam("instrument") String instrument,
      @QueryParam("version") Integer version) {
    Wave wave =
        waves.find(id).orElseThrow(() -> new MissingException("There is no wave " + id + "."));
    InstrumentRef ref = wave.instrument();
    if (instrument != null && version != null) {
      Instrument chosen =
          instruments
              .find(instrument, version)
              .orElseThrow(
                  () ->
                      new MissingException(
                          instrument + " version " + version + " is not installed."));
      if (chosen.isRatingForm()) {
        throw new InvalidRequestException(
            List.of(
                "instrument: "
                    + chosen.ref()
                    + " is a rating form; a wave's reliability is computed with a"
                    + " self-assessment instrument."));
      }
      ref = chosen.ref();
    }
    return reliability.of(id, ref);
  }
}
