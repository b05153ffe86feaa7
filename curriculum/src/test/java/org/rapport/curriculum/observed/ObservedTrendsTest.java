package org.rapport.curriculum.observed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapport.curriculum.analytics.AnalysisSettings;
import org.rapport.curriculum.analytics.CohortKey;
import org.rapport.curriculum.analytics.Observation;
import org.rapport.curriculum.analytics.StudentKey;
import org.rapport.curriculum.analytics.Summary;
import org.rapport.curriculum.analytics.WaveKey;

class ObservedTrendsTest {

  static final CohortKey COHORT = new CohortKey("2024");
  static final WaveKey Y3 = new WaveKey("Y3");
  static final WaveKey Y4 = new WaveKey("Y4");

  static ObservedScore score(int student, WaveKey stage, int order, String group, double total) {
    return new ObservedScore(
        new StudentKey("s" + student),
        COHORT,
        stage,
        order,
        group,
        Map.of("total", total, "affective", Math.min(100, total + 5)));
  }

  /**
   * Y3: twelve students rated twice each by patients, four of them also by faculty. Y4: six
   * students, each rated three times by patients (eighteen ratings, still six students).
   */
  static List<ObservedScore> scores() {
    List<ObservedScore> scores = new ArrayList<>();
    for (int s = 0; s < 12; s++) {
      scores.add(score(s, Y3, 3, "PATIENT", 50 + s));
      scores.add(score(s, Y3, 3, "PATIENT", 60 + s));
      if (s < 4) {
        scores.add(score(s, Y3, 3, "FACULTY", 70 + s));
      }
    }
    for (int s = 0; s < 6; s++) {
      for (int r = 0; r < 3; r++) {
        scores.add(score(s, Y4, 4, "PATIENT", 40 + s + r));
      }
    }
    return scores;
  }

  @Test
  void aStudentsObservationIsTheMeanOfTheirRatings() {
    List<Observation> observations = ObservedTrends.observations(scores(), g -> true);
    Observation first =
        observations.stream()
            .filter(o -> o.student().value().equals("s0") && o.wave().equals(Y3))
            .findFirst()
            .orElseThrow();
    assertEquals((50 + 60 + 70) / 3.0, first.scores().get("total"), 1e-12);
    Observation patientsOnly =
        ObservedTrends.observations(scores(), "PATIENT"::equals).stream()
            .filter(o -> o.student().value().equals("s0") && o.wave().equals(Y3))
            .findFirst()
            .orElseThrow();
    assertEquals(55, patientsOnly.scores().get("total"), 1e-12);
  }

  @Test
  void figuresCountStudentsAndSmallCellsAreHidden() {
    ObservedReport report =
        ObservedTrends.analyse(
            scores(), List.of("total", "affective"), AnalysisSettings.defaults());
    Summary y3 = overall(report, Y3, "total");
    assertFalse(y3.suppressed());
    assertEquals(12, y3.figures().n());
    double expected = 0;
    for (int s = 0; s < 12; s++) {
      expected += s < 4 ? (50 + s + 60 + s + 70 + s) / 3.0 : (50 + s + 60 + s) / 2.0;
    }
    assertEquals(expected / 12, y3.figures().mean(), 1e-9);
    assertTrue(overall(report, Y4, "total").suppressed(), "six students, eighteen ratings");
    ObservedReport.GroupSummary y4Patients = group(report, Y4, "total", "PATIENT");
    assertTrue(y4Patients.summary().suppressed());
    assertFalse(y4Patients.complementary());
  }

  @Test
  void aLoneSmallRaterGroupHidesTheNextSmallestToo() {
    ObservedReport report =
        ObservedTrends.analyse(
            scores(), List.of("total", "affective"), AnalysisSettings.defaults());
    ObservedReport.GroupSummary faculty = group(report, Y3, "total", "FACULTY");
    assertTrue(faculty.summary().suppressed());
    assertFalse(faculty.complementary());
    ObservedReport.GroupSummary patients = group(report, Y3, "total", "PATIENT");
    assertTrue(
        patients.summary().suppressed(), "would narrow down the four faculty-rated students");
    assertTrue(patients.complementary());
    assertEquals(List.of("FACULTY", "PATIENT"), report.raterGroups());
  }

  @Test
  void twoLargeGroupsStayShown() {
    List<ObservedScore> scores = new ArrayList<>();
    for (int s = 0; s < 12; s++) {
      scores.add(score(s, Y3, 3, "PATIENT", 50 + s));
      scores.add(score(s, Y3, 3, "FACULTY", 60 + s));
    }
    ObservedReport report =
        ObservedTrends.analyse(scores, List.of("total"), AnalysisSettings.defaults());
    assertFalse(group(report, Y3, "total", "FACULTY").summary().suppressed());
    assertEquals(55.5, group(report, Y3, "total", "PATIENT").summary().figures().mean(), 1e-12);
  }

  static Summary overall(ObservedReport report, WaveKey stage, String measure) {
    return report.overall().summaries().stream()
        .filter(s -> s.wave().equals(stage) && s.measure().equals(measure))
        .findFirst()
        .orElseThrow();
  }

  static ObservedReport.GroupSummary group(
      ObservedReport report, WaveKey stage, String measure, String group) {
    return report.byRaterGroup().stream()
        .filter(
            g ->
                g.raterGroup().equals(group)
                    && g.summary().wave().equals(stage)
                    && g.summary().measure().equals(measure))
        .findFirst()
        .orElseThrow();
  }
}
