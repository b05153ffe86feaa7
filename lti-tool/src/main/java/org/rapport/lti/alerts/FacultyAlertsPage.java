package org.rapport.lti.alerts;

import java.util.List;

/**
 * The faculty's alert inbox (template {@code faculty-alerts}): the alerts grouped per cohort and
 * wave pair, and the historical findings in a section of their own.
 *
 * @param s the launch session token for links and forms
 * @param openCount alerts that need attention: open and not historical
 * @param done the confirmation after a form; {@code null} when none
 */
public record FacultyAlertsPage(
    String s,
    AlertSection current,
    AlertSection history,
    boolean hasAlerts,
    long openCount,
    List<String> rule,
    String done) {

  static FacultyAlertsPage of(
      AlertInbox.Inbox inbox, AlertVocabulary words, String token, String done) {
    return new FacultyAlertsPage(
        token,
        AlertSection.current(inbox.alerts(), words, inbox.programme(), token, "alerts"),
        AlertSection.history(inbox.alerts(), words, inbox.programme(), token, "alerts"),
        !inbox.alerts().isEmpty(),
        inbox.alerts().stream().filter(StoredAlert::needsAttention).count(),
        inbox.rule(),
        doneMessage(done));
  }

  /** The confirmation shown after a form, from the {@code done} parameter. */
  public static String doneMessage(String done) {
    if ("acknowledged".equals(done)) {
      return "Thank you: the alert is marked as acknowledged.";
    }
    if ("resolved".equals(done)) {
      return "Thank you: the alert is resolved and your note is saved.";
    }
    return null;
  }
}
