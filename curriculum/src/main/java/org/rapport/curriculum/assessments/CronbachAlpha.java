package org.rapport.curriculum.assessments;

import java.util.List;
import org.apache.commons.math3.stat.descriptive.moment.Variance;

/**
 * Cronbach's coefficient alpha, the internal consistency of a set of items:
 *
 * <pre>
 *   alpha = k / (k − 1) × (1 − Σ s²ᵢ / s²ₜ)
 * </pre>
 *
 * where {@code k} is the number of items, {@code s²ᵢ} the variance of item {@code i} across
 * respondents and {@code s²ₜ} the variance of the respondents' totals (row sums). Both variances
 * are sample variances (divisor n − 1, commons-math3 {@link Variance}); the divisor cancels in the
 * ratio. Source: Cronbach L. J., "Coefficient alpha and the internal structure of tests",
 * Psychometrika 16 (1951) 297–334. Published JSE-S samples report about 0.82 (domain notes).
 *
 * @param value alpha; at most 1, and negative when items correlate negatively on average
 * @param items k, the number of items (columns)
 * @param respondents the number of complete responses (rows)
 */
public record CronbachAlpha(double value, int items, int respondents) {

  /**
   * @param keyedItemMatrix one row per respondent with a complete response, one column per item,
   *     holding keyed scores (reverse-scored items already reversed, e.g. from {@link
   *     Scorer#keyedItems(Answers)})
   * @throws IllegalArgumentException with fewer than 2 respondents or 2 items, rows of unequal
   *     length, or no variance in the totals (alpha is then undefined)
   */
  public static CronbachAlpha of(List<int[]> keyedItemMatrix) {
    int n = keyedItemMatrix.size();
    if (n < 2) {
      throw new IllegalArgumentException("Cronbach's alpha needs at least 2 respondents, got " + n);
    }
    int k = keyedItemMatrix.get(0).length;
    if (k < 2) {
      throw new IllegalArgumentException("Cronbach's alpha needs at least 2 items, got " + k);
    }
    double[][] columns = new double[k][n];
    double[] totals = new double[n];
    for (int r = 0; r < n; r++) {
      int[] row = keyedItemMatrix.get(r);
      if (row.length != k) {
        throw new IllegalArgumentException(
            "row " + r + " has " + row.length + " items, row 0 has " + k);
      }
      for (int i = 0; i < k; i++) {
        columns[i][r] = row[i];
        totals[r] += row[i];
      }
    }
    Variance variance = new Variance(true);
    double itemVariances = 0;
    for (double[] column : columns) {
      itemVariances += variance.evaluate(column);
    }
    double totalVariance = variance.evaluate(totals);
    if (totalVariance == 0) {
      throw new IllegalArgumentException(
          "Cronbach's alpha is undefined: every respondent has the same total");
    }
    double alpha = (double) k / (k - 1) * (1 - itemVariances / totalVariance);
    return new CronbachAlpha(alpha, k, n);
  }
}
