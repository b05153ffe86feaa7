package org.rapport.lti.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.lti.queue.Backoff;

/**
 * The SMTP server and the outbox's timing, from MicroProfile Config ({@code rapport.mail.*}). The
 * password is read from the environment variable {@code RAPPORT_MAIL_PASSWORD} only, never from a
 * file in the repository. Without {@code rapport.mail.host} mail waits in the outbox.
 */
@ApplicationScoped
public class MailSettings {
  @Inject
  @ConfigProperty(name = "rapport.mail.host")
  Optional<String> host;

  @Inject
  @ConfigProperty(name = "rapport.mail.port", defaultValue = "25")
  int port;

  @Inject
  @ConfigProperty(name = "rapport.mail.from", defaultValue = "rapport@localhost")
  String from;

  @Inject
  @ConfigProperty(name = "rapport.mail.username")
  Optional<String> username;

  @Inject
  @ConfigProperty(name = "rapport.mail.starttls", defaultValue = "true")
  boolean starttls;

  @Inject
  @ConfigProperty(name = "rapport.mail.poll-seconds", defaultValue = "30")
  long pollSeconds;

  @Inject
  @ConfigProperty(name = "rapport.mail.retry-seconds", defaultValue = "60")
  long retrySeconds;

  @Inject
  @ConfigProperty(name = "rapport.mail.max-retry-seconds", defaultValue = "3600")
  long maxRetrySeconds;

  public SmtpServer server() {
    return new SmtpServer(
        host.filter(h -> !h.isBlank()).orElse(null),
        port,
        from,
        username.filter(u -> !u.isBlank()).orElse(null),
        Optional.ofNullable(System.getenv("RAPPORT_MAIL_PASSWORD")).orElse(null),
        starttls);
  }

  public Duration poll() {
    return Duration.ofSeconds(Math.max(1, pollSeconds));
  }

  /** The wait after failed attempts: the retry seconds, doubling up to the max retry seconds. */
  public Backoff backoff() {
    long first = Math.max(1, retrySeconds);
    return Backoff.between(
        Duration.ofSeconds(first), Duration.ofSeconds(Math.max(first, maxRetrySeconds)));
  }
}
