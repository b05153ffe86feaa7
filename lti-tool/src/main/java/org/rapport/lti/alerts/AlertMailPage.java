package org.rapport.lti.alerts;

import java.util.List;
import org.rapport.lti.mail.OutboxEntryView;

/**
 * The administrators' page of one tenant's alert mail: what waits to be sent, what was sent and
 * what Rapport gave up on (with a resend button), newest first.
 */
record AlertMailPage(
    long registrationId,
    String tenantName,
    String notice,
    List<String> problems,
    List<OutboxEntryView> queued,
    List<OutboxEntryView> sent,
    List<OutboxEntryView> dead) {
  boolean hasProblems() {
    return !problems.isEmpty();
  }

  boolean hasQueued() {
    return !queued.isEmpty();
  }

  boolean hasSent() {
    return !sent.isEmpty();
  }

  boolean hasDead() {
    return !dead.isEmpty();
  }
}
