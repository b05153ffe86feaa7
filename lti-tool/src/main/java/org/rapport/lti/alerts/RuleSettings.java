package org.rapport.lti.alerts;

import java.util.List;
import java.util.Objects;
import org.rapport.curriculum.alerts.AlertRule;

/**
 * One tenant's alert settings: the decline rule and who is mailed.
 *
 * @param recipients addresses mailed about every new alert, besides faculty (if {@code
 *     mailFaculty})
 * @param mailFaculty also mail the tenant's instructors and administrators whose LMS gave Rapport
 *     an email address
 * @param stored false while the tenant uses Rapport's defaults
 */
public record RuleSettings(
    AlertRule rule, List<String> recipients, boolean mailFaculty, boolean stored) {

  public RuleSettings {
    Objects.requireNonNull(rule, "rule");
    recipients = List.copyOf(recipients);
  }

  /** Rapport's defaults: {@link AlertRule#defaults()}, no extra recipients, faculty mailed. */
  public static RuleSettings defaults() {
    return new RuleSettings(AlertRule.defaults(), List.of(), true, false);
  }

  /** The rule with its minimum group size raised to the installation's, if that is larger. */
  public AlertRule effectiveRule(int installationMinimumGroupSize) {
    return rule.minimumGroupSize() >= installationMinimumGroupSize
        ? rule
        : rule.withMinimumGroupSize(installationMinimumGroupSize);
  }
}
