package org.rapport.curriculum.observed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reference values from Python 3 / SciPy 1.17:
 *
 * <pre>{@code
 * v = [s**2 / n for s, n in zip(sds, ns)]; se = sqrt(sum(v))
 * df = sum(v)**2 / sum(vi**2 / (ni - 1) for vi, ni in zip(v, ns)); q = stats.t.ppf(0.975, df)
 * # the two-group case agrees with stats.ttest_ind_from_stats(..., equal_var=False)
 * }</pre>
 */
class GapStatisticsTest {

  static final GapStatistics.Group SELF_Y3 = new GapStatistics.Group(40, 72.5, 11.0);
  static final GapStatistics.Group OBSERVED_Y3 = new GapStatistics.Group(25, 64.0, 9.0);
  static final GapStatistics.Group SELF_Y4 = new GapStatistics.Group(38, 74.0, 10.5);
  static final GapStatistics.Group OBSERVED_Y4 = new GapStatistics.Group(22, 55.0, 12.0);

  @Test
  void cohortGapIsWelchsDifference() {
    GapStatistics.Gap gap = GapStatistics.cohortGap(SELF_Y3, OBSERVED_Y3, 0.95);
    assertEquals(8.5, gap.gap(), 1e-12);
    assertEquals(2.5029982021567654, gap.standardError(), 1e-12);
    assertEquals(58.405342966073974, gap.df(), 1e-9);
    assertEquals(3.4904449771682797, gap.ci().lower(), 1e-8);
    assertEquals(13.50955502283172, gap.ci().upper(), 1e-8);
    assertTrue(gap.clear());
  }

  @Test
  void changeOfAGapAddsFourVarianceTerms() {
    GapStatistics.GapChange change =
        GapStatistics.change(
            GapStatistics.cohortGap(SELF_Y3, OBSERVED_Y3, 0.95),
            GapStatistics.cohortGap(SELF_Y4, OBSERVED_Y4, 0.95),
            0.95);
    assertEquals(10.5, change.change(), 1e-12);
    assertEquals(3.9638075552337595, change.standardError(), 1e-12);
    assertEquals(83.97512825780983, change.df(), 1e-9);
    assertEquals(2.6174998676015955, change.ci().lower(), 1e-8);
    assertEquals(18.382500132398405, change.ci().upper(), 1e-8);
    assertEquals(10.5, change.widening(), 1e-12);
    assertTrue(change.clearlyAwayFromZero());
  }

  @Test
  void aGapThatNarrowsOrCrossesIsJudgedByItsDistanceFromZero() {
    GapStatistics.Gap wide = GapStatistics.cohortGap(SELF_Y4, OBSERVED_Y4, 0.95);
    GapStatistics.Gap narrow = GapStatistics.cohortGap(SELF_Y3, OBSERVED_Y3, 0.95);
    GapStatistics.GapChange narrowing = GapStatistics.change(wide, narrow, 0.95);
    assertEquals(-10.5, narrowing.widening(), 1e-12);
    assertFalse(narrowing.clearlyAwayFromZero());

    GapStatistics.Gap under =
        GapStatistics.cohortGap(
            new GapStatistics.Group(30, 50, 8), new GapStatistics.Group(30, 75, 8), 0.95);
    GapStatistics.GapChange crossing = GapStatistics.change(narrow, under, 0.95);
    assertEquals(25 - 8.5, crossing.widening(), 1e-12);
    assertTrue(crossing.clearlyAwayFromZero());
  }

  @Test
  void noSpreadGivesAPointInterval() {
    GapStatistics.Gap gap =
        GapStatistics.cohortGap(
            new GapStatistics.Group(10, 60, 0), new GapStatistics.Group(10, 50, 0), 0.95);
    assertEquals(10, gap.ci().lower(), 1e-12);
    assertEquals(10, gap.ci().upper(), 1e-12);
    assertEquals(18, gap.df(), 1e-12);
  }

  @Test
  void aGapNeedsTwoStudentsOnEachSide() {
    assertThrows(
        IllegalArgumentException.class,
        () -> GapStatistics.cohortGap(new GapStatistics.Group(1, 60, 0), OBSERVED_Y3, 0.95));
    assertThrows(IllegalArgumentException.class, () -> new GapStatistics.Group(0, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new GapStatistics.Group(3, 1, -1));
  }

  @Test
  void studentGapIsOwnSelfMinusTheMeanOfOwnRatings() {
    Map<String, Double> self = new LinkedHashMap<>();
    self.put("total", 80.0);
    self.put("affective", 90.0);
    self.put("cognitive", 70.0);
    List<GapStatistics.StudentGap> gaps =
        GapStatistics.forStudent(
            self,
            List.of(
                Map.of("total", 60.0, "affective", 50.0),
                Map.of("total", 70.0, "affective", 60.0)));
    assertEquals(2, gaps.size(), "cognitive has no observed rating");
    assertEquals("total", gaps.get(0).domain());
    assertEquals(65, gaps.get(0).observed(), 1e-12);
    assertEquals(15, gaps.get(0).gap(), 1e-12);
    assertEquals(2, gaps.get(0).ratings());
    assertEquals(35, gaps.get(1).gap(), 1e-12);
  }
}
