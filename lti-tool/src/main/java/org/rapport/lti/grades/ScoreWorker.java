package org.rapport.lti.grades;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the score outbox every two seconds: claims due scores in small batches and delivers
 * them, until none is due or the tick's time is used. No score is started later than its lease
 * allows for the longest attempt, so a lease never runs out during a post. Ticks never overlap on a
 * node; several nodes share the work through the claims. On shutdown it stops between two scores
 * and gives back what it had claimed, so a restart neither loses nor repeats a score.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScoreWorker {
  private static final Logger LOG = Logger.getLogger(ScoreWorker.class.getName());
  static final int BATCH = 20;
  static final Duration LEASE = Duration.ofMinutes(4);
  static final Duration TICK_BUDGET = Duration.ofSeconds(30);

  @Inject ScoreOutbox outbox;
  @Inject ScoreDelivery delivery;

  private final AtomicBoolean running = new AtomicBoolean();
  private volatile boolean stopping;

  @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
  void tick() {
    if (stopping || !running.compareAndSet(false, true)) {
      return;
    }
    try {
      Instant end = Instant.now().plus(TICK_BUDGET);
      while (!stopping && Instant.now().isBefore(end)) {
        String token = UUID.randomUUID().toString();
        Instant lastStart = Instant.now().plus(LEASE).minus(ScoreDelivery.LONGEST_ATTEMPT);
        List<QueuedScore> batch = outbox.claim(token, LEASE, BATCH);
        if (batch.isEmpty()
            || delivery.deliver(batch, token, () -> stopping || Instant.now().isAfter(lastStart))
                == 0) {
          break;
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Score delivery tick failed; the next tick tries again", e);
    } finally {
      running.set(false);
    }
  }

  @PreDestroy
  void stop() {
    stopping = true;
    long deadline = System.nanoTime() + Duration.ofSeconds(25).toNanos();
    while (running.get() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    LOG.info(
        running.get()
            ? "Score worker stopping while a delivery is still running; its claims expire"
            : "Score worker stopped between two scores; unsent claims were given back");
  }
}
