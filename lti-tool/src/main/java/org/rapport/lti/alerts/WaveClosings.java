package org.rapport.lti.alerts;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.rapport.lti.persistence.RapportDataSource;
import org.rapport.lti.queue.Backoff;
import org.rapport.lti.settings.RapportSettings;

/**
 * Notices waves that have closed (their closing day is over in the assessment time zone) and
 * evaluates their tenants' cohorts as soon as a wave's results are final instead of at the next
 * hourly run. Each closing becomes a job of the {@link WaveClosingQueue} (noticed once, however
 * many nodes look; a wave whose window is moved and closes again is noticed again); the jobs are
 * claimed with a lease, one evaluation per tenant for all its due closings, retried with {@link
 * Backoff} when the evaluation fails and dead-lettered after {@link #MAX_ATTEMPTS}.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WaveClosings {
  private static final Logger LOG = Logger.getLogger(WaveClosings.class.getName());
  static final Duration LEASE = Duration.ofMinutes(10);
  static final int BATCH = 50;
  static final int MAX_ATTEMPTS = 8;

  @Resource(lookup = RapportDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject RapportSettings settings;
  @Inject AlertEvaluation evaluation;
  @Inject Clock clock;

  private final Backoff backoff = Backoff.between(Duration.ofSeconds(20), Duration.ofHours(1));
  private final AtomicBoolean running = new AtomicBoolean();

  @Schedule(second = "*/20", minute = "*", hour = "*", persistent = false)
  void check() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      WaveClosingQueue.notice(c, settings.today(), clock.instant());
      evaluateDue(c);
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not check for closed waves; the next check tries again", e);
    } finally {
      running.set(false);
    }
  }

  /** Claims the due closings and evaluates each tenant that has any, once for all of them. */
  private void evaluateDue(Connection c) throws SQLException {
    String token = UUID.randomUUID().toString();
    Map<Long, List<WaveClosingQueue.Closing>> byTenant = new TreeMap<>();
    for (WaveClosingQueue.Closing closing :
        WaveClosingQueue.claim(c, token, clock.instant(), LEASE, BATCH)) {
      byTenant
          .computeIfAbsent(closing.registrationId(), t -> new java.util.ArrayList<>())
          .add(closing);
    }
    for (Map.Entry<Long, List<WaveClosingQueue.Closing>> tenant : byTenant.entrySet()) {
      List<WaveClosingQueue.Closing> closings = tenant.getValue();
      try {
        evaluation.evaluate(tenant.getKey(), WaveClosingQueue.reason(closings));
        for (WaveClosingQueue.Closing closing : closings) {
          WaveClosingQueue.evaluated(c, closing.id(), token, clock.instant());
        }
      } catch (SQLException | RuntimeException e) {
        failed(c, token, tenant.getKey(), closings, e);
      }
    }
  }

  private void failed(
      Connection c, String token, long tenant, List<WaveClosingQueue.Closing> closings, Exception e)
      throws SQLException {
    LOG.log(
        Level.WARNING, "Alert evaluation of tenant " + tenant + " after a wave closed failed", e);
    String error = e.getClass().getSimpleName() + ": " + e.getMessage();
    for (WaveClosingQueue.Closing closing : closings) {
      int failures = closing.attempts() + 1;
      if (failures >= MAX_ATTEMPTS) {
        WaveClosingQueue.QUEUE.deadLetter(c, closing.id(), token, error, clock.instant());
      } else {
        WaveClosingQueue.QUEUE.retryLater(
            c, closing.id(), token, backoff.next(clock.instant(), failures), error);
      }
    }
  }
}
