package org.rapport.lti.alerts;

import java.util.List;

/**
 * The alert rule as the admin API reads and writes it. In a PUT every field is optional: a field
 * left out keeps its current value.
 *
 * @param comparisons PREVIOUS_WAVE, BASELINE, CROSS_COHORT
 * @param minimumN students needed in a comparison before it can raise an alert
 * @param effectSizeThreshold negative, e.g. -0.3: a decline must be at least this large
 * @param confidenceLevel e.g. 0.95
 * @param measures "total" and subscale ids to watch; empty watches all
 * @param minimumGroupSize smallest group any figure may describe; at least 5
 * @param pairedEffectSize D_AV (default) or D_Z
 * @param recipients extra addresses mailed about each new alert
 * @param mailFaculty also mail the tenant's faculty with a known email address
 * @param usingDefaults true while the tenant has never changed the rule (read only)
 * @param validatedOnly true: raise alerts on validated instruments only, not on a formative one
 *     such as Rapport's own reflection tool (default false)
 */
public record AlertRuleView(
    List<String> comparisons,
    Integer minimumN,
    Double effectSizeThreshold,
    Double confidenceLevel,
    List<String> measures,
    Integer minimumGroupSize,
    String pairedEffectSize,
    List<String> recipients,
    Boolean mailFaculty,
    Boolean usingDefaults,
    Boolean validatedOnly) {

  static AlertRuleView of(RuleSettings settings) {
    var rule = settings.rule();
    return new AlertRuleView(
        rule.comparisons().stream().sorted().map(Enum::name).toList(),
        rule.minimumN(),
        rule.effectSizeThreshold(),
        rule.confidenceLevel(),
        rule.measures().stream().sorted().toList(),
        rule.minimumGroupSize(),
        rule.pairedEffectSize().name(),
        settings.recipients(),
        settings.mailFaculty(),
        !settings.stored(),
        rule.validatedOnly());
  }
}
