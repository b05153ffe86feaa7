package org.rapport.lti.grades;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rapport.lti.persistence.DatabaseOutage;
import org.rapport.lti.protocol.ags.LineItem;
import org.rapport.lti.protocol.ags.Score;
import org.rapport.lti.protocol.services.ServiceCallFailed;
import org.rapport.lti.protocol.services.ServiceHttp;
import org.rapport.lti.protocol.services.TokenRequest;
import org.rapport.lti.queue.Backoff;
import org.rapport.lti.services.PlatformServices;

/**
 * Delivers claimed scores (AGS 2.0 §3.4): finds the line item (the link's own, one remembered, one
 * found by {@code resource_link_id}, or a new one), publishes the score, and records the outcome.
 *
 * <p>A transient failure (no answer, 5xx, 408, 429, token endpoint down) counts an attempt and
 * pauses the whole registration: its waiting scores are due again after the {@link Backoff} delay
 * or the platform's {@code Retry-After}, so an LMS that is down gets one probe per delay, not a
 * request per score. A permanent failure (another 4xx, missing scope or configuration) sends the
 * score to the dead-letter list with the reason. A failure of the whole registration (its token
 * endpoint refuses Rapport's assertion, it is disabled or has no token URL) is not the score's
 * fault: the registration is paused like for a transient failure, with the reason on every waiting
 * score, so fixing the registration lets them all through without a resend. Any failure that has
 * lasted {@link #GIVE_UP_AFTER} is dead-lettered.
 *
 * <p>A score in doubt (an earlier post began and its answer was never recorded: Rapport stopped or
 * crashed during the post, or it timed out) may already be in the gradebook. Before posting it
 * again, Rapport reads the learner's result in the column (when the LMS granted {@code
 * result.readonly}) and, when the gradebook already shows the score, records it as delivered
 * without posting: each score reaches the LMS once, across restarts and crashes.
 */
@ApplicationScoped
public class ScoreDelivery {
  @Inject Clock clock;
  private static final Logger LOG = Logger.getLogger(ScoreDelivery.class.getName());
  static final Duration GIVE_UP_AFTER = Duration.ofDays(7);
  private static final int HTTP_OK = 200;

  /**
   * The longest one score can take: a token, a line-item search, a line-item creation and the score
   * post, each within the request timeout.
   */
  static final Duration LONGEST_ATTEMPT =
      ServiceHttp.CONNECT_TIMEOUT.plus(ServiceHttp.REQUEST_TIMEOUT).multipliedBy(4);

  @Inject ScoreOutbox outbox;
  @Inject PlatformServices services;

  private final Backoff backoff =
      new Backoff(Duration.ofSeconds(4), Duration.ofHours(1), new SecureRandom());

  /** A registration whose LMS failed: until when to hold its scores, and failures in a row. */
  private record Pause(Instant until, int failures) {}

  private final Map<Long, Pause> paused = new ConcurrentHashMap<>();

  /**
   * Delivers a claimed batch in order, renewing each score's claim just before its attempt; rows
   * not attempted (registration paused, worker stopping) are released without counting an attempt.
   *
   * @return how many scores were attempted
   */
  public int deliver(List<QueuedScore> batch, String token, BooleanSupplier stopping) {
    Map<Long, GradingLink> links = new HashMap<>();
    int attempted = 0;
    for (QueuedScore score : batch) {
      Instant now = clock.instant();
      if (stopping.getAsBoolean()) {
        outbox.release(score.id(), token, now);
        continue;
      }
      Pause pause = paused.get(score.registrationId());
      if (pause != null && pause.until().isAfter(now)) {
        outbox.release(score.id(), token, pause.until());
        continue;
      }
      if (!outbox.renew(score.id(), token, now, now.plus(LONGEST_ATTEMPT))) {
        continue; // another worker took it over after this batch's lease ran out
      }
      attempted++;
      try {
        GradingLink link = links.computeIfAbsent(score.resourceLinkId(), this::link);
        TokenRequest scopes = services.tokenRequest(score.registrationId(), link.deliveryScopes());
        URI lineItem = lineItem(score, link, scopes);
        Score sent =
            new Score(
                score.userId(),
                score.scoreGiven(),
                score.scoreMaximum(),
                score.activityProgress(),
                score.gradingProgress(),
                score.timestamp());
        if (score.inDoubt() && alreadyInGradebook(scopes, link, lineItem, sent)) {
          outbox.delivered(score.id(), token, HTTP_OK);
          LOG.info(
              () ->
                  "Score "
                      + score.id()
                      + " was already in the LMS gradebook (its earlier post's answer was not"
                      + " recorded); recorded as delivered without posting it again");
        } else {
          outbox.delivered(score.id(), token, services.ags().publish(scopes, lineItem, sent));
        }
        paused.remove(score.registrationId());
      } catch (ServiceCallFailed failure) {
        failed(score, token, failure);
      } catch (RuntimeException unexpected) {
        if (DatabaseOutage.causedBy(unexpected)) {
          // The score stays claimed; its lease brings it back, in doubt, once the database is back.
          throw unexpected;
        }
        LOG.log(Level.WARNING, "Score " + score.id() + " could not be delivered", unexpected);
        failed(
            score,
            token,
            ServiceCallFailed.temporary(
                "Unexpected error in Rapport: " + unexpected.getClass().getSimpleName()));
      }
    }
    return attempted;
  }

