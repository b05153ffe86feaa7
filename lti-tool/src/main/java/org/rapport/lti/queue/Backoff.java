package org.rapport.lti.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try again after a transient failure: the other side's {@code Retry-After} when it sent
 * one (never earlier, at most {@link #MAX_RETRY_AFTER}), otherwise exponential backoff from {@code
 * base}, doubling per failed attempt up to {@code cap}, with "equal jitter" (half fixed, half
 * random) so that many waiting jobs and nodes do not come back at the same instant. The one backoff
 * of every {@link LeasedQueue} user: scores, roster refreshes, mail and wave closings.
 */
public final class Backoff {
  public static final Duration MAX_RETRY_AFTER = Duration.ofHours(6);

  private final Duration base;
  private final Duration cap;
  private final RandomGenerator random;

  public Backoff(Duration base, Duration cap, RandomGenerator random) {
    if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
      throw new IllegalArgumentException("Backoff needs 0 < base <= cap, got " + base + ", " + cap);
    }
    this.base = base;
    this.cap = cap;
    this.random = random;
  }

  /** From {@code base} to {@code cap} with a random generator of its own. */
  public static Backoff between(Duration base, Duration cap) {
    return new Backoff(base, cap, RandomGenerator.getDefault());
  }

  /**
   * @param failures how many attempts have failed in a row, this one included (1 or more)
   */
  public Instant next(Instant now, int failures, Optional<Duration> retryAfter) {
    if (retryAfter.isPresent()) {
      Duration wait = min(retryAfter.get(), MAX_RETRY_AFTER);
      long spreadMillis = Math.min(wait.toMillis() / 10, 30_000);
      return now.plus(wait).plusMillis(spreadMillis <= 0 ? 0 : random.nextLong(spreadMillis + 1));
    }
    Duration exponential = exponential(failures);
    long half = exponential.toMillis() / 2;
    return now.plusMillis(half + (half <= 0 ? 0 : random.nextLong(half + 1)));
  }

  /** The next attempt after {@code failures} failures in a row when nobody asked for a wait. */
  public Instant next(Instant now, int failures) {
    return next(now, failures, Optional.empty());
  }

  /** {@code base × 2^(failures - 1)}, at most {@code cap}. */
  public Duration exponential(int failures) {
    int doublings = Math.max(0, Math.min(failures - 1, 30));
    Duration wait = base.multipliedBy(1L << doublings);
    return min(wait, cap);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
