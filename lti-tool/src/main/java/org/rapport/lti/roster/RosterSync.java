package org.rapport.lti.roster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rapport.lti.protocol.claims.NrpsEndpoint;
import org.rapport.lti.protocol.nrps.NrpsClient;
import org.rapport.lti.protocol.services.ServiceCallFailed;
import org.rapport.lti.protocol.services.TokenRequest;
import org.rapport.lti.queue.Backoff;
import org.rapport.lti.services.PlatformServices;

/**
 * Refreshes one course roster: a token for the membership scope (granted with the NRPS claim),
 * every page of the membership, then the members stored in one transaction. A transient failure is
 * retried with exponential backoff (or after {@code Retry-After}); a permanent one waits for the
 * next daily refresh. Either way nothing is changed by a failed refresh.
 */
@ApplicationScoped
public class RosterSync {
  private static final Logger LOG = Logger.getLogger(RosterSync.class.getName());
  private final Backoff backoff = Backoff.between(Duration.ofSeconds(30), Duration.ofHours(6));

  @Inject PlatformServices services;
  @Inject RosterJobs jobs;
  @Inject RosterMembers members;
  @Inject Clock clock;

  public void refresh(RosterJob job, String token) {
    try {
      TokenRequest scopes =
          services.tokenRequest(
              job.registrationId(), Set.of(NrpsEndpoint.SCOPE_MEMBERSHIP_READONLY));
      NrpsClient.Roster roster = services.nrps().fetch(scopes, job.membershipsUrl());
      RosterMembers.Counts counts =
          members.store(job.courseId(), job.registrationId(), roster.members());
      jobs.succeeded(job.courseId(), token, counts.active(), counts.inactive());
      LOG.info(
          () ->
              "Roster of course "
                  + job.courseId()
                  + " refreshed: "
                  + roster.members().size()
                  + " members on "
                  + roster.pages()
                  + " pages; "
                  + counts.active()
                  + " active, "
                  + counts.inactive()
                  + " inactive");
    } catch (ServiceCallFailed failure) {
      Instant next = next(job, failure);
      jobs.failed(job.courseId(), token, next, failure.reason());
      LOG.warning(
          () ->
              "Roster of course "
                  + job.courseId()
                  + " not refreshed: "
                  + failure.reason()
                  + "; next try "
                  + next);
    } catch (RuntimeException unexpected) {
      LOG.log(Level.WARNING, "Roster of course " + job.courseId() + " not refreshed", unexpected);
      jobs.failed(
          job.courseId(),
          token,
          backoff.next(clock.instant(), job.attempts() + 1),
          "Unexpected error in Rapport: " + unexpected.getClass().getSimpleName());
    }
  }

  private Instant next(RosterJob job, ServiceCallFailed failure) {
    Instant now = clock.instant();
    if (failure.permanent()) {
      return now.plus(RosterStore.STALE_AFTER);
    }
    return backoff.next(now, job.attempts() + 1, failure.retryAfter());
  }
}
