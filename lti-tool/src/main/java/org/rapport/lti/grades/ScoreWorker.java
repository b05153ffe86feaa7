package org.rapport.lti.grades;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rapport.lti.cluster.ScheduledRuns;
import org.rapport.lti.persistence.DatabaseOutage;
import org.rapport.lti.persistence.DatabasePause;

/**
 * Delivers the score outbox every two seconds: claims due scores in small batches and delivers
 * them, until none is due or the tick's time is used. A score's claim is renewed just before it is
 * posted, so a lease never runs out during a post, and a score whose claim another worker took over
 * is skipped. Ticks never overlap on a node; several nodes share the work through the claims. On
 * shutdown it stops between two scores and gives back what it had claimed, so a restart loses no
 * score; if the process ends before the score being posted is recorded, that score stays claimed
 * until its lease runs out and is then in doubt: {@link ScoreDelivery} checks the LMS's gradebook
 * before posting it again. While the database is out of reach the worker waits ({@link
 * org.rapport.lti.persistence.DatabasePause}) and the queued scores wait with it.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScoreWorker {
  private static final Logger LOG = Logger.getLogger(ScoreWorker.class.getName());
  static final int BATCH = 20;

  /**
   * How long a batch stays claimed before its first attempt; each score's claim is renewed for
   * {@link ScoreDelivery#LONGEST_ATTEMPT} just before it is posted. After a crash, unsent claims
   * come back within this time.
   */
  static final Duration LEASE = Duration.ofSeconds(60);

  /** How long delivered and superseded scores stay listed for administrators. */
  static final Duration KEEP_DELIVERED = Duration.ofDays(60);

  /** A tick ends after this, so that an undeployment never waits long for it. */
  static final Duration TICK_BUDGET = Duration.ofSeconds(10);

  @Inject ScoreOutbox outbox;
  @Inject ScoreDelivery delivery;
  @Inject ScheduledRuns runs;
  @Inject Clock clock;

  private final DatabasePause pause =
      new DatabasePause("Score outbox", LOG, Duration.ofSeconds(2), Duration.ofSeconds(30));

  private final AtomicBoolean running = new AtomicBoolean();
  private volatile boolean stopping;
  private Thread stopOnShutdown;

  /**
   * Stops between two scores as soon as the JVM starts shutting down (SIGTERM), and holds this
   * shutdown hook until the score being posted is recorded and the rest of the batch given back.
   * Payara's own shutdown runs at the same time and can close the database first; the lease then
   * brings the unrecorded score back after the restart, in doubt.
   */
  @PostConstruct
  void watchShutdown() {
    stopOnShutdown = new Thread(this::stopAndWait, "rapport-score-worker-stop");
    try {
      Runtime.getRuntime().addShutdownHook(stopOnShutdown);
    } catch (IllegalStateException | SecurityException e) {
      stopOnShutdown = null;
    }
  }

  @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
  void tick() {
    if (stopping || pause.waiting(clock.instant()) || !running.compareAndSet(false, true)) {
      return;
    }
    try {
      // Elapsed time on the monotonic timer: the budget is real time, whatever the clock says.
      long end = System.nanoTime() + TICK_BUDGET.toNanos();
      while (!stopping && System.nanoTime() - end < 0) {
        String token = UUID.randomUUID().toString();
        List<QueuedScore> batch = outbox.claim(token, LEASE, BATCH);
        pause.reached();
        if (batch.isEmpty() || delivery.deliver(batch, token, () -> stopping) == 0) {
          break;
        }
      }
    } catch (RuntimeException e) {
      if (DatabaseOutage.causedBy(e)) {
        pause.unreachable(clock.instant(), e);
      } else {
        LOG.log(Level.WARNING, "Score delivery tick failed; the next tick tries again", e);
      }
    } finally {
      running.set(false);
    }
  }

  /**
   * Keeps the outbox small: delivered and superseded scores leave after {@link #KEEP_DELIVERED};
   * queued and dead-lettered ones stay until delivered or resent. One node per hour does it.
   */
  @Schedule(minute = "17", hour = "*", persistent = false)
  void purge() {
    if (!runs.claim(
        "score-outbox-purge", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.HOURS))) {
      return;
    }
    try {
      int purged = outbox.purge(clock.instant().minus(KEEP_DELIVERED));
      if (purged > 0) {
        LOG.info(() -> "Removed " + purged + " delivered or superseded scores from the outbox");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not purge the score outbox", e);
    }
  }

  @PreDestroy
  void stop() {
    if (stopOnShutdown != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(stopOnShutdown);
      } catch (IllegalStateException alreadyShuttingDown) {
        // the hook has run or is running
      }
    }
    stopAndWait();
  }

  private void stopAndWait() {
    stopping = true;
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (running.get() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
  }
}
