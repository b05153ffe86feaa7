package org.rapport.lti.mail;

/**
 * A queued or sent mail as the admin API shows it (no body).
 *
 * @param sentAt {@code null} while waiting
 * @param lastError why the last attempt failed, while waiting
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
    String lastError) {}
