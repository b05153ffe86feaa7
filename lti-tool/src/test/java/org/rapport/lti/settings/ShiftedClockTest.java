package org.rapport.lti.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ShiftedClockTest {
  private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
  private final ShiftedClock clock = new ShiftedClock(Clock.fixed(START, ZoneOffset.UTC));

  @Test
  void readsTheUnderlyingClockUntilMoved() {
    assertEquals(START, clock.instant());
    assertEquals(Duration.ZERO, clock.offset());
  }

  @Test
  void movesForwardByTheSumOfItsAdvances() {
    clock.advance(Duration.ofSeconds(30));
    assertEquals(Duration.ofMinutes(2), clock.advance(Duration.ofSeconds(90)));
    assertEquals(START.plusSeconds(120), clock.instant());
  }

  @Test
  void aCopyInAnotherZoneSharesTheOffset() {
    Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));
    clock.advance(Duration.ofHours(1));
    assertEquals(START.plusSeconds(3600), paris.instant());
    assertEquals(ZoneId.of("Europe/Paris"), paris.getZone());
  }

  @Test
  void resetPutsItBackInStep() {
    clock.advance(Duration.ofDays(1));
    clock.reset();
    assertEquals(START, clock.instant());
  }

  @Test
  void refusesToGoBackwards() {
    assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)));
    assertEquals(START, clock.instant());
  }
}
