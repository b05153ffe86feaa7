package org.rapport.lti.mail;

/**
 * A queued or sent mail as the admin API shows it (no body).
 *
 * @param sentAt {@code null} while waiting
 * @param lastError why the last attempt failed, while waiting or after giving up
 * @param deadAt when Rapport gave up on the mail ({@code null} while waiting or once sent)
 */
public record OutboxEntryView(
    long id,
    long alertId,
    String recipient,
    String subject,
    int attempts,
    String createdAt,
    String nextAttemptAt,
    String sentAt,
    String lastError,
    String deadAt) {}
