package org.rapport.lti.grades;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.rapport.lti.activities.Activity;
import org.rapport.lti.persistence.InsertIfAbsent;
import org.rapport.lti.persistence.RapportDataSource;
import org.rapport.lti.protocol.ags.Score;
import org.rapport.lti.protocol.claims.AgsEndpoint;

/**
 * The durable score outbox, in transactions: queuing joins the caller's transaction (a completion
 * and its scores commit together or not at all); each step of delivery commits on its own, so a
 * crash loses at most the lease on a few claimed rows, never a score.
 */
@ApplicationScoped
public class ScoreOutbox {
  @Inject Clock clock;

  @Resource(lookup = RapportDataSource.JNDI_NAME)
  DataSource dataSource;

  @jakarta.inject.Inject org.rapport.lti.cluster.NodeName node;

  @Inject InsertIfAbsent inserts;

  private final GradingLinksStore links = new GradingLinksStore();
  private final ScoreOutboxStore store = new ScoreOutboxStore();

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection connection, ScoreOutboxStore store) throws SQLException;
  }

  private <T> T jdbc(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection, store);
    } catch (SQLException e) {
      throw new IllegalStateException("Score outbox: " + e.getMessage(), e);
    }
  }

  @Transactional
  public long queue(NewScore score) {
    return jdbc((c, s) -> s.enqueue(c, score, clock.instant()));
  }

  @Transactional
  public List<GradingLink> linksTo(long registrationId, long courseId, String page) {
    return jdbc((c, s) -> links.linksTo(c, registrationId, courseId, page));
  }

  /**
   * Queues, once per link and line item, the completions of the course's learners who finished the
   * module the link opens before it could receive scores: the first launch of a link with the score
   * scope does it; later launches, here or on another node at the same moment, find the row that
   * says it was done ({@code completion_backfill}, inserted if absent) and queue nothing. Learners
   * with a score for the link already are left out. Commits on its own, after the launch.
   *
   * @param activityOfPage the activity a Rapport page opens
   * @return how many completions were queued
   */
  @Transactional(TxType.REQUIRES_NEW)
  public int queueEarlyFinishers(
      long registrationId,
      long courseId,
      String lmsLinkId,
      Function<String, Optional<Activity>> activityOfPage) {
    Optional<GradingLinksStore.TargetedLink> found =
        jdbc((c, s) -> links.linkOfCourse(c, registrationId, courseId, lmsLinkId));
    if (found.isEmpty()
        || !found.get().link().scopes().contains(AgsEndpoint.SCOPE_SCORE)
        || found.get().target() == null) {
      return 0;
    }
    GradingLink link = found.get().link();
    Optional<Activity> opened = activityOfPage.apply(found.get().target());
    if (opened.isEmpty() || opened.get().isSelfAssessment()) {
      return 0;
    }
    Activity activity = opened.get();
    Instant now = clock.instant();
    LinkedHashMap<String, Object> row = new LinkedHashMap<>();
    row.put("resource_link_id", link.id());
    row.put("resource_id", activity.resourceId());
    row.put("tag", Activity.COMPLETION_TAG);
    row.put("created_at", ScoreOutboxStore.utc(now));
    if (!inserts.insert(
        "completion_backfill",
        row,
        List.of("resource_link_id", "resource_id", "tag"),
        registrationId)) {
      return 0;
    }
    return jdbc(
        (c, s) -> {
          List<GradingLinksStore.Finisher> finishers =
              links.finishersWithoutScore(
                  c,
                  registrationId,
                  courseId,
                  activity.resourceId(),
                  link.id(),
                  activity.resourceId(),
                  Activity.COMPLETION_TAG);
          for (GradingLinksStore.Finisher finisher : finishers) {
            s.enqueue(
                c,
                new NewScore(
                    registrationId,
                    link.id(),
                    finisher.learnerId(),
                    activity.resourceId(),
                    Activity.COMPLETION_TAG,
                    activity.title(),
                    1.0,
                    1.0,
                    Score.COMPLETED,
                    Score.FULLY_GRADED,
                    finisher.completedAt()),
                now);
          }
          return finishers.size();
        });
  }

  @Transactional(TxType.REQUIRES_NEW)
  public List<QueuedScore> claim(String token, Duration lease, int limit) {
    return jdbc((c, s) -> s.claim(c, token, clock.instant(), lease, limit));
  }

  @Transactional(TxType.REQUIRES_NEW)
  public boolean renew(long id, String token, Instant now, Instant until) {
    return jdbc((c, s) -> s.renew(c, id, token, now, until));
  }

  @Transactional(TxType.REQUIRES_NEW)
  public boolean delivered(long id, String token, int status) {
    return jdbc((c, s) -> s.delivered(c, id, token, node.get(), status, clock.instant()));
  }

  @Transactional(TxType.REQUIRES_NEW)
  public boolean retryLater(long id, String token, Instant next, int status, String reason) {
    return jdbc((c, s) -> s.retryLater(c, id, token, next, status, reason));
  }

  @Transactional(TxType.REQUIRES_NEW)
  public boolean deadLetter(long id, String token, int status, String reason) {
    return jdbc((c, s) -> s.deadLetter(c, id, token, status, reason));
  }

  @Transactional(TxType.REQUIRES_NEW)
  public boolean release(long id, String token, Instant next) {
    return jdbc((c, s) -> s.release(c, id, token, next));
  }

  @Transactional(TxType.REQUIRES_NEW)
  public int pause(long registrationId, Instant until) {
    return jdbc((c, s) -> s.pause(c, registrationId, until, clock.instant()));
  }

  @Transactional(TxType.REQUIRES_NEW)
  public int purge(Instant before) {
    return jdbc((c, s) -> s.purge(c, before));
  }

  @Transactional
  public boolean resend(long id) {
    return jdbc((c, s) -> s.resend(c, id, clock.instant()));
  }

  @Transactional
  public int resendAll(long registrationId) {
    return jdbc((c, s) -> s.resendAll(c, registrationId, clock.instant()));
  }

  @Transactional
  public long registrationOf(long id) {
    return jdbc((c, s) -> s.registrationOf(c, id));
  }

  @Transactional
  public Map<ScoreStatus, Long> counts(long registrationId) {
    return jdbc((c, s) -> s.counts(c, registrationId));
  }

  @Transactional
  public List<ScoreView> list(long registrationId, ScoreStatus status, int limit) {
    return jdbc((c, s) -> s.list(c, registrationId, status, limit));
  }

  @Transactional(TxType.REQUIRES_NEW)
  public Optional<GradingLink> link(long resourceLinkId) {
    return jdbc((c, s) -> links.link(c, resourceLinkId));
  }

  @Transactional(TxType.REQUIRES_NEW)
  public Optional<URI> knownLineItem(long resourceLinkId, String resourceId, String tag) {
    return jdbc((c, s) -> links.lineItem(c, resourceLinkId, resourceId, tag));
  }

  /** Remembers a line item; when another worker was faster, keeps (and answers) the first one. */
  @Transactional(TxType.REQUIRES_NEW)
  public URI rememberLineItem(long resourceLinkId, String resourceId, String tag, URI url) {
    return jdbc(
        (c, s) -> {
          Optional<URI> known = links.lineItem(c, resourceLinkId, resourceId, tag);
          if (known.isPresent()) {
            return known.get();
          }
          links.remember(c, resourceLinkId, resourceId, tag, url, clock.instant());
          return url;
        });
  }

  @Transactional(TxType.REQUIRES_NEW)
  public void forgetLineItem(long resourceLinkId, String resourceId, String tag) {
    jdbc(
        (c, s) -> {
          links.forget(c, resourceLinkId, resourceId, tag);
          return null;
        });
  }
}
