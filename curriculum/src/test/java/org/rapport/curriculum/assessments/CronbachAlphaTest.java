package org.rapport.curriculum.assessments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CronbachAlphaTest {

  /**
   * Five respondents, four items, worked by hand with exact fractions (and checked with numpy).
   *
   * <pre>
   *                  item 1  item 2  item 3  item 4   total
   *   respondent 1      4       5       4       3       16
   *   respondent 2      2       3       3       2       10
   *   respondent 3      5       5       4       5       19
   *   respondent 4      3       4       2       3       12
   *   respondent 5      1       2       2       1        6
   *   mean              3     3.8       3     2.8     12.6
   *   sum of squared
   *   deviations       10     6.8       4     8.8    103.2
   *   variance (n−1)  5/2   17/10       1    11/5    129/5
   * </pre>
   *
   * Σ item variances = 5/2 + 17/10 + 1 + 11/5 = 37/5. alpha = 4/3 × (1 − (37/5)/(129/5)) = 4/3 ×
   * 92/129 = 368/387 ≈ 0.950904.
   */
  @Test
  void matchesTheHandComputedReference() {
    List<int[]> matrix =
        List.of(
            new int[] {4, 5, 4, 3},
            new int[] {2, 3, 3, 2},
            new int[] {5, 5, 4, 5},
            new int[] {3, 4, 2, 3},
            new int[] {1, 2, 2, 1});

    CronbachAlpha alpha = CronbachAlpha.of(matrix);

    assertEquals(368.0 / 387.0, alpha.value(), 1e-9);
    assertEquals(4, alpha.items());
    assertEquals(5, alpha.respondents());
  }

  /**
   * Two items that always agree: item variances 1 + 1, total variance 4, alpha = 2 × (1 − 2/4) = 1.
   * Two items that always disagree around a constant total have no total variance and no alpha.
   * Items (1,3) (2,1) (3,2): variances 1 and 1, totals 4, 3, 5 with variance 1, alpha = 2 × (1 − 2)
   * = −2.
   */
  @Test
  void reachesOneForIdenticalItemsAndGoesNegativeForOpposedOnes() {
    assertEquals(
        1.0,
        CronbachAlpha.of(List.of(new int[] {1, 1}, new int[] {2, 2}, new int[] {3, 3})).value(),
        1e-9);
    assertEquals(
        -2.0,
        CronbachAlpha.of(List.of(new int[] {1, 3}, new int[] {2, 1}, new int[] {3, 2})).value(),
        1e-9);
  }

  static Stream<Arguments> unusableMatrices() {
    return Stream.of(
        Arguments.of(
            List.of(new int[] {1, 2, 3}), "Cronbach's alpha needs at least 2 respondents, got 1"),
        Arguments.of(
            List.of(new int[] {1}, new int[] {2}),
            "Cronbach's alpha needs at least 2 items, got 1"),
        Arguments.of(
            List.of(new int[] {1, 2}, new int[] {1, 2, 3}), "row 1 has 3 items, row 0 has 2"),
        Arguments.of(
            List.of(new int[] {1, 3}, new int[] {3, 1}, new int[] {2, 2}),
            "Cronbach's alpha is undefined: every respondent has the same total"));
  }

  @ParameterizedTest
  @MethodSource("unusableMatrices")
  void refusesMatricesWithoutAnAlpha(List<int[]> matrix, String message) {
    IllegalArgumentException thrown =
        assertThrows(IllegalArgumentException.class, () -> CronbachAlpha.of(matrix));

    assertEquals(message, thrown.getMessage());
  }
}
