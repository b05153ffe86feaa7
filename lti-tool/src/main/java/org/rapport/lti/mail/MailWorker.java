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
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.rapport.lti.persistence.RapportDataSource;

/**
 * Sends due mail from the outbox every {@code rapport.mail.poll-seconds}. Each attempt claims its
 * row, sends, and marks it sent in its own statement (no surrounding transaction), so a mail that
 * reached the server is never sent again by a later run; a failure pushes the next attempt out by a
 * doubling backoff ({@code rapport.mail.retry-seconds} up to {@code
 * rapport.mail.max-retry-seconds}) and keeps the mail.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailWorker {
  private static final Logger LOG = Logger.getLogger(MailWorker.class.getName());
  private static final Duration LEASE = Duration.ofMinutes(5);
  private static final int BATCH = 50;

  @Resource TimerService timers;

  @Resource(lookup = RapportDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject MailSettings settings;

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
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      drain();
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "The mail outbox could not be read; trying again shortly.", e);
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
    try (Connection connection = dataSource.getConnection()) {
      List<MailOutbox.Entry> due = MailOutbox.due(connection, Instant.now(), BATCH);
      for (MailOutbox.Entry entry : due) {
        if (!MailOutbox.claim(connection, entry.id(), Instant.now(), LEASE)) {
          continue;
        }
        try {
          server.send(entry.recipient(), entry.subject(), entry.body());
        } catch (Exception e) {
          Duration wait =
              MailOutbox.backoff(entry.attempts() + 1, settings.firstRetry(), settings.maxRetry());
          MailOutbox.failed(connection, entry.id(), describe(e), Instant.now().plus(wait));
          LOG.warning(
              () ->
                  "Mail "
                      + entry.id()
                      + " to "
                      + entry.recipient()
                      + " not sent ("
                      + describe(e)
                      + "); next attempt in "
                      + wait.toSeconds()
                      + " s.");
          continue;
        }
        MailOutbox.sent(connection, entry.id(), Instant.now());
        sent++;
      }
    }
    return sent;
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
