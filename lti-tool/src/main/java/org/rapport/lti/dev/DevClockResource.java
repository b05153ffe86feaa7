package org.rapport.lti.dev;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.settings.SystemClock;

/**
 * Development mode's clock hand: {@code POST /dev/clock} with {@code seconds=N} moves Rapport's
 * clock N seconds forward (leases run out, retries fall due, sessions expire without waiting);
 * {@code DELETE /dev/clock} puts it back in step with the system clock; {@code GET} tells the time
 * Rapport sees. Answers 404 unless development mode is on ({@link DevelopmentModeFilter}).
 */
@PermitAll
@Path("dev/clock")
@DevelopmentOnly
public class DevClockResource {
  /** The largest single move: a day, enough for any lease, retry or session. */
  static final long MAX_SECONDS = 86_400;

  @Inject SystemClock systemClock;
  @Inject Clock clock;

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(hidden = true)
  public String now() {
    return clock.instant().toString();
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(hidden = true)
  public String advance(@FormParam("seconds") String seconds) {
    long by;
    try {
      by = Long.parseLong(seconds == null ? "" : seconds.strip());
    } catch (NumberFormatException e) {
      throw new BadRequestException("Send seconds=N, a whole number of seconds to move forward.");
    }
    if (by < 1 || by > MAX_SECONDS) {
      throw new BadRequestException(
          "seconds must be between 1 and " + MAX_SECONDS + ", not " + by + ".");
    }
    systemClock.advance(Duration.ofSeconds(by));
    return clock.instant().toString();
  }

  @DELETE
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(hidden = true)
  public String reset() {
    systemClock.reset();
    return clock.instant().toString();
  }
}
