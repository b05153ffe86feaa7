package org.rapport.lti.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rapport.curriculum.analytics.AnalysisSettings;
import org.rapport.curriculum.analytics.CohortReport;
import org.rapport.curriculum.analytics.CohortStatistics;
import org.rapport.curriculum.analytics.Dataset;
import org.rapport.curriculum.analytics.StudentKey;
import org.rapport.curriculum.analytics.WaveKey;
import org.rapport.lti.alerts.AlertVocabulary;
import org.rapport.lti.analytics.CohortInfo;
import org.rapport.lti.analytics.TenantObservations;

class AggregateCsvTest {
  private static final CohortInfo BIG = new CohortInfo(1, 2020, "Class of 2024, =big", 40);
  private static final CohortInfo SMALL = new CohortInfo(2, 2021, "Class of 2025", 6);

  private static TenantObservations observations(Dataset d) {
    return new TenantObservations(9, Map.of(1L, BIG, 2L, SMALL), Map.of("rapport-empathy", d));
  }

  private static Dataset dataset() {
    Random random = new Random(1);
    Dataset.Builder b = Dataset.builder("total", "affective");
    b.cohort(BIG.key(), 2020)
        .roster(BIG.key(), 40)
        .cohort(SMALL.key(), 2021)
        .roster(SMALL.key(), 6);
    for (CohortInfo c : new CohortInfo[] {BIG, SMALL}) {
      for (int s = 0; s < c.rosterSize(); s++) {
        for (int w = 0; w < 3; w++) {
          b.add(
              new StudentKey(c.id() + "/" + s),
              c.key(),
              new WaveKey(new String[] {"MATRICULATION", "Y1", "Y2"}[w]),
              w,
              90 + 5 * random.nextGaussian(),
              30 + 3 * random.nextGaussian());
        }
      }
    }
    return b.build();
  }

  @Test
  void smallCohortsAreListedWithoutAnyFigure() {
    Dataset d = dataset();
    CohortReport report = CohortStatistics.analyse(d, AnalysisSettings.defaults());
    String csv =
        AggregateCsv.write(report, observations(d), "rapport-empathy", AlertVocabulary.shipped());
    String[] lines = csv.split("\r\n");
    assertEquals(AggregateCsv.HEADER.strip(), lines[0]);
    int columns = lines[0].split(",", -1).length;
    int small = 0;
    int big = 0;
    for (String line : lines) {
      if (line.contains(",Class of 2025,")) {
        small++;
        assertTrue(line.matches(".*,,,,,,,,,,,,,yes"), line);
      } else if (line.contains("Class of 2024")) {
        big++;
        assertTrue(
            line.startsWith("summary,\"'=big") || line.contains(",\"Class of 2024, =big\","), line);
        assertTrue(line.endsWith(",no"), line);
      }
      assertEquals(columns, line.replaceAll("\"[^\"]*\"", "q").split(",", -1).length, line);
    }
    assertEquals(6 + 6 + 6, small, csv); // summaries, changes, against the earlier cohort
    assertTrue(big >= 6 + 6, csv);
  }
}
