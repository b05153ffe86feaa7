package org.rapport.curriculum.observed;

import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.distribution.FDistribution;
import org.rapport.curriculum.analytics.ConfidenceInterval;

/**
 * How well raters who saw the same encounter agree, from the encounters rated by two or more
 * raters.
 *
 * <p><b>Intraclass correlation.</b> Each encounter is a target rated by its own raters, who differ
 * from encounter to encounter, so the design is one-way random: ICC(1,1) of Shrout and Fleiss
 * (1979, "Intraclass correlations: uses in assessing rater reliability", Psychological Bulletin
 * 86:420–428, case 1), the reliability of a single rater's score. From the one-way analysis of
 * variance over n encounters with k<sub>i</sub> ratings each (N = Σ k<sub>i</sub>):
 *
 * <pre>
 *   MSB = Σ k_i (mean_i − grand mean)² / (n − 1)        between encounters
 *   MSW = Σ Σ (x_ij − mean_i)² / (N − n)                 within encounters
 *   ICC = (MSB − MSW) / (MSB + (k − 1) · MSW)
 * </pre>
 *
 * When every encounter has the same number of raters k this is exactly Shrout and Fleiss's
 * ICC(1,1). With unequal numbers of raters, k is replaced by the average group size adjusted for
 * imbalance, {@code k0 = (N − Σ k_i² / N) / (n − 1)}, the coefficient of the between-target
 * variance in the expected MSB (called n₀ in Snedecor and Cochran, Statistical Methods, 8th ed.,
 * 1989, for the one-way classification with unequal class sizes; this is the ANOVA estimator in
 * Donner 1986, "A review of inference procedures for the intraclass correlation coefficient in the
 * one-way random effects model", International Statistical Review 54:67–82). With equal k, k0 = k.
 *
 * <p>The confidence interval is Shrout and Fleiss's F-based interval for ICC(1,1): with F = MSB /
 * MSW, F<sub>L</sub> = F / F<sub>1−α/2</sub>(n − 1, N − n) and F<sub>U</sub> = F ·
 * F<sub>1−α/2</sub>(N − n, n − 1), the interval is ((F<sub>L</sub> − 1) / (F<sub>L</sub> + k0 − 1),
 * (F<sub>U</sub> − 1) / (F<sub>U</sub> + k0 − 1)); with unequal k it is the usual approximation
 * that puts k0 in place of k.
 *
 * <p><b>A simple agreement figure.</b> For each encounter, the absolute difference between its
 * first two raters; reported as the mean absolute difference and the share of encounters whose two
 * raters are within a tolerance (default 10 points). Give the ratings in percent of scale (see
 * {@link PercentOfScale}) and these are percentage points of the scale.
 *
 * <p>Encounters with fewer than two ratings carry no information on agreement and are left out.
 * With fewer double-rated encounters than the minimum, the result is "too few to judge" and has no
 * figures.
 */
public final class RaterAgreement {

  /** Default minimum number of double-rated encounters before agreement is judged. */
  public static final int DEFAULT_MINIMUM_ENCOUNTERS = 10;

  /** Default tolerance of the simple agreement figure, in points (percent of scale). */
  public static final double DEFAULT_TOLERANCE_POINTS = 10;

  private RaterAgreement() {}

  /** Agreement with the default minimum, tolerance and a 95% interval. */
  public static Agreement of(List<? extends List<Double>> encounters) {
    return of(encounters, DEFAULT_MINIMUM_ENCOUNTERS, DEFAULT_TOLERANCE_POINTS, 0.95);
  }

