package org.rapport.curriculum.analytics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Student's t quantiles and p-values from commons-math3, with a tight inversion accuracy. Public so
 * that other curriculum statistics (observed-rating gaps) use the same quantiles.
 */
public final class StudentT {

  /** Absolute accuracy of the quantile search; the default 1e-9 is looser than the tests. */
  private static final double INVERSE_ACCURACY = 1e-13;

  private StudentT() {}

  private static TDistribution of(double df) {
    if (!(df > 0) || Double.isInfinite(df)) {
      throw new IllegalArgumentException("Degrees of freedom must be positive and finite: " + df);
    }
    // No random generator: these distributions are never sampled.
    return new TDistribution(null, df, INVERSE_ACCURACY);
  }

  /** Integer degrees of freedom (n − 1) recur across cohorts; each quantile is a root search. */
  private static final Map<Key, Double> CRITICAL = new ConcurrentHashMap<>();

  /**
   * Welch's fractional degrees of freedom are new for every comparison but the same again when the
   * next scheduled evaluation finds the same scores: without this, their quantiles were a sixth of
   * a large tenant's evaluation. Bounded: emptied when full.
   */
  private static final Map<Key, Double> FRACTIONAL = new ConcurrentHashMap<>();

  static final int FRACTIONAL_LIMIT = 100_000;

  private record Key(double df, double level) {}

  /** The two-sided critical value: P(|T| <= q) = level. */
  public static double critical(double df, double level) {
    if (df == Math.rint(df) && df <= 100_000) {
      return CRITICAL.computeIfAbsent(new Key(df, level), k -> quantile(k.df, k.level));
    }
    Key key = new Key(df, level);
    Double known = FRACTIONAL.get(key);
    if (known != null) {
      return known;
    }
    double q = quantile(df, level);
    if (FRACTIONAL.size() >= FRACTIONAL_LIMIT) {
      FRACTIONAL.clear();
    }
    FRACTIONAL.put(key, q);
    return q;
  }

  private static double quantile(double df, double level) {
    return of(df).inverseCumulativeProbability(0.5 + level / 2);
  }

  /** Two-sided p-value of a t statistic, computed from the lower tail to keep small p exact. */
  public static double twoSidedP(double t, double df) {
    if (Double.isNaN(t)) {
      return Double.NaN;
    }
    if (Double.isInfinite(t)) {
      return 0;
    }
    return Math.min(1, 2 * of(df).cumulativeProbability(-Math.abs(t)));
  }
}
