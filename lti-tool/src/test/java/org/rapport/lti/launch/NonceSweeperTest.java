package org.rapport.lti.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapport.lti.cluster.ScheduledRuns;

/**
 * The hourly sweep applies the retention settings, and never less than an hour or a day; launched
 * users' sessions go a day after the longer of session lifetime and idle timeout; the record of
 * which node ran scheduled work is kept 30 days.
 */
class NonceSweeperTest {
  private final List<String> calls = new ArrayList<>();

  private NonceSweeper sweeper(int nonceHours, int launchLogDays) {
    NonceSweeper sweeper = new NonceSweeper();
    sweeper.nonces =
        new NonceRepository() {
          @Override
          public int sweep(Instant now, Duration retention) {
            calls.add("nonces " + now + " " + retention);
            return 0;
          }
        };
    sweeper.launchLog =
        new LaunchLog() {
          @Override
          public int sweep(Instant cutoff) {
            calls.add("launch log before " + cutoff);
            return 0;
          }
        };
    sweeper.sessions =
        new ToolSessions() {
          @Override
          public int sweep(Instant cutoff) {
            calls.add("sessions unused since " + cutoff);
            return 0;
          }
        };
    sweeper.runs =
        new ScheduledRuns() {
          @Override
          public int sweep(Instant before) {
            calls.add("scheduled runs before " + before);
            return 0;
          }
        };
    sweeper.sessionMinutes = 120;
    sweeper.sessionIdleMinutes = 30;
    sweeper.nonceRetentionHours = nonceHours;
    sweeper.launchLogDays = launchLogDays;
    return sweeper;
  }

  @Test
  void nonceAndLaunchLogRetentionComeFromTheSettings() {
    Instant now = Instant.parse("2026-12-04T12:00:00Z");
    sweeper(6, 30).sweep(now);
    assertEquals(
        List.of(
            "nonces " + now + " PT6H",
            "launch log before 2026-11-04T12:00:00Z",
            "sessions unused since 2026-12-03T10:00:00Z",
            "scheduled runs before 2026-11-04T12:00:00Z"),
        calls);
  }

  @Test
  void aZeroOrNegativeSettingStillKeepsAnHourOfNoncesAndADayOfLaunches() {
    Instant now = Instant.parse("2026-12-04T12:00:00Z");
    sweeper(0, -5).sweep(now);
    assertEquals(
        List.of(
            "nonces " + now + " PT1H",
            "launch log before 2026-12-03T12:00:00Z",
            "sessions unused since 2026-12-03T10:00:00Z",
            "scheduled runs before 2026-11-04T12:00:00Z"),
        calls);
  }

  @Test
  void sessionsAreKeptADayPastTheLongerOfLifetimeAndIdleTimeout() {
    Instant now = Instant.parse("2026-12-04T12:00:00Z");
    NonceSweeper sweeper = sweeper(24, 90);
    sweeper.sessionMinutes = 60;
    sweeper.sessionIdleMinutes = 240;
    sweeper.sweep(now);
    assertEquals("sessions unused since 2026-12-03T08:00:00Z", calls.get(2));
    calls.clear();
    sweeper.sessionMinutes = 0;
    sweeper.sessionIdleMinutes = -3;
    sweeper.sweep(now);
    assertEquals("sessions unused since 2026-12-03T11:59:00Z", calls.get(2));
  }
}
