package org.rapport.lti.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rapport.curriculum.alerts.AlertRule;
import org.rapport.curriculum.alerts.ComparisonKind;
import org.rapport.curriculum.analytics.SmallCellSuppression;

class AlertRulesTest {
  private static AlertRuleView change(
      Integer groupSize, Double threshold, List<String> comparisons) {
    return new AlertRuleView(
        comparisons, null, threshold, null, null, groupSize, null, null, null, null, null);
  }

  @Test
  void defaultsAreTheCurriculumDefaults() {
    assertEquals(AlertRule.defaults(), RuleSettings.defaults().rule());
    assertTrue(RuleSettings.defaults().mailFaculty());
  }

  @Test
  void aGroupSizeBelowFiveIsRefusedWithTheSentence() {
    AlertRules.InvalidRule e =
        assertThrows(
            AlertRules.InvalidRule.class,
            () -> AlertRules.merge(RuleSettings.defaults(), change(3, null, null), 10));
    assertEquals(List.of(SmallCellSuppression.BELOW_FLOOR), e.problems());
  }

  @Test
  void aGroupSizeBelowTheInstallationsIsRefused() {
    AlertRules.InvalidRule e =
        assertThrows(
            AlertRules.InvalidRule.class,
            () -> AlertRules.merge(RuleSettings.defaults(), change(6, null, null), 10));
    assertTrue(e.getMessage().contains("cannot be below this installation's 10 students"));
  }

  @Test
  void everyProblemIsListed() {
    AlertRules.InvalidRule e =
        assertThrows(
            AlertRules.InvalidRule.class,
            () -> AlertRules.merge(RuleSettings.defaults(), change(null, 0.1, List.of("UP")), 10));
    assertEquals(2, e.problems().size(), e.problems().toString());
  }

  @Test
  void aLargerGroupSizeRaisesTheMinimumN() {
    RuleSettings merged =
        AlertRules.merge(
            RuleSettings.defaults(), change(15, -0.5, List.of("baseline", "CROSS_COHORT")), 10);
    assertEquals(15, merged.rule().minimumGroupSize());
    assertEquals(15, merged.rule().minimumN());
    assertEquals(-0.5, merged.rule().effectSizeThreshold());
    assertEquals(
        Set.of(ComparisonKind.BASELINE, ComparisonKind.CROSS_COHORT), merged.rule().comparisons());
  }

  @Test
  void theInstallationsGroupSizeOverridesALowerStoredOne() {
    assertEquals(12, RuleSettings.defaults().effectiveRule(12).minimumGroupSize());
    assertEquals(12, RuleSettings.defaults().effectiveRule(12).minimumN());
  }

  @Test
  void validatedOnlyIsSetThroughTheRuleAndKeptWhenLeftOut() {
    AlertRuleView on =
        new AlertRuleView(null, null, null, null, null, null, null, null, null, null, true);

    RuleSettings set = AlertRules.merge(RuleSettings.defaults(), on, 10);
    RuleSettings kept = AlertRules.merge(set, change(null, -0.5, null), 10);

    assertTrue(set.rule().validatedOnly());
    assertTrue(kept.rule().validatedOnly());
    assertEquals(true, AlertRuleView.of(kept).validatedOnly());
    assertEquals(false, AlertRuleView.of(RuleSettings.defaults()).validatedOnly());
  }
}
