package org.rapport.lti.alerts;

/**
 * Fired (synchronously or with {@code fireAsync}) when a tenant's scores changed in a way that may
 * raise alerts: a wave closed, an import finished. {@link AlertEvaluation} observes it and
 * evaluates the tenant at once instead of waiting for the hourly run.
 *
 * @param reason a few words for the log, e.g. "wave closed" or "import finished"
 */
public record AssessmentDataChanged(long registrationId, String reason) {}
