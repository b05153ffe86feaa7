package org.rapport.lti.launch;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.lti.cluster.ScheduledRuns;

/**
 * Every hour removes used and expired nonces older than {@code rapport.lti.nonce-retention-hours}
 * (default 24) after their expiry, and launch-log entries older than {@code
 * rapport.privacy.launch-log-days} (default 90): neither is kept longer than troubleshooting needs.
 * It also deletes launched users' server-side sessions that ended or went unused longer than the
 * session lifetime ({@code rapport.session.minutes}, or the idle timeout if that is longer) plus a
 * day: no token can still open them, and each row says who used Rapport from which course. Every
 * node schedules it; one of them claims each hour's sweep ({@link ScheduledRuns}) and runs it.
 */
@Singleton
public class NonceSweeper {
  @Inject Clock clock;
  @Inject NonceRepository nonces;
  @Inject LaunchLog launchLog;
  @Inject ToolSessions sessions;
  @Inject ScheduledRuns runs;

  /** How long the record of which node ran a scheduled job's period is kept. */
  static final Duration KEEP_SCHEDULED_RUNS = Duration.ofDays(30);

  @Inject
  @ConfigProperty(name = "rapport.lti.nonce-retention-hours", defaultValue = "24")
  int nonceRetentionHours;

  @Inject
  @ConfigProperty(name = "rapport.privacy.launch-log-days", defaultValue = "90")
  int launchLogDays;

  @Inject
  @ConfigProperty(name = "rapport.session.minutes", defaultValue = "120")
  long sessionMinutes;

  @Inject
  @ConfigProperty(name = "rapport.session.idle-minutes", defaultValue = "30")
  long sessionIdleMinutes;

  @Schedule(hour = "*", minute = "17", persistent = false)
  void sweep() {
    Instant now = clock.instant();
    if (runs.claim("retention-sweep", now.truncatedTo(ChronoUnit.HOURS))) {
      sweep(now);
    }
  }

  /** Applies the retention settings as of {@code now}. */
  void sweep(Instant now) {
    nonces.sweep(now, Duration.ofHours(Math.max(1, nonceRetentionHours)));
    launchLog.sweep(now.minus(Duration.ofDays(Math.max(1, launchLogDays))));
    Duration unused = Duration.ofMinutes(Math.max(1, Math.max(sessionMinutes, sessionIdleMinutes)));
    sessions.sweep(now.minus(unused).minus(Duration.ofDays(1)));
    runs.sweep(now.minus(KEEP_SCHEDULED_RUNS));
  }
}
