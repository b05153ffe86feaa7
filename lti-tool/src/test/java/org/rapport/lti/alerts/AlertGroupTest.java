package org.rapport.lti.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapport.curriculum.alerts.ComparisonKind;
import org.rapport.curriculum.cohorts.Programme;

/** Alerts of one cohort and wave pair form one group, the total score first. */
class AlertGroupTest {
  private static final AlertVocabulary WORDS = AlertVocabulary.shipped();

  @Test
  void theTotalLeadsItsWavePairAndTheSubscalesFoldUnderIt() {
    List<StoredAlert> alerts =
        List.of(
            alert(1, "affective", "Y2", "Y3", ComparisonKind.PREVIOUS_WAVE, -0.45),
            alert(2, "cognitive", "Y2", "Y3", ComparisonKind.PREVIOUS_WAVE, -0.35),
            alert(3, "total", "Y2", "Y3", ComparisonKind.PREVIOUS_WAVE, -0.52),
            alert(4, "total", "MATRICULATION", "Y3", ComparisonKind.BASELINE, -0.6));
    List<AlertGroup> groups =
        AlertSection.current(alerts, WORDS, Programme.standard(), "tok", "cohort").groups();

    assertEquals(2, groups.size());
    AlertGroup pair = groups.get(0);
    assertEquals(3, pair.lead().id());
    assertEquals(List.of(1L, 2L), pair.subscales().stream().map(AlertCard::id).toList());
    assertEquals(3, pair.openCount());
    assertTrue(pair.heading().contains("Year 2 to Year 3"), pair.heading());
    assertEquals(4, groups.get(1).lead().id());
    assertTrue(groups.get(1).subscales().isEmpty());
  }

  @Test
  void eachAlertReadsAsASentenceFirst() {
    String sentence =
        AlertCard.sentence(
            alert(3, "total", "Y2", "Y3", ComparisonKind.PREVIOUS_WAVE, -0.52),
            WORDS,
            Programme.standard());
    assertEquals(
        "Class of 2019: the total score fell from Year 2 to Year 3 by 4.0 points, about half a"
            + " standard deviation (a medium effect), among the 120 students who answered both"
            + " waves. With 95% confidence the fall lies between 2.5 and 5.5 points.",
        sentence);
  }

  @Test
  void historicalFindingsAreListedApartAndNeverNeedAttention() {
    StoredAlert old = historical(alert(5, "total", "Y1", "Y2", ComparisonKind.PREVIOUS_WAVE, -0.4));
    assertEquals(
        List.of(),
        AlertSection.current(List.of(old), WORDS, Programme.standard(), "t", "c").groups());
    assertEquals(
        1,
        AlertSection.history(List.of(old), WORDS, Programme.standard(), "t", "c").groups().size());
    assertTrue(!old.needsAttention());
  }

  private static StoredAlert alert(
      long id, String measure, String from, String to, ComparisonKind kind, double d) {
    OffsetDateTime at = OffsetDateTime.of(2026, 12, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    return new StoredAlert(
        id,
        1,
        7,
        "Class of 2019",
        2015,
        "rapport-empathy",
        from,
        to,
        measure,
        kind,
        AlertState.OPEN,
        new StoredAlert.Group(120, 100.0, 7.5, 0.85),
        new StoredAlert.Group(120, 96.0, 7.8, 0.82),
        -4.0,
        6.0,
        0.95,
        -5.5,
        -2.5,
        -7.3,
        119,
        0.0001,
        d,
        "D_AV",
        null,
        List.of(),
        at,
        at,
        null,
        null,
        null,
        null,
        null,
        false);
  }

  private static StoredAlert historical(StoredAlert a) {
    return new StoredAlert(
        a.id(),
        a.registrationId(),
        a.cohortId(),
        a.cohortLabel(),
        a.matriculationYear(),
        a.instrumentId(),
        a.fromStage(),
        a.toStage(),
        a.measure(),
        a.comparison(),
        a.state(),
        a.reference(),
        a.current(),
        a.change(),
        a.sdOfChange(),
        a.ciLevel(),
        a.ciLower(),
        a.ciUpper(),
        a.t(),
        a.df(),
        a.p(),
        a.effectSize(),
        a.effectSizeMeasure(),
        a.allStudents(),
        a.recommendedModules(),
        a.raisedAt(),
        a.evaluatedAt(),
        a.acknowledgedAt(),
        a.acknowledgedBy(),
        a.resolvedAt(),
        a.resolvedBy(),
        a.resolutionNote(),
        true);
  }
}
