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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.rapport.lti.persistence.RapportDataSource;

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
