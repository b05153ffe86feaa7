package org.rapport.curriculum.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rapport.curriculum.instruments.InstrumentKind;

class AlertRuleTest {

  @Test
  void byDefaultEveryInstrumentIsJudged() {
    AlertRule rule = AlertRule.defaults();

    assertFalse(rule.validatedOnly());
    assertTrue(rule.judges(InstrumentKind.FORMATIVE));
    assertTrue(rule.judges(InstrumentKind.VALIDATED));
  }

  @Test
  void validatedOnlyLeavesOutFormativeInstrumentsAlone() {
    AlertRule rule = AlertRule.defaults().withValidatedOnly(true);

    assertFalse(rule.judges(InstrumentKind.FORMATIVE));
    assertTrue(rule.judges(InstrumentKind.VALIDATED));
    assertTrue(rule.judges(null), "an instrument no longer installed is not known to be formative");
  }

  @Test
  void otherChangesKeepTheFilter() {
    AlertRule rule =
        AlertRule.defaults().withValidatedOnly(true).withMinimumGroupSize(20).withMinimumN(30);

    assertTrue(rule.validatedOnly());
    assertEquals(30, rule.minimumN());
  }
}
