package org.rapport.lti.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapport.curriculum.alerts.AlertRule;
import org.rapport.curriculum.alerts.ComparisonKind;
import org.rapport.curriculum.analytics.CohortKey;
import org.rapport.curriculum.analytics.StudentKey;
import org.rapport.curriculum.analytics.WaveKey;
import org.rapport.curriculum.instruments.InstrumentCatalog;
import org.rapport.curriculum.observed.ObservedScore;

class ObservedAlertsTest {

  @Test
  void observedRulesTakeTheTenantsLevelAndGroupSizeAndTheirOwnThresholds() {
    AlertRule tenant = AlertRule.defaults().withMinimumGroupSize(12).withConfidenceLevel(0.9);
    ObservedAlerts.Rules rules =
        ObservedAlerts.rules(new ObservedAlerts.Settings(true, -0.5, 8, 15, 10), tenant);
    assertEquals(12, rules.decline().minimumGroupSize());
    assertEquals(12, rules.decline().minimumN(), "never below the minimum group size");
    assertEquals(0.9, rules.decline().confidenceLevel());
    assertEquals(-0.5, rules.decline().effectSizeThreshold());
    assertTrue(rules.decline().enabled(ComparisonKind.PREVIOUS_WAVE));
    assertFalse(rules.decline().enabled(ComparisonKind.BASELINE));
    assertEquals(12, rules.gap().minimumN());
    assertEquals(15, rules.gap().wideningPoints());
    assertEquals(0.9, rules.gap().confidenceLevel());

    ObservedAlerts.Rules larger =
        ObservedAlerts.rules(new ObservedAlerts.Settings(true, -0.4, 20, 10, 10), tenant);
    assertEquals(20, larger.decline().minimumN());
    assertEquals(20, larger.gap().minimumN());
  }

  @Test
  void measuresAreTheTotalThenTheFormsDomainsThenAnyOther() {
    ObservedScore extra =
        new ObservedScore(
            new StudentKey("1"),
            new CohortKey("1"),
            new WaveKey("Y3"),
            4,
            "PATIENT",
            Map.of("total", 50.0, "zz-local", 40.0));
    assertEquals(
        List.of("total", "cognitive", "affective", "compassionate-action", "zz-local"),
        ObservedAlerts.measures(InstrumentCatalog.shipped(), List.of(extra)));
  }

  @Test
  void observedAlertsAreNamedAfterTheRatingsAndTheFormsDomains() {
    AlertVocabulary words = AlertVocabulary.shipped();
    assertEquals(
        "Observed ratings (patients, faculty, peers)",
        words.instrumentTitle(ObservedAlerts.INSTRUMENT));
    assertEquals("Affective empathy", words.measure(ObservedAlerts.INSTRUMENT, "affective"));
    assertEquals("Total score", words.measure(ObservedAlerts.INSTRUMENT, "total"));
  }
}
