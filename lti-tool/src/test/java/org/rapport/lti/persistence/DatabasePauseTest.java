package org.rapport.lti.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class DatabasePauseTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private final DatabasePause pause =
      new DatabasePause(
          "Test worker",
          Logger.getLogger(DatabasePauseTest.class.getName()),
          Duration.ofSeconds(2),
          Duration.ofSeconds(30));

  @Test
  void eachFailedAttemptDoublesTheWaitUpToTheLongest() {
    Instant now = T0;
    long[] expected = {2, 4, 8, 16, 30, 30};
    for (long seconds : expected) {
      assertFalse(pause.waiting(now), "an attempt is due at " + now);
      pause.unreachable(now, new ConnectException("refused"));
      assertTrue(pause.waiting(now.plusSeconds(seconds).minusMillis(1)));
      now = now.plusSeconds(seconds);
    }
    assertEquals(6, pause.failures());
  }

  @Test
  void reachingTheDatabaseEndsThePauseAtOnce() {
    pause.unreachable(T0, new ConnectException("refused"));
    pause.unreachable(T0.plusSeconds(2), new ConnectException("refused"));
    pause.reached();
    assertFalse(pause.waiting(T0.plusSeconds(3)));
    assertEquals(0, pause.failures());
    pause.unreachable(T0.plusSeconds(3), new ConnectException("refused"));
    assertFalse(pause.waiting(T0.plusSeconds(5)), "a new outage starts from the first wait");
  }
}
