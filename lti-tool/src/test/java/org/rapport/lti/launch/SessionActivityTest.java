package org.rapport.lti.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rapport.lti.session.SignedTokens;
import org.rapport.lti.testdata.TestClock;

/** When a launched user's server-side session ends, with a clock the test moves by hand. */
class SessionActivityTest {
  private static final Duration IDLE = Duration.ofMinutes(30);
  private final TestClock clock = new TestClock(Instant.parse("2026-03-02T08:00:00Z"));

  @Test
  void idleForLongerThanTheTimeoutEndsTheSession() {
    SessionActivity opened = new SessionActivity(clock.instant(), null, false);
    clock.advance(Duration.ofMinutes(30));
    assertEquals(Optional.empty(), opened.endAt(clock.instant(), IDLE));
    clock.advance(Duration.ofSeconds(1));
    assertEquals(Optional.of(SessionActivity.End.IDLE), opened.endAt(clock.instant(), IDLE));
  }

  @Test
  void useKeepsTheSessionAliveButIsWrittenAtMostOnceAMinute() {
    SessionActivity opened = new SessionActivity(clock.instant(), null, false);
    clock.advance(Duration.ofSeconds(59));
    assertFalse(opened.worthTouching(clock.instant()));
    clock.advance(Duration.ofMinutes(20));
    assertTrue(opened.worthTouching(clock.instant()));
    SessionActivity used = new SessionActivity(clock.instant(), null, false);
    clock.advance(Duration.ofMinutes(29));
    assertEquals(Optional.empty(), used.endAt(clock.instant(), IDLE));
    assertTrue(opened.endAt(clock.instant(), IDLE).isPresent(), "without the use it had ended");
  }

  @Test
  void aNewerLaunchOrAnExplicitEndEndsItAtOnce() {
    assertEquals(
        Optional.of(SessionActivity.End.SUPERSEDED),
        new SessionActivity(clock.instant(), null, true).endAt(clock.instant(), IDLE));
    assertEquals(
        Optional.of(SessionActivity.End.ENDED),
        new SessionActivity(clock.instant(), clock.instant(), false).endAt(clock.instant(), IDLE));
  }

  @Test
  void theTokenItselfStillExpiresByTheSameClock() {
    SignedTokens tokens = new SignedTokens(new byte[32], "rapport-session", clock);
    String token = tokens.issue("session", Map.of("sid", "7"), Duration.ofMinutes(120));
    assertTrue(tokens.verify(token).isPresent());
    clock.advance(Duration.ofMinutes(120));
    assertTrue(tokens.verify(token).isEmpty());
  }
}
