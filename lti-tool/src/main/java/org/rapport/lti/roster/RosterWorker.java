package org.rapport.lti.roster;

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
import org.rapport.lti.persistence.DatabaseOutage;
import org.rapport.lti.persistence.DatabasePause;

/**
 * Refreshes due course rosters every five seconds, a few courses per tick, claimed so that no two
 * nodes refresh the same course. Rosters become due at a launch when stale and daily after each
 * refresh. While the database is out of reach the worker waits ({@link
 * org.rapport.lti.persistence.DatabasePause}); due courses stay due.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RosterWorker {
  private static final Logger LOG = Logger.getLogger(RosterWorker.class.getName());
  static final Duration LEASE = Duration.ofMinutes(15);
  static final int COURSES_PER_TICK = 3;

  @Inject RosterJobs jobs;
  @Inject RosterSync sync;
  @Inject Clock clock;

  private final DatabasePause pause =
      new DatabasePause("Roster refresh", LOG, Duration.ofSeconds(2), Duration.ofSeconds(30));

  private final AtomicBoolean running = new AtomicBoolean();
  private volatile boolean stopping;
  private Thread stopOnShutdown;

  /** Stops between two courses as soon as the JVM starts shutting down. */
  @PostConstruct
  void watchShutdown() {
    stopOnShutdown = new Thread(() -> stopping = true, "rapport-roster-worker-stop");
    try {
      Runtime.getRuntime().addShutdownHook(stopOnShutdown);
    } catch (IllegalStateException | SecurityException e) {
      stopOnShutdown = null;
    }
  }

  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
  void tick() {
    if (stopping || pause.waiting(clock.instant()) || !running.compareAndSet(false, true)) {
      return;
    }
    try {
      String token = UUID.randomUUID().toString();
      List<RosterJob> due = jobs.claim(token, LEASE, COURSES_PER_TICK);
      pause.reached();
      for (RosterJob job : due) {
        if (stopping) {
          jobs.release(job.courseId(), token);
        } else {
          sync.refresh(job, token);
        }
      }
    } catch (RuntimeException e) {
      if (DatabaseOutage.causedBy(e)) {
        pause.unreachable(clock.instant(), e);
        return;
      }
      LOG.log(Level.WARNING, "Roster refresh tick failed; the next tick tries again", e);
    } finally {
      running.set(false);
    }
  }

  @PreDestroy
  void stop() {
    stopping = true;
    if (stopOnShutdown != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(stopOnShutdown);
      } catch (IllegalStateException alreadyShuttingDown) {
        // the hook has run or is running
      }
    }
  }
}
