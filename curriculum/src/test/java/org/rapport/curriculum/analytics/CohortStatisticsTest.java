package org.rapport.curriculum.analytics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CohortStatisticsTest {

  private static final CohortKey COHORT = new CohortKey("2028");
  private static final WaveKey M = new WaveKey("M");
  private static final WaveKey Y1 = new WaveKey("Y1");
  private static final WaveKey Y2 = new WaveKey("Y2");

  /** 40 students answer M and Y1; all but {@code skipY2} answer Y2. */
  private static CohortReport cohortWithSkippers(int skipY2) {
    Dataset.Builder b = Dataset.builder("total");
    for (int s = 0; s < 40; s++) {
      StudentKey student = new StudentKey("s" + s);
      b.add(student, COHORT, M, 0, 110 + s % 7);
      b.add(student, COHORT, Y1, 1, 108 + s % 5);
      if (s >= skipY2) {
        b.add(student, COHORT, Y2, 2, 105 + s % 9);
      }
    }
    return CohortStatistics.analyse(b.build(), AnalysisSettings.defaults());
  }

  private static PairedComparison pair(CohortReport r, WaveKey from, WaveKey to) {
    return r.paired().stream()
        .filter(p -> p.from().equals(from) && p.to().equals(to))
        .findFirst()
        .orElseThrow();
  }

  @ParameterizedTest(name = "{0} skip Y2: Y1→Y2 suppressed {1}")
  @CsvSource({"0, false", "1, true", "3, true", "9, true", "10, false", "20, false"})
  void aPairedComparisonThatWouldRevealTheUnmatchedFewIsSuppressed(int skip, boolean hidden) {
    CohortReport r = cohortWithSkippers(skip);
    // The Y1 summary (40 students) is shown; the Y1 mean of the matched students plus it would
    // give the mean of the `skip` students left out.
    assertFalse(
        r.summaries().stream().filter(s -> s.wave().equals(Y1)).findFirst().get().suppressed());
    PairedComparison y1y2 = pair(r, Y1, Y2);
    assertEquals(hidden, y1y2.suppressed());
    assertEquals(hidden, y1y2.figures() == null);
    assertEquals(hidden, pair(r, M, Y2).suppressed());
    assertFalse(pair(r, M, Y1).suppressed(), "everyone answered both M and Y1");
  }

  @Test
  void wavePairsAreConsecutiveThenBaseline() {
    assertArrayEquals(
        new int[][] {{0, 1}, {1, 2}, {2, 3}, {0, 2}, {0, 3}}, CohortStatistics.wavePairs(4));
    assertEquals(0, CohortStatistics.wavePairs(1).length);
  }

  @Test
  void observationsBuildADatasetWithTotalFirst() {
    List<Observation> obs =
        List.of(
            new Observation(new StudentKey("a"), COHORT, Y1, 1, Map.of("PT", 50.0, "total", 110.0)),
            new Observation(new StudentKey("a"), COHORT, M, 0, Map.of("CC", 40.0)));
    Dataset d = Dataset.of(obs);
    assertEquals(List.of("total", "CC", "PT"), d.measures());
    assertEquals(List.of(COHORT), d.cohorts());
    CohortReport r = CohortStatistics.analyse(d, AnalysisSettings.defaults());
    // 3 measures x 2 waves, all one student: all suppressed, in wave order M then Y1.
    assertEquals(6, r.summaries().size());
    assertTrue(r.summaries().stream().allMatch(Summary::suppressed));
    assertEquals(M, r.summaries().get(0).wave());
  }

  @Test
  void aStudentAnswersAWaveOnce() {
    Dataset.Builder b = Dataset.builder("total");
    b.add(new StudentKey("a"), COHORT, Y1, 1, 100);
    b.add(new StudentKey("a"), COHORT, Y1, 1, 101);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
    assertTrue(e.getMessage().contains("at most once"), e.getMessage());
  }

  @Test
  void aWaveKeepsItsOrder() {
    Dataset.Builder b = Dataset.builder("total");
    b.add(new StudentKey("a"), COHORT, Y1, 1, 100);
    assertThrows(
        IllegalArgumentException.class, () -> b.add(new StudentKey("b"), COHORT, Y1, 2, 100));
    assertThrows(
        IllegalArgumentException.class, () -> b.add(new StudentKey("b"), COHORT, Y2, 1, 100));
  }

  @Test
  void aSuppressedRecordCannotCarryFigures() {
    Summary.Figures figures =
        new Summary.Figures(3, 1, 1, 1, new ConfidenceInterval(0.95, 0, 2), null, null);
    assertThrows(
        IllegalArgumentException.class, () -> new Summary(COHORT, M, "total", true, figures));
    assertThrows(
        IllegalArgumentException.class, () -> new Summary(COHORT, M, "total", false, null));
  }

  @Test
  void missingMeasuresAreLeftOutOfTheirSummaryOnly() {
    Dataset.Builder b = Dataset.builder("total", "CC").roster(COHORT, 20);
    for (int s = 0; s < 12; s++) {
      b.add(new StudentKey("s" + s), COHORT, M, 0, 100 + s, s < 2 ? Double.NaN : 40 + s);
    }
    List<Summary> summaries =
        CohortStatistics.analyse(b.build(), AnalysisSettings.defaults()).summaries();
    assertEquals(12, summaries.get(0).figures().n());
    assertEquals(0.6, summaries.get(0).figures().responseRate(), 1e-15);
    assertEquals(10, summaries.get(1).figures().n());
    assertEquals(46.5, summaries.get(1).figures().mean(), 1e-12);
    assertNull(
        CohortStatistics.analyse(
                b.build(), new AnalysisSettings(0.95, new SmallCellSuppression(11)))
            .summaries()
            .get(1)
            .figures());
  }

  /** Six cohorts (two of 2017, one too small to show), two measures, rosters, missing waves. */
  private static Dataset cohorts(java.util.function.Predicate<CohortKey> keep) {
    java.util.Random random = new java.util.Random(5);
    Dataset.Builder b = Dataset.builder("total", "CC");
    String[] keys = {"c2015", "c2016", "c2017a", "c2017b", "c2018", "c2019"};
    int[] years = {2015, 2016, 2017, 2017, 2018, 2019};
    int[] sizes = {40, 7, 35, 30, 45, 50};
    WaveKey[] waves = {M, Y1, Y2};
    for (int c = 0; c < keys.length; c++) {
      CohortKey key = new CohortKey(keys[c]);
      if (!keep.test(key)) {
        random.nextLong(); // the other cohorts' scores stay the same
        continue;
      }
      java.util.Random own = new java.util.Random(random.nextLong());
      b.cohort(key, years[c]).roster(key, sizes[c] + 5);
      for (int s = 0; s < sizes[c]; s++) {
        double level = 100 + 8 * own.nextGaussian();
        for (int w = 0; w < waves.length; w++) {
          if (own.nextDouble() < 0.2) {
            continue;
          }
          double total = level - 2 * w + 3 * own.nextGaussian();
          b.add(new StudentKey(keys[c] + "-" + s), key, waves[w], w, total, total / 3);
        }
      }
    }
    return b.build();
  }

  @Test
  void aCohortAgainstStoredSummariesOfEarlierCohortsGetsTheFiguresOfTheFullAnalysis() {
    AnalysisSettings settings = AnalysisSettings.defaults();
    Dataset all = cohorts(k -> true);
    CohortReport full = CohortStatistics.analyse(all, settings);
    java.util.Map<CohortKey, Integer> years =
        java.util.Map.of(
            new CohortKey("c2015"), 2015,
            new CohortKey("c2016"), 2016,
            new CohortKey("c2017a"), 2017,
            new CohortKey("c2017b"), 2017,
            new CohortKey("c2018"), 2018,
            new CohortKey("c2019"), 2019);
    List<ReferenceSummary> stored =
        full.summaries().stream()
            .filter(s -> !s.suppressed())
            .map(s -> ReferenceSummary.of(s, years.get(s.cohort())))
            .toList();

    for (String focus : List.of("c2019", "c2017b")) {
      CohortKey key = new CohortKey(focus);
      CohortReport alone = CohortStatistics.analyse(cohorts(key::equals), settings, stored);
      List<CrossCohortComparison> expected =
          full.crossCohort().stream().filter(cc -> cc.cohort().equals(key)).toList();
      assertEquals(expected.size(), alone.crossCohort().size());
      assertTrue(!expected.isEmpty());
      for (int i = 0; i < expected.size(); i++) {
        CrossCohortComparison e = expected.get(i);
        CrossCohortComparison a = alone.crossCohort().get(i);
        assertEquals(e.reference(), a.reference(), focus + " " + e.wave() + " " + e.measure());
        assertEquals(e.suppressed(), a.suppressed());
        if (!e.suppressed()) {
          assertEquals(e.figures().referenceN(), a.figures().referenceN());
          assertEquals(e.figures().referenceMean(), a.figures().referenceMean(), 1e-9);
          assertEquals(e.figures().referenceSd(), a.figures().referenceSd(), 1e-9);
          assertEquals(e.figures().difference(), a.figures().difference(), 1e-9);
          assertEquals(e.figures().p(), a.figures().p(), 1e-9);
          assertEquals(e.figures().hedgesG(), a.figures().hedgesG(), 1e-9);
          assertEquals(
              e.figures().referenceResponseRate(), a.figures().referenceResponseRate(), 1e-12);
        }
      }
      assertEquals(
          full.summaries().stream().filter(s -> s.cohort().equals(key)).toList(),
          alone.summaries());
    }
    List<CohortKey> pool2019 =
        full.crossCohort().stream()
            .filter(cc -> cc.cohort().equals(new CohortKey("c2019")))
            .findFirst()
            .orElseThrow()
            .reference();
    assertFalse(pool2019.contains(new CohortKey("c2016")), "a hidden cohort never joins a pool");
    assertTrue(
        pool2019.contains(new CohortKey("c2017a")) && pool2019.contains(new CohortKey("c2018")));
  }
}
