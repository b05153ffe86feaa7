package org.rapport.curriculum.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rapport.curriculum.analytics.AnalysisSettings;
import org.rapport.curriculum.analytics.CohortKey;
import org.rapport.curriculum.analytics.CohortStatistics;
import org.rapport.curriculum.analytics.Dataset;
import org.rapport.curriculum.analytics.SmallCellSuppression;
import org.rapport.curriculum.analytics.WaveKey;
import org.rapport.curriculum.analytics.testdata.SyntheticCohorts;
import org.rapport.curriculum.analytics.testdata.SyntheticCohorts.Decline;

class DeclineDetectorTest {

  private static final AlertRule ALL_COMPARISONS =
      AlertRule.defaults().withComparisons(EnumSet.allOf(ComparisonKind.class));
  private static final int CC = 2;

  private static WaveKey wave(int i) {
    return SyntheticCohorts.WAVES.get(i);
  }

  private static FindingKey key(
      String cohort, int from, int to, String measure, ComparisonKind kind) {
    return new FindingKey(new CohortKey(cohort), wave(from), wave(to), measure, kind);
  }

  private static Set<FindingKey> keys(List<DeclineFinding> findings) {
    return findings.stream().map(DeclineFinding::key).collect(Collectors.toSet());
  }

  /** Two stable cohorts, then one whose Compassionate Care falls by 5 points from Y3 on. */
  private static Dataset declineAtY3() {
    return SyntheticCohorts.seed(42)
        .cohort("2026", 2026, 200, 5, 0.1)
        .cohort("2027", 2027, 200, 5, 0.1)
        .cohort("2028", 2028, 200, 5, 0.1, new Decline(CC, 3, 5))
        .build();
  }

  @Test
  void aDeclineAtY3RaisesExactlyTheExpectedFindings() {
    CohortEvaluation evaluation = CohortAnalytics.evaluate(declineAtY3(), ALL_COMPARISONS);
    Set<FindingKey> expected = new HashSet<>();
    for (String measure : List.of("total", "CC")) {
      expected.add(key("2028", 2, 3, measure, ComparisonKind.PREVIOUS_WAVE));
      expected.add(key("2028", 0, 3, measure, ComparisonKind.BASELINE));
      expected.add(key("2028", 0, 4, measure, ComparisonKind.BASELINE));
      expected.add(key("2028", 3, 3, measure, ComparisonKind.CROSS_COHORT));
      expected.add(key("2028", 4, 4, measure, ComparisonKind.CROSS_COHORT));
    }
    assertEquals(expected, keys(evaluation.findings()));
    assertEquals(expected.size(), evaluation.findings().size(), "one finding per key");

    for (DeclineFinding f : evaluation.findings()) {
      assertTrue(f.ci().upper() < 0, f.key().toString());
      assertTrue(f.effectSize() <= -0.3, f.key().toString());
      assertTrue(f.current().n() >= 10 && f.reference().n() >= 10);
      assertTrue(f.change() < 0);
      assertTrue(f.p() < 0.05);
      assertNotNull(f.current().responseRate(), "roster known, rate shown");
      assertNotNull(f.reference().responseRate());
      if (f.key().comparison() == ComparisonKind.CROSS_COHORT) {
        assertEquals(EffectSizeMeasure.HEDGES_G, f.effectSizeMeasure());
        assertEquals(f.crossCohort().figures().hedgesG(), f.effectSize());
        assertNull(f.sdOfChange());
        assertEquals(
            List.of(new CohortKey("2026"), new CohortKey("2027")), f.crossCohort().reference());
      } else {
        assertEquals(EffectSizeMeasure.D_AV, f.effectSizeMeasure());
        assertEquals(f.paired().figures().dav(), f.effectSize());
        assertEquals(f.paired().figures().meanChange(), f.change());
        assertNotNull(f.sdOfChange());
        assertNotNull(f.allStudents(), "all-students estimate shown beside the matched one");
        assertTrue(f.allStudents().figures().ci().upper() < 0);
      }
    }
  }

  @Test
  void noChangeRaisesNothing() {
    Dataset stable =
        SyntheticCohorts.seed(7)
            .cohort("2026", 2026, 200, 6, 0.1)
            .cohort("2027", 2027, 200, 6, 0.1)
            .cohort("2028", 2028, 200, 6, 0.1)
            .build();
    CohortEvaluation evaluation = CohortAnalytics.evaluate(stable, ALL_COMPARISONS);
    assertTrue(evaluation.findings().isEmpty(), evaluation.findings().toString());
    assertFalse(evaluation.report().paired().isEmpty());
  }

