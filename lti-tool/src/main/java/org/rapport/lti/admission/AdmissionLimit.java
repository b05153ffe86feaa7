package org.rapport.lti.admission;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code permits} requests at work at once, first come first served; at most {@code queue}
 * more wait, each for at most {@code maxWaitMillis}. A request beyond that is refused at once.
 * Thread-safe: one instance serves every request thread.
 */
public final class AdmissionLimit {
  private final Semaphore permits;
  private final int queue;
  private final long maxWaitMillis;
  private final AtomicInteger waiting = new AtomicInteger();

  public AdmissionLimit(int permits, int queue, long maxWaitMillis) {
    if (permits < 1 || queue < 0 || maxWaitMillis < 0) {
      throw new IllegalArgumentException(
          "Admission limit needs at least 1 permit, a queue and a wait of at least 0");
    }
    this.permits = new Semaphore(permits, true);
    this.queue = queue;
    this.maxWaitMillis = maxWaitMillis;
  }

  /**
   * Takes a permit, waiting in the bounded queue when all are taken.
   *
   * @return whether the request may go on; when true, {@link #release()} must follow
   */
  public boolean enter() throws InterruptedException {
    if (permits.tryAcquire()) {
      return true;
    }
    if (waiting.incrementAndGet() > queue) {
      waiting.decrementAndGet();
      return false;
    }
    try {
      return permits.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS);
    } finally {
      waiting.decrementAndGet();
    }
  }

  public void release() {
    permits.release();
  }

  /** Requests waiting for a permit now. */
  int waiting() {
    return waiting.get();
  }
}
