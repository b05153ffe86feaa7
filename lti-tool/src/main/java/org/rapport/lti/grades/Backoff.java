package org.rapport.lti.grades;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try again after a transient failure: the platform's {@code Retry-After} when it sent one
 * (never earlier, at most {@link #MAX_RETRY_AFTER}), otherwise exponential backoff from {@code
 * base}, doubling per failed attempt up to {@code cap}, with "equal jitter" (half fixed, half
 * random) so that many waiting scores and nodes do not come back at the same instant.
 */
final class Backoff {
  static final Duration MAX_RETRY_AFTER = Duration.ofHours(6);

  private final Duration base;
  private final Duration cap;
  private final RandomGenerator random;

  Backoff(Duration base, Duration cap, RandomGenerator random) {
    this.base = base;
    this.cap = cap;
    this.random = random;
  }

  /**
   * @param failures how many attempts have failed in a row, this one included (1 or more)
   */
  Instant next(Instant now, int failures, Optional<Duration> retryAfter) {
    if (retryAfter.isPresent()) {
      Duration wait = min(retryAfter.get(), MAX_RETRY_AFTER);
      long spreadMillis = Math.min(wait.toMillis() / 10, 30_000);
      return now.plus(wait).plusMillis(spreadMillis <= 0 ? 0 : random.nextLong(spreadMillis + 1));
    }
    Duration exponential = exponential(failures);
    long half = exponential.toMillis() / 2;
    return now.plusMillis(half + (half <= 0 ? 0 : random.nextLong(half + 1)));
  }

  /** {@code base × 2^(failures - 1)}, at most {@code cap}. */
  Duration exponential(int failures) {
    int doublings = Math.max(0, Math.min(failures - 1, 30));
    Duration wait = base.multipliedBy(1L << doublings);
    return min(wait, cap);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
