package org.rapport.lti.console;

/**
 * Rapport's background work at a glance.
 *
 * @param mailServer host and port of the SMTP server, or null when none is configured
 * @param mailReachable whether the server answered the check just now
 * @param mailProblem why it did not, or null
 * @param gradesQueued scores waiting to be sent to an LMS, all tenants
 * @param gradesDeadLettered scores given up on after their retries, all tenants
 * @param wavesOpen waves students can answer today, all tenants
 * @param today the day the waves were counted for
 * @param lastAlertEvaluation when any tenant's alerts were last evaluated, or null before the first
 * @param checkedAt when these figures were read
 */
public record StatusView(
    String mailServer,
    boolean mailReachable,
    String mailProblem,
    long gradesQueued,
    long gradesDeadLettered,
    long wavesOpen,
    String today,
    String lastAlertEvaluation,
    String checkedAt) {
  public boolean hasDeadLetters() {
    return gradesDeadLettered > 0;
  }
}
