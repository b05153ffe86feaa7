package org.rapport.lti.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * A background worker's wait while the database is out of reach: after the first failed tick the
 * worker skips ticks for {@code first}, doubling per failed tick up to {@code longest}, and logs
 * one line per failed attempt and one when the database answers again (no stack trace). Work in the
 * database keeps its state (queued rows, claims with leases) and is picked up on the first tick
 * after the outage.
 */
public final class DatabasePause {
  private final String worker;
  private final Logger log;
  private final Duration first;
  private final Duration longest;
  private Instant until = Instant.MIN;
  private int failures;

  public DatabasePause(String worker, Logger log, Duration first, Duration longest) {
    this.worker = worker;
    this.log = log;
    this.first = first;
    this.longest = longest;
  }

  /** Whether the worker should skip this tick because the database was out of reach just now. */
  public synchronized boolean waiting(Instant now) {
    return now.isBefore(until);
  }

  /** Records a tick that failed because the database could not be reached. */
  public synchronized void unreachable(Instant now, Throwable cause) {
    failures++;
    Duration wait = first.multipliedBy(1L << Math.min(failures - 1, 20));
    if (wait.compareTo(longest) > 0) {
      wait = longest;
    }
    until = now.plus(wait);
    long seconds = wait.toSeconds();
    int attempt = failures;
    log.warning(
        () ->
            worker
                + ": the database cannot be reached ("
                + cause.getClass().getSimpleName()
                + ", attempt "
                + attempt
                + "); its work stays queued, next attempt in "
                + seconds
                + " s");
  }

  /** Records a tick that reached the database. */
  public synchronized void reached() {
    if (failures > 0) {
      int missed = failures;
      log.info(
          () ->
              worker
                  + ": the database answers again after "
                  + missed
                  + " failed attempts; resuming the queued work");
    }
    failures = 0;
    until = Instant.MIN;
  }

  /** Failed ticks in a row (0 while the database answers). */
  public synchronized int failures() {
    return failures;
  }
}
