package org.rapport.lti.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rapport.lti.testdata.TestClock;

class SignInThrottleTest {
  private final TestClock clock = new TestClock(Instant.parse("2026-03-02T08:00:00Z"));
  private final SignInThrottle throttle = new SignInThrottle(clock);

  @Test
  void fourFailuresAreFreeTheFifthLocksForAMinute() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("account:dean", "address:127.0.0.9");
      assertEquals(Optional.empty(), throttle.retryAfter("account:dean", "address:127.0.0.9"));
    }
    throttle.failed("account:dean", "address:127.0.0.9");
    assertEquals(
        Optional.of(Duration.ofMinutes(1)),
        throttle.retryAfter("account:dean", "address:127.0.0.9"));
    clock.advance(Duration.ofSeconds(59));
    assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.retryAfter("account:dean"));
    clock.advance(Duration.ofSeconds(1));
    assertEquals(Optional.empty(), throttle.retryAfter("account:dean"));
  }

  @Test
  void everyFurtherFailureDoublesTheLockUpToAnHour() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("account:dean");
    }
    assertEquals(Optional.of(Duration.ofMinutes(1)), throttle.retryAfter("account:dean"));
    clock.advance(Duration.ofMinutes(1));
    throttle.failed("account:dean");
    assertEquals(Optional.of(Duration.ofMinutes(2)), throttle.retryAfter("account:dean"));
    clock.advance(Duration.ofMinutes(2));
    throttle.failed("account:dean");
    assertEquals(Optional.of(Duration.ofMinutes(4)), throttle.retryAfter("account:dean"));
    // The window keeps counting only failures of the last 15 minutes; within it the lock grows.
    for (int i = 0; i < 10; i++) {
      throttle.failed("account:dean");
    }
    assertEquals(Optional.of(Duration.ofHours(1)), throttle.retryAfter("account:dean"));
  }

  @Test
  void failuresOlderThanTheWindowAreForgotten() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("address:127.0.0.9");
    }
    clock.advance(Duration.ofMinutes(15).plusSeconds(1));
    throttle.failed("address:127.0.0.9");
    assertEquals(Optional.empty(), throttle.retryAfter("address:127.0.0.9"));
  }

  @Test
  void theAddressLockHoldsForEveryAccountAndASuccessClearsOnlyTheAccount() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("account:user" + i, "address:127.0.0.9");
    }
    assertTrue(throttle.retryAfter("account:someone-else", "address:127.0.0.9").isPresent());
    assertEquals(
        Optional.empty(), throttle.retryAfter("account:someone-else", "address:127.0.0.8"));
    for (int i = 0; i < 5; i++) {
      throttle.failed("account:dean", "address:127.0.0.7");
    }
    throttle.succeeded("account:dean");
    assertEquals(Optional.empty(), throttle.retryAfter("account:dean"));
    assertTrue(throttle.retryAfter("address:127.0.0.7").isPresent());
  }
}
