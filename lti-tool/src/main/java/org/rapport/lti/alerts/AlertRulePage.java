package org.rapport.lti.alerts;

import java.util.List;

/**
 * The administrators' page of one tenant's alert rule: the rule in sentences, its last evaluation,
 * and the form that changes it (choices where the rule has a few sensible values), with a problem
 * beside each field of a refused change and the values as typed.
 *
 * @param notice what the last action did, or null
 * @param problems problems about no single field
 * @param lastEvaluation when and why the tenant was last evaluated, or null before the first
 */
record AlertRulePage(
    long registrationId,
    String tenantName,
    String notice,
    List<String> problems,
    List<String> summary,
    String lastEvaluation,
    Form form) {
  boolean hasProblems() {
    return !problems.isEmpty();
  }

  /** One choice of a select, a radio group or a checkbox group. */
  record Choice(String value, String label, boolean selected) {}

  /** The rule's fields as shown or typed, each with its problem (null when none). */
  record Form(
      List<Choice> comparisons,
      String comparisonsProblem,
      String minimumN,
      String minimumNProblem,
      String minimumGroupSize,
      String minimumGroupSizeProblem,
      List<Choice> effectSizeThresholds,
      String effectSizeThresholdProblem,
      List<Choice> confidenceLevels,
      String confidenceLevelProblem,
      List<Choice> pairedEffectSizes,
      String pairedEffectSizeProblem,
      String measures,
      String measuresProblem,
      boolean validatedOnly,
      boolean mailFaculty,
      String recipients,
      String recipientsProblem) {}
}
