package org.rapport.curriculum.observed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapport.curriculum.alerts.AlertRule;
import org.rapport.curriculum.alerts.ComparisonKind;
import org.rapport.curriculum.alerts.DeclineFinding;
import org.rapport.curriculum.analytics.CohortKey;
import org.rapport.curriculum.analytics.StudentKey;
import org.rapport.curriculum.analytics.WaveKey;

class ObservedEvaluationTest {

  static final CohortKey COHORT = new CohortKey("2024");
  static final WaveKey Y3 = new WaveKey("Y3");
  static final WaveKey Y4 = new WaveKey("Y4");

  /** Students rated by a patient at Y3 (60 + 2i) and Y4, about eight points lower. */
  static List<ObservedScore> falling(int students) {
    List<ObservedScore> scores = new ArrayList<>();
    for (int i = 0; i < students; i++) {
      double y3 = 60 + 2 * i;
      double y4 = y3 - 8 + (i % 3 - 1);
      scores.add(rating(i, Y3, 3, y3));
      scores.add(rating(i, Y4, 4, y4));
    }
    return scores;
  }

  static ObservedScore rating(int student, WaveKey stage, int order, double total) {
    return new ObservedScore(
        new StudentKey("s" + student), COHORT, stage, order, "PATIENT", Map.of("total", total));
  }

  static final List<SelfFigures> SELF =
      List.of(
          new SelfFigures(COHORT, Y3, "total", new GapStatistics.Group(30, 70, 10)),
          new SelfFigures(COHORT, Y4, "total", new GapStatistics.Group(30, 75, 10)));

  @Test
  void aCohortWhoseObservedRatingsFellRaisesADecline() {
    ObservedEvaluation evaluation =
        ObservedEvaluation.evaluate(
            falling(12),
            List.of("total"),
            SELF,
            ObservedAlertRules.declineDefaults(),
            GapRule.defaults());
    assertEquals(1, evaluation.declines().size());
    DeclineFinding decline = evaluation.declines().get(0);
    assertEquals(ComparisonKind.PREVIOUS_WAVE, decline.key().comparison());
    assertEquals(Y3, decline.key().from());
    assertEquals(Y4, decline.key().to());
    assertEquals(12, decline.reference().n());
    assertEquals(-8, decline.change(), 1e-9);
    assertTrue(decline.ci().upper() < 0);
    assertTrue(decline.effectSize() <= ObservedAlertRules.DECLINE_EFFECT_SIZE_THRESHOLD);
  }

  @Test
  void theGapWidensWhenSelfRisesAndObservedFalls() {
    ObservedEvaluation evaluation =
        ObservedEvaluation.evaluate(
            falling(12),
            List.of("total"),
            SELF,
            ObservedAlertRules.declineDefaults(),
            GapRule.defaults());
    assertEquals(2, evaluation.gaps().size());
    assertEquals(70 - 71, evaluation.gaps().get(0).gap().gap(), 1e-9);
    assertEquals(75 - 63, evaluation.gaps().get(1).gap().gap(), 1e-9);
    assertEquals(1, evaluation.widenings().size());
    GapWidening widening = evaluation.widenings().get(0);
    assertEquals(13, widening.change().change(), 1e-9);
    assertEquals(11, widening.change().widening(), 1e-9);
    assertTrue(widening.change().ci().lower() > 0);

    ObservedEvaluation stricter =
        ObservedEvaluation.evaluate(
            falling(12),
            List.of("total"),
            SELF,
            ObservedAlertRules.declineDefaults(),
            GapRule.defaults().withWideningPoints(12));
    assertTrue(stricter.widenings().isEmpty());
  }

  @Test
  void fewerStudentsThanTheMinimumRaiseNothing() {
    ObservedEvaluation evaluation =
        ObservedEvaluation.evaluate(
            falling(9),
            List.of("total"),
            SELF,
            ObservedAlertRules.declineDefaults(),
            GapRule.defaults());
    assertTrue(evaluation.declines().isEmpty());
    assertTrue(evaluation.gaps().isEmpty(), "the observed side is hidden");
    assertTrue(evaluation.widenings().isEmpty());
  }

  @Test
  void observedDefaultsDifferFromTheSelfAssessments() {
    AlertRule observed = ObservedAlertRules.declineDefaults();
    assertFalse(observed.enabled(ComparisonKind.BASELINE));
    assertTrue(observed.enabled(ComparisonKind.PREVIOUS_WAVE));
    assertEquals(-0.4, observed.effectSizeThreshold());
    assertEquals(AlertRule.defaults().minimumGroupSize(), observed.minimumGroupSize());
  }
}
