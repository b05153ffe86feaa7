package org.rapport.curriculum.observed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rapport.curriculum.instruments.ScoreRange;

class PercentOfScaleTest {

  @Test
  void endsOfTheScaleAreZeroAndHundred() {
    PercentOfScale tenItemsOneToFive = PercentOfScale.of(new ScoreRange(10, 50));
    assertEquals(0, tenItemsOneToFive.percent(10), 1e-12);
    assertEquals(100, tenItemsOneToFive.percent(50), 1e-12);
    assertEquals(62.5, tenItemsOneToFive.percent(35), 1e-12);
  }

  @Test
  void scoreIsTheInverse() {
    PercentOfScale jse = new PercentOfScale(20, 140);
    for (double score : new double[] {20, 57.5, 101, 140}) {
      assertEquals(score, jse.score(jse.percent(score)), 1e-9);
    }
    assertEquals(80, jse.score(50), 1e-12);
  }

  @Test
  void spreadsScaleWithoutShifting() {
    PercentOfScale scale = new PercentOfScale(4, 20);
    assertEquals(25, scale.points(4), 1e-12);
    assertEquals(scale.percent(12) - scale.percent(8), scale.points(4), 1e-12);
  }

  @Test
  void refusesScoresOffTheScaleAndEmptyScales() {
    PercentOfScale scale = new PercentOfScale(10, 50);
    IllegalArgumentException off =
        assertThrows(IllegalArgumentException.class, () -> scale.percent(51));
    assertTrue(off.getMessage().contains("outside the scale"), off.getMessage());
    assertThrows(IllegalArgumentException.class, () -> scale.percent(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> scale.score(101));
    assertThrows(IllegalArgumentException.class, () -> new PercentOfScale(5, 5));
  }
}
