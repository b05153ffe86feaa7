package org.rapport.lti.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff =
      new Backoff(Duration.ofSeconds(4), Duration.ofHours(1), new Random(1));
  private final Instant now = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void doublesWithJitterUpToTheCap() {
    for (int failures = 1; failures <= 20; failures++) {
      Duration full = backoff.exponential(failures);
      Duration wait = Duration.between(now, backoff.next(now, failures, Optional.empty()));
      assertTrue(wait.compareTo(full.dividedBy(2)) >= 0 && wait.compareTo(full) <= 0, "" + wait);
    }
    assertEquals(Duration.ofSeconds(4), backoff.exponential(1));
    assertEquals(Duration.ofSeconds(32), backoff.exponential(4));
    assertEquals(Duration.ofHours(1), backoff.exponential(15));
  }

  @Test
  void neverEarlierThanRetryAfter() {
    for (int i = 0; i < 50; i++) {
      Duration wait =
          Duration.between(now, backoff.next(now, 1, Optional.of(Duration.ofSeconds(120))));
      assertTrue(wait.compareTo(Duration.ofSeconds(120)) >= 0, "" + wait);
      assertTrue(wait.compareTo(Duration.ofSeconds(132)) <= 0, "" + wait);
    }
    assertEquals(
        now.plus(Backoff.MAX_RETRY_AFTER).getEpochSecond() / 60,
        backoff.next(now, 1, Optional.of(Duration.ofDays(3))).getEpochSecond() / 60);
  }
}
