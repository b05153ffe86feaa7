package org.rapport.lti.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.rapport.lti.alerts.LastEvaluation;
import org.rapport.lti.grades.ScoreCountsView;
import org.rapport.lti.grades.ScoreReports;
import org.rapport.lti.mail.MailSettings;
import org.rapport.lti.mail.SmtpServer;
import org.rapport.lti.persistence.Database;
import org.rapport.lti.settings.RapportSettings;

/**
 * Whether Rapport's background work is healthy, as the administration page and the status API show
 * it: the SMTP server answers (checked now, with a short timeout), grades wait or were given up,
 * waves are open today, and when alerts were last evaluated. Reads only; holds no transaction so
 * that a slow mail server keeps no connection of the pool.
 */
@ApplicationScoped
public class SystemStatus {
  /** How long the SMTP check waits for each step before it calls the server unreachable. */
  static final Duration MAIL_TIMEOUT = Duration.ofSeconds(3);

  @Inject MailSettings mail;
  @Inject ScoreReports scores;
  @Inject Database database;
  @Inject RapportSettings settings;
  @Inject Clock clock;

  public StatusView now() {
    SmtpServer server = mail.server();
    Optional<String> mailProblem = server.problemReaching(MAIL_TIMEOUT);
    long queued = 0;
    long dead = 0;
    for (ScoreCountsView counts : scores.summary()) {
      queued += counts.queued();
      dead += counts.deadLettered();
    }
    LocalDate today = settings.today();
    long open =
        database.run(
            c -> {
              try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT COUNT(*) FROM wave WHERE opens_on <= ? AND closes_on >= ?")) {
                s.setDate(1, Date.valueOf(today));
                s.setDate(2, Date.valueOf(today));
                try (ResultSet rs = s.executeQuery()) {
                  rs.next();
                  return rs.getLong(1);
                }
              }
            });
    Optional<Instant> lastEvaluation = database.run(LastEvaluation::latest);
    return new StatusView(
        server.configured() ? server.host() + ":" + server.port() : null,
        mailProblem.isEmpty(),
        mailProblem.orElse(null),
        queued,
        dead,
        open,
        today.toString(),
        lastEvaluation.map(Instant::toString).orElse(null),
        clock.instant().toString());
  }
}