  /**
   * Whether the LMS's result for the learner already shows the score (needs result.readonly). An
   * LMS that refuses the read for good gets the score posted again: a repeated post with the same
   * timestamp changes nothing in its gradebook, a lost score would.
   */
  private boolean alreadyInGradebook(
      TokenRequest scopes, GradingLink link, URI lineItem, Score score) {
    if (!link.mayReadResults()) {
      return false;
    }
    try {
      return services
          .ags()
          .result(scopes, lineItem, score.userId())
          .filter(result -> result.shows(score))
          .isPresent();
    } catch (ServiceCallFailed failure) {
      if (!failure.permanent() || failure.isRegistrationWide()) {
        throw failure;
      }
      LOG.info(() -> "Could not check a score in doubt, posting it again: " + failure.reason());
      return false;
    }
  }

  private GradingLink link(long resourceLinkId) {
    return outbox
        .link(resourceLinkId)
        .orElseThrow(
            () -> ServiceCallFailed.permanent("Resource link " + resourceLinkId + " is gone"));
  }

  /**
   * The line item for the score: the link's own (from its launch), else one remembered, else one of
   * the link found by {@code resource_link_id}, {@code resource_id} and {@code tag}, else a new
   * one.
   */
  private URI lineItem(QueuedScore score, GradingLink link, TokenRequest scopes) {
    if (link.lineItem() != null) {
      return link.lineItem();
    }
    Optional<URI> known = outbox.knownLineItem(link.id(), score.resourceId(), score.tag());
    if (known.isPresent()) {
      return known.get();
    }
    if (link.lineItems() == null) {
      throw ServiceCallFailed.permanent(
          "The LMS gave resource link "
              + link.linkId()
              + " neither a line item nor a line-items URL; enable grades (AGS) for Rapport in"
              + " the LMS, launch the link once, and resend");
    }
    if (!link.mayReadLineItems()) {
      throw ServiceCallFailed.permanent(
          "The LMS did not grant a line-item scope for resource link "
              + link.linkId()
              + ", so Rapport cannot find or create its gradebook column");
    }
    List<LineItem> found =
        services
            .ags()
            .find(scopes, link.lineItems(), link.linkId(), score.resourceId(), score.tag());
    LineItem item;
    if (!found.isEmpty()) {
      item = found.get(0);
    } else if (link.mayCreateLineItems()) {
      item =
          services
              .ags()
              .create(
                  scopes,
                  link.lineItems(),
                  new LineItem(
                      null,
                      score.label(),
                      score.scoreMaximum() == null ? 1 : score.scoreMaximum(),
                      link.linkId(),
                      score.resourceId(),
                      score.tag()));
    } else {
      throw ServiceCallFailed.permanent(
          "Resource link "
              + link.linkId()
              + " has no gradebook column for "
              + score.resourceId()
              + " and the LMS granted only lineitem.readonly, so Rapport cannot create one");
    }
    return outbox.rememberLineItem(link.id(), score.resourceId(), score.tag(), item.id());
  }

  private void failed(QueuedScore score, String token, ServiceCallFailed failure) {
    Instant now = clock.instant();
    if (failure.permanent() && !failure.isRegistrationWide()) {
      if (failure.status() == 404) {
        outbox.forgetLineItem(score.resourceLinkId(), score.resourceId(), score.tag());
      }
      outbox.deadLetter(score.id(), token, failure.status(), failure.reason());
      LOG.warning(() -> "Score " + score.id() + " dead-lettered: " + failure.reason());
      return;
    }
    if (score.createdAt().isBefore(now.minus(GIVE_UP_AFTER))) {
      outbox.deadLetter(
          score.id(),
          token,
          failure.status(),
          "Gave up after "
              + GIVE_UP_AFTER.toDays()
              + " days of retrying. Last: "
              + failure.reason());
      return;
    }
    // Only failures the LMS did not schedule itself (no Retry-After) lengthen the backoff.
    Pause before = paused.get(score.registrationId());
    int failures =
        (before == null ? 0 : before.failures()) + (failure.retryAfter().isPresent() ? 0 : 1);
    Instant next = backoff.next(now, Math.max(1, failures), failure.retryAfter());
    outbox.retryLater(score.id(), token, next, failure.status(), failure.reason());
    paused.put(score.registrationId(), new Pause(next, failures));
    outbox.pause(score.registrationId(), next);
    LOG.info(
        () ->
            "LMS of registration "
                + score.registrationId()
                + " unavailable ("
                + failure.reason()
                + "); its scores wait until "
                + next);
  }
}
