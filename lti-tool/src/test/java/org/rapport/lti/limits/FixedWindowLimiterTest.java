package org.rapport.lti.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.rapport.lti.protocol.testdata.MutableClock;

class FixedWindowLimiterTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final FixedWindowLimiter limiter = new FixedWindowLimiter(clock);

  @Test
  void theEventAfterTheBudgetIsRefusedUntilTheWindowEnds() {
    for (int i = 0; i < 5; i++) {
      assertEquals(OptionalLong.empty(), limiter.take("login 10.1.1.1", 5), "event " + i);
    }
    clock.advance(Duration.ofSeconds(20));
    assertEquals(OptionalLong.of(40), limiter.take("login 10.1.1.1", 5));
    assertEquals(OptionalLong.empty(), limiter.take("login 10.1.1.2", 5), "keys are separate");

    clock.advance(Duration.ofSeconds(40));
    assertEquals(OptionalLong.empty(), limiter.take("login 10.1.1.1", 5), "a new window");
  }

  @Test
  void overBudgetOnlyLooksAndCountCounts() {
    limiter.count("refused 1");
    limiter.count("refused 1");
    assertTrue(limiter.overBudget("refused 1", 2).isPresent());
    assertTrue(limiter.overBudget("refused 1", 3).isEmpty());
    assertTrue(limiter.overBudget("refused 1", 3).isEmpty(), "looking does not count");
  }

  @Test
  void aFloodOfMadeUpKeysDoesNotGrowWithoutBound() {
    for (int i = 0; i < FixedWindowLimiter.MAX_KEYS + 10; i++) {
      limiter.count("login issuer https://made-up-" + i);
    }
    assertTrue(limiter.trackedKeys() <= FixedWindowLimiter.MAX_KEYS, "" + limiter.trackedKeys());
  }
}
