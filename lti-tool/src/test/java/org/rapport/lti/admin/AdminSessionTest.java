package org.rapport.lti.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.rapport.lti.testdata.TestClock;

/** When an administrator's session ends, with a clock the test moves by hand. */
class AdminSessionTest {
  private static final Duration IDLE = Duration.ofMinutes(30);
  private static final Duration MAX = Duration.ofHours(8);
  private final TestClock clock = new TestClock(Instant.parse("2026-03-02T08:00:00Z"));
  private final AdminSession session =
      new AdminSession("hash", "dean", "csrf", now(), now().plus(MAX));

  @Test
  void aSessionUnusedForTheIdleTimeoutStillHoldsAndASecondLaterEnds() {
    clock.advance(IDLE);
    assertTrue(session.liveAt(now(), IDLE));
    clock.advance(Duration.ofSeconds(1));
    assertFalse(session.liveAt(now(), IDLE));
  }

  @Test
  void usingTheSessionMovesTheIdleTimeoutOn() {
    clock.advance(Duration.ofMinutes(20));
    session.seen(now());
    clock.advance(Duration.ofMinutes(20));
    assertTrue(session.liveAt(now(), IDLE), "40 minutes after sign-in, 20 after the last use");
  }

  @Test
  void aSessionInConstantUseEndsAtItsAbsoluteExpiry() {
    for (int i = 0; i < 8 * 4 - 1; i++) {
      clock.advance(Duration.ofMinutes(15));
      session.seen(now());
    }
    clock.advance(Duration.ofMinutes(15).minusSeconds(1));
    assertTrue(session.liveAt(now(), IDLE), "one second before the expiry");
    clock.advance(Duration.ofSeconds(1));
    assertFalse(session.liveAt(now(), IDLE), "at the expiry, however recently used");
  }

  @Test
  void aRevokedSessionEndsAtOnce() {
    session.revoke(now());
    assertFalse(session.liveAt(now(), IDLE));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
