package org.rapport.curriculum.analytics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmallCellSuppressionTest {

  @ParameterizedTest
  @ValueSource(ints = {4, 1, 0, -3})
  void refusesAMinimumGroupSizeBelowFive(int n) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new SmallCellSuppression(n));
    assertTrue(e.getMessage().startsWith(SmallCellSuppression.BELOW_FLOOR), e.getMessage());
  }

  @Test
  void defaultsToTenAndAcceptsTheFloor() {
    assertEquals(10, SmallCellSuppression.defaults().minimumGroupSize());
    assertEquals(5, new SmallCellSuppression(5).minimumGroupSize());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 5, 9})
  void hidesAnyCellUnderN(int n) {
    assertTrue(SmallCellSuppression.defaults().suppresses(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {10, 11, 500})
  void showsCellsOfAtLeastN(int n) {
    assertFalse(SmallCellSuppression.defaults().suppresses(n));
  }

  static Stream<Arguments> additiveSets() {
    // counts, total shown, expected hidden cells (N = 10)
    return Stream.of(
        // Nothing small: nothing hidden.
        Arguments.of(new int[] {30, 25, 12}, true, new boolean[] {false, false, false}),
        // One small cell: the next-smallest goes too, so it cannot be recovered by subtraction.
        Arguments.of(new int[] {30, 4, 25, 12}, true, new boolean[] {false, true, false, true}),
        // Without a shown total nothing can be subtracted: primary suppression only.
        Arguments.of(new int[] {30, 4, 25, 12}, false, new boolean[] {false, true, false, false}),
        // Two small cells that together reach N already protect each other.
        Arguments.of(new int[] {30, 6, 25, 7}, true, new boolean[] {false, true, false, true}),
        // Two small cells that together are still a small group: one more goes.
        Arguments.of(
            new int[] {30, 3, 25, 4, 12}, true, new boolean[] {false, true, false, true, true}),
        // Matched / unmatched split of a shown wave summary: 3 unmatched hide the 45 matched.
        Arguments.of(new int[] {45, 3}, true, new boolean[] {true, true}),
        // No unmatched student: nothing to protect.
        Arguments.of(new int[] {45, 0}, true, new boolean[] {false, true}),
        // Enough unmatched students to be a group of their own.
        Arguments.of(new int[] {45, 10}, true, new boolean[] {false, false}),
        // Ties: the first smallest is taken.
        Arguments.of(new int[] {5, 20, 20}, true, new boolean[] {true, true, false}));
  }

  @ParameterizedTest
  @MethodSource("additiveSets")
  void complementarySuppression(int[] counts, boolean totalShown, boolean[] expected) {
    assertArrayEquals(
        expected,
        SmallCellSuppression.defaults().suppressAdditiveSet(counts, totalShown),
        Arrays.toString(counts));
  }

  @Test
  void noSingleSuppressedCellIsRecoverableFromAShownTotal() {
    SmallCellSuppression rule = new SmallCellSuppression(5);
    int[][] sets = {{1, 50}, {4, 6, 9, 100}, {2, 2, 40}, {3, 5, 5, 5}, {4, 100, 100, 100}};
    for (int[] counts : sets) {
      boolean[] hidden = rule.suppressAdditiveSet(counts, true);
      int hiddenCells = 0;
      int hiddenStudents = 0;
      for (int i = 0; i < counts.length; i++) {
        if (hidden[i] && counts[i] > 0) {
          hiddenCells++;
          hiddenStudents += counts[i];
        }
      }
      assertTrue(hiddenCells != 1, Arrays.toString(counts));
      assertTrue(hiddenCells == 0 || hiddenStudents >= 5, Arrays.toString(counts));
    }
  }
}
