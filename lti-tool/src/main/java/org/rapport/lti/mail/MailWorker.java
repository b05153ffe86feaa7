package org.rapport.lti.mail;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.SendFailedException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.rapport.lti.persistence.DatabaseOutage;
import org.rapport.lti.persistence.DatabasePause;
import org.rapport.lti.persistence.RapportDataSource;
import org.rapport.lti.queue.Backoff;

/**
 * Sends due mail from the outbox every {@code rapport.mail.poll-seconds}. A run claims a batch of
 * due rows with a lease, sends each, and marks it sent in its own statement (no surrounding
 * transaction), so a mail that reached the server is never sent again by a later run; a failure
 * pushes the next attempt out by {@link Backoff} ({@code rapport.mail.retry-seconds} doubling up to
 * {@code rapport.mail.max-retry-seconds}, with jitter) and keeps the mail. A recipient the server
 * refuses, or {@link #MAX_ATTEMPTS} failures, make the mail a dead letter: listed with the reason,
 * never sent.
 *
 * <p>While the database is out of reach the worker waits ({@link DatabasePause}); a mail that
 * reached the SMTP server but could not be marked sent (the database went away in between) is
 * remembered and marked sent first when the database returns, before its claim runs out, so it is
 * not sent twice.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailWorker {
  private static final Logger LOG = Logger.getLogger(MailWorker.class.getName());
  private static final Duration LEASE = Duration.ofMinutes(5);
  private static final int BATCH = 50;

  /** A mail that failed this often (about a day at the longest wait) is given up on. */
  static final int MAX_ATTEMPTS = 30;

  @Resource TimerService timers;

  @Resource(lookup = RapportDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject MailSettings settings;
  @Inject Clock clock;

  /** Mail the SMTP server accepted whose row is not yet marked sent, by id. */
  private final Map<Long, Sent> sentNotRecorded = new ConcurrentHashMap<>();

  private record Sent(String claim, Instant at) {}

  private final DatabasePause pause =
      new DatabasePause("Mail outbox", LOG, Duration.ofSeconds(2), Duration.ofSeconds(30));

  private final AtomicBoolean running = new AtomicBoolean();
  private volatile boolean warnedUnconfigured;

  @PostConstruct
  void schedule() {
    long every = settings.poll().toMillis();
    TimerConfig config = new TimerConfig("rapport-mail-outbox", false);
    timers.createIntervalTimer(every, every, config);
  }

  @Timeout
  void tick() {
    if (pause.waiting(clock.instant()) || !running.compareAndSet(false, true)) {
      return;
    }
    try {
      drain();
      pause.reached();
    } catch (SQLException | RuntimeException e) {
      if (DatabaseOutage.causedBy(e)) {
        pause.unreachable(clock.instant(), e);
      } else {
        LOG.log(Level.WARNING, "The mail outbox could not be read; trying again shortly.", e);
      }
    } finally {
      running.set(false);
    }
  }

  /** Sends every due mail once; returns how many were sent. */
  public int drain() throws SQLException {
    SmtpServer server = settings.server();
    if (!server.configured()) {
      if (!warnedUnconfigured) {
        warnedUnconfigured = true;
        LOG.info("rapport.mail.host is not set: alert mail waits in the outbox until it is.");
      }
      return 0;
    }
    int sent = 0;
    Backoff backoff = settings.backoff();
    try (Connection connection = dataSource.getConnection()) {
      recordSent(connection);
      String token = UUID.randomUUID().toString();
      for (MailOutbox.Entry entry :
          MailOutbox.claim(connection, token, clock.instant(), LEASE, BATCH)) {
        try {
          server.send(entry.recipient(), entry.subject(), entry.body(), clock.instant());
        } catch (Exception e) {
          int failures = entry.attempts() + 1;
          String error = describe(e);
          String outcome;
          if (refusedForGood(e) || failures >= MAX_ATTEMPTS) {
            MailOutbox.QUEUE.deadLetter(connection, entry.id(), token, error, clock.instant());
            outcome = "given up after " + failures + " attempt(s)";
          } else {
            Instant next = backoff.next(clock.instant(), failures);
            MailOutbox.QUEUE.retryLater(connection, entry.id(), token, next, error);
            outcome = "next attempt at " + next;
          }
          LOG.warning(
              () ->
                  "Mail "
                      + entry.id()
                      + " to "
                      + entry.recipient()
                      + " not sent ("
                      + error
                      + "); "
                      + outcome
                      + ".");
          continue;
        }
        sentNotRecorded.put(entry.id(), new Sent(token, clock.instant()));
        sent++;
        recordSent(connection);
      }
    }
    return sent;
  }

  /** The server refused a recipient: sending again would be refused again. */
  private static boolean refusedForGood(Exception e) {
    return e instanceof SendFailedException refused
        && refused.getInvalidAddresses() != null
        && refused.getInvalidAddresses().length > 0;
  }

  /**
   * Marks sent the mail the SMTP server accepted; what fails stays remembered for the next tick.
   */
  private void recordSent(Connection connection) throws SQLException {
    for (Map.Entry<Long, Sent> sent : sentNotRecorded.entrySet()) {
      MailOutbox.sent(connection, sent.getKey(), sent.getValue().claim(), sent.getValue().at());
      sentNotRecorded.remove(sent.getKey());
    }
  }

  private static String describe(Exception e) {
    StringBuilder s = new StringBuilder();
    Throwable t = e;
    while (t != null && s.length() < 800) {
      if (s.length() > 0) {
        s.append(": ");
      }
      s.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
      t = t.getCause() == t ? null : t.getCause();
    }
    return s.toString();
  }
}
