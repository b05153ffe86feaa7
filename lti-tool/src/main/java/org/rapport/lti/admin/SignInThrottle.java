package org.rapport.lti.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing at the administrator sign-in. Failures are counted per key (one key
 * for the account name, one for the client address); from the {@link #FREE_FAILURES}th failure
 * within {@link #WINDOW} on, the key is locked for one minute, doubling with every further failure
 * up to {@link #LONGEST_LOCK}. A locked key is refused without checking the password, so a lock
 * cannot be probed. Kept in memory per node: a restart forgets the counts, which a guesser cannot
 * trigger.
 */
final class SignInThrottle {
  static final int FREE_FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final Duration FIRST_LOCK = Duration.ofMinutes(1);
  static final Duration LONGEST_LOCK = Duration.ofHours(1);

  /** Bounds memory under a spray from many addresses; the oldest keys are forgotten first. */
  private static final int MAX_KEYS = 20_000;

  private final Clock clock;
  private final Map<String, Failures> byKey = new LinkedHashMap<>();

  SignInThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long the caller must wait before any of {@code keys} may try again; empty when free. */
  synchronized Optional<Duration> retryAfter(String... keys) {
    Instant now = clock.instant();
    Duration longest = Duration.ZERO;
    for (String key : keys) {
      Failures failures = byKey.get(key);
      if (failures != null && failures.lockedUntil != null && now.isBefore(failures.lockedUntil)) {
        Duration left = Duration.between(now, failures.lockedUntil);
        if (left.compareTo(longest) > 0) {
          longest = left;
        }
      }
    }
    return longest.isZero() ? Optional.empty() : Optional.of(longest);
  }

  /** Records one failed sign-in against each key. */
  synchronized void failed(String... keys) {
    Instant now = clock.instant();
    for (String key : keys) {
      Failures failures = byKey.remove(key);
      if (failures == null) {
        failures = new Failures();
      }
      byKey.put(key, failures);
      failures.add(now);
    }
    trim();
  }

  /**
   * A successful sign-in clears the account's count (not the address's: one good account must not
   * reset a guesser's count on the others).
   */
  synchronized void succeeded(String accountKey) {
    byKey.remove(accountKey);
  }

  private void trim() {
    Iterator<Map.Entry<String, Failures>> oldest = byKey.entrySet().iterator();
    while (byKey.size() > MAX_KEYS && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
    }
  }

  private static final class Failures {
    private final Deque<Instant> times = new ArrayDeque<>();
    private Instant lockedUntil;

    void add(Instant now) {
      while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
        times.removeFirst();
      }
      times.addLast(now);
      int beyond = times.size() - FREE_FAILURES;
      if (beyond >= 0) {
        Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(beyond, 10));
        lockedUntil = now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
      }
    }
  }
}