  @Test
  void aSmallCohortShowsNothingAndRaisesNothing() {
    Dataset small =
        SyntheticCohorts.seed(3)
            .cohort("2026", 2026, 200, 5, 0.1)
            .cohort("tiny", 2027, 9, 5, 0.0, new Decline(CC, 3, 15))
            .build();
    CohortEvaluation evaluation = CohortAnalytics.evaluate(small, ALL_COMPARISONS);
    CohortKey tiny = new CohortKey("tiny");
    var report = evaluation.report();
    assertTrue(
        report.summaries().stream()
            .filter(s -> s.cohort().equals(tiny))
            .allMatch(s -> s.suppressed() && s.figures() == null));
    assertTrue(
        report.paired().stream()
            .filter(s -> s.cohort().equals(tiny))
            .allMatch(s -> s.suppressed() && s.figures() == null));
    assertTrue(
        report.allStudents().stream()
            .filter(s -> s.cohort().equals(tiny))
            .allMatch(s -> s.suppressed() && s.figures() == null));
    assertTrue(
        report.crossCohort().stream()
            .filter(s -> s.cohort().equals(tiny))
            .allMatch(s -> s.suppressed() && s.figures() == null));
    assertTrue(report.summaries().stream().anyMatch(s -> s.cohort().equals(tiny)));
    assertTrue(evaluation.findings().isEmpty());
  }

  @Test
  void theRuleThresholdsDecide() {
    Dataset d = declineAtY3();
    // Effect threshold beyond the simulated effect: nothing.
    assertTrue(
        CohortAnalytics.evaluate(d, ALL_COMPARISONS.withEffectSizeThreshold(-3))
            .findings()
            .isEmpty());
    // A minimum n above the matched pairs available: nothing.
    assertTrue(CohortAnalytics.evaluate(d, ALL_COMPARISONS.withMinimumN(500)).findings().isEmpty());
    // Watching only the total: no subscale finding.
    assertTrue(
        CohortAnalytics.evaluate(d, ALL_COMPARISONS.withMeasures(Set.of("total")))
            .findings()
            .stream()
            .allMatch(f -> f.measure().equals("total")));
    // Cross-cohort off (the default rule): no cross-cohort finding, paired ones still there.
    List<DeclineFinding> paired = CohortAnalytics.evaluate(d, AlertRule.defaults()).findings();
    assertEquals(6, paired.size());
    assertTrue(paired.stream().noneMatch(f -> f.key().comparison() == ComparisonKind.CROSS_COHORT));
  }

  @Test
  void dzCanBeChosenForPairedComparisons() {
    List<DeclineFinding> findings =
        CohortAnalytics.evaluate(
                declineAtY3(), AlertRule.defaults().withPairedEffectSize(EffectSizeMeasure.D_Z))
            .findings();
    assertFalse(findings.isEmpty());
    for (DeclineFinding f : findings) {
      assertEquals(EffectSizeMeasure.D_Z, f.effectSizeMeasure());
      assertEquals(f.paired().figures().dz(), f.effectSize());
    }
  }

  @Test
  void baselineToSecondWaveIsReportedOnce() {
    Dataset early =
        SyntheticCohorts.seed(11).cohort("2028", 2028, 200, 3, 0.1, new Decline(CC, 1, 5)).build();
    Set<FindingKey> both = keys(CohortAnalytics.evaluate(early, AlertRule.defaults()).findings());
    assertEquals(
        Set.of(
            key("2028", 0, 1, "CC", ComparisonKind.PREVIOUS_WAVE),
            key("2028", 0, 2, "CC", ComparisonKind.BASELINE),
            key("2028", 0, 1, "total", ComparisonKind.PREVIOUS_WAVE),
            key("2028", 0, 2, "total", ComparisonKind.BASELINE)),
        both);
    Set<FindingKey> baselineOnly =
        keys(
            CohortAnalytics.evaluate(
                    early, AlertRule.defaults().withComparisons(Set.of(ComparisonKind.BASELINE)))
                .findings());
    assertEquals(
        Set.of(
            key("2028", 0, 1, "CC", ComparisonKind.BASELINE),
            key("2028", 0, 2, "CC", ComparisonKind.BASELINE),
            key("2028", 0, 1, "total", ComparisonKind.BASELINE),
            key("2028", 0, 2, "total", ComparisonKind.BASELINE)),
        baselineOnly);
  }

  @Test
  void refusesARuleThatWouldShowSmallGroupsOrAlertOnNothing() {
    AlertRule d = AlertRule.defaults();
    IllegalArgumentException floor =
        assertThrows(IllegalArgumentException.class, () -> d.withMinimumGroupSize(4));
    assertTrue(floor.getMessage().startsWith(SmallCellSuppression.BELOW_FLOOR));
    assertThrows(IllegalArgumentException.class, () -> d.withMinimumN(9));
    assertThrows(IllegalArgumentException.class, () -> d.withEffectSizeThreshold(0));
    assertThrows(IllegalArgumentException.class, () -> d.withEffectSizeThreshold(0.3));
    assertThrows(IllegalArgumentException.class, () -> d.withConfidenceLevel(1));
    assertThrows(
        IllegalArgumentException.class, () -> d.withPairedEffectSize(EffectSizeMeasure.HEDGES_G));
    assertEquals(20, d.withMinimumGroupSize(20).minimumN());
  }

  @Test
  void refusesAReportComputedWithOtherSettings() {
    var report =
        CohortStatistics.analyse(
            declineAtY3(), new AnalysisSettings(0.90, SmallCellSuppression.defaults()));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DeclineDetector.detect(report, AlertRule.defaults()));
    assertEquals(DeclineDetector.SETTINGS_MISMATCH, e.getMessage());
  }
}
