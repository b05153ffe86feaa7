/**
 * Cohort decline alerts: each institution's rule (stored settings over the curriculum's {@link
 * org.rapport.curriculum.alerts.AlertRule}), evaluation on a schedule and on demand, deduplicated
 * alerts with every figure behind them and their states (open, acknowledged, resolved), the faculty
 * inbox and the mail each new alert queues.
 */
package org.rapport.lti.alerts;