  /**
   * @param encounters per encounter, its raters' scores in rater order (the first two make the pair
   *     of the simple figure); encounters with fewer than two scores are left out
   * @param minimumEncounters fewest double-rated encounters to judge, at least 2
   * @param tolerancePoints the pair figure counts differences up to this many points, inclusive
   * @param confidenceLevel of the ICC's interval, strictly between 0.5 and 1
   */
  public static Agreement of(
      List<? extends List<Double>> encounters,
      int minimumEncounters,
      double tolerancePoints,
      double confidenceLevel) {
    Objects.requireNonNull(encounters, "encounters");
    if (minimumEncounters < 2) {
      throw new IllegalArgumentException(
          "Agreement needs at least two double-rated encounters, got a minimum of "
              + minimumEncounters);
    }
    if (!(tolerancePoints >= 0) || Double.isInfinite(tolerancePoints)) {
      throw new IllegalArgumentException("The tolerance must be zero or more points.");
    }
    if (!(confidenceLevel > 0.5 && confidenceLevel < 1)) {
      throw new IllegalArgumentException(
          "The confidence level must lie between 0.5 and 1, got " + confidenceLevel);
    }
    int n = 0;
    int total = 0;
    double sum = 0;
    long sumOfSquaredSizes = 0;
    int smallest = Integer.MAX_VALUE;
    int largest = 0;
    for (List<Double> ratings : encounters) {
      if (ratings.size() < 2) {
        continue;
      }
      for (Double x : ratings) {
        if (x == null || !Double.isFinite(x)) {
          throw new IllegalArgumentException("A rating must be a finite number, got " + x);
        }
        sum += x;
      }
      n++;
      total += ratings.size();
      sumOfSquaredSizes += (long) ratings.size() * ratings.size();
      smallest = Math.min(smallest, ratings.size());
      largest = Math.max(largest, ratings.size());
    }
    if (n < minimumEncounters) {
      return new Agreement(n, minimumEncounters, null);
    }
    double grand = sum / total;
    double ssBetween = 0;
    double ssWithin = 0;
    double absoluteDifferences = 0;
    int within = 0;
    for (List<Double> ratings : encounters) {
      if (ratings.size() < 2) {
        continue;
      }
      double mean = 0;
      for (Double x : ratings) {
        mean += x;
      }
      mean /= ratings.size();
      ssBetween += ratings.size() * (mean - grand) * (mean - grand);
      for (Double x : ratings) {
        ssWithin += (x - mean) * (x - mean);
      }
      double difference = Math.abs(ratings.get(0) - ratings.get(1));
      absoluteDifferences += difference;
      if (difference <= tolerancePoints + 1e-9) {
        within++;
      }
    }
    double dfBetween = n - 1;
    double dfWithin = total - n;
    double msBetween = ssBetween / dfBetween;
    double msWithin = ssWithin / dfWithin;
    double k0 = (total - (double) sumOfSquaredSizes / total) / dfBetween;
    Double icc = null;
    ConfidenceInterval ci = null;
    double denominator = msBetween + (k0 - 1) * msWithin;
    if (denominator > 0) {
      icc = (msBetween - msWithin) / denominator;
      if (msWithin > 0) {
        double f = msBetween / msWithin;
        double alpha = 1 - confidenceLevel;
        double fLower =
            f
                / new FDistribution(null, dfBetween, dfWithin)
                    .inverseCumulativeProbability(1 - alpha / 2);
        double fUpper =
            f
                * new FDistribution(null, dfWithin, dfBetween)
                    .inverseCumulativeProbability(1 - alpha / 2);
        ci =
            new ConfidenceInterval(
                confidenceLevel,
                (fLower - 1) / (fLower + k0 - 1),
                (fUpper - 1) / (fUpper + k0 - 1));
      }
    }
    return new Agreement(
        n,
        minimumEncounters,
        new Figures(
            total,
            smallest == largest ? smallest : null,
            k0,
            msBetween,
            msWithin,
            icc,
            ci,
            absoluteDifferences / n,
            (double) within / n,
            tolerancePoints));
  }

  /**
   * Agreement over the double-rated encounters.
   *
   * @param encounters encounters rated by two or more raters (the others are not counted)
   * @param minimumEncounters the fewest that are judged
   * @param figures {@code null} exactly when too few to judge
   */
  public record Agreement(int encounters, int minimumEncounters, Figures figures) {

    public Agreement {
      if ((figures == null) != (encounters < minimumEncounters)) {
        throw new IllegalArgumentException(
            "Agreement has figures exactly when there are enough encounters.");
      }
    }

    public boolean tooFewToJudge() {
      return figures == null;
    }
  }

  /**
   * @param ratings all ratings of the double-rated encounters (N)
   * @param ratersPerEncounter k when every encounter has the same number of raters, else {@code
   *     null} (then k0 was used)
   * @param k0 the group size the ICC used: k, or the imbalance-adjusted average
   * @param icc ICC(1,1); {@code null} when it has no value (every rating the same)
   * @param iccCi {@code null} when there is no within-encounter spread (the ICC is then 1) or no
   *     ICC
   * @param meanAbsoluteDifference between the first two raters of each encounter
   * @param shareWithinTolerance of encounters whose first two raters differ by at most the
   *     tolerance, 0 to 1
   */
  public record Figures(
      int ratings,
      Integer ratersPerEncounter,
      double k0,
      double msBetween,
      double msWithin,
      Double icc,
      ConfidenceInterval iccCi,
      double meanAbsoluteDifference,
      double shareWithinTolerance,
      double tolerancePoints) {}
}
