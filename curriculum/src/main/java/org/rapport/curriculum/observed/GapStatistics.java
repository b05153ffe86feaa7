package org.rapport.curriculum.observed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rapport.curriculum.analytics.ConfidenceInterval;
import org.rapport.curriculum.analytics.StudentT;

/**
 * The gap between how students rated themselves and how they were experienced, per domain, in
 * percent of scale (see {@link PercentOfScale}): gap = self − observed, positive when the
 * self-assessment is the higher.
 *
 * <p><b>Cohort gap.</b> The self-assessment figures are the cohort's published aggregate (n, mean,
 * SD of the students who answered the wave) and the observed figures the cohort's observed summary
 * at the same stage (n, mean, SD of the students' mean observed ratings). The two groups overlap
 * but cannot be matched (the self-assessment is published only as an aggregate), so the gap is
 * treated as a difference of two independent means: standard error √(s₁²/n₁ + s₂²/n₂),
 * Welch–Satterthwaite degrees of freedom (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁−1) +
 * (s₂²/n₂)²/(n₂−1)), and a t interval. Since the same students' self and observed scores are
 * usually positively correlated, ignoring the overlap makes the interval wider than a paired one
 * would be, never narrower.
 *
 * <p><b>Change of a gap</b> between two stages: later gap − earlier gap, with the four groups again
 * treated as independent: the standard error adds the four variance terms and the degrees of
 * freedom are Satterthwaite's over the four (the students of one cohort at two stages are largely
 * the same, and positive correlation between stages makes this interval conservative as well).
 *
 * <p><b>One student's gap</b> per domain: their own self-assessment (percent of scale) minus the
 * mean of their own observed ratings' percents in that domain. No interval: one student's ratings
 * are too few for one.
 */
public final class GapStatistics {

  private GapStatistics() {}

  /**
   * One group's figures in percent of scale.
   *
   * @param sd sample standard deviation (n − 1), in percentage points of the scale
   */
  public record Group(int n, double mean, double sd) {
    public Group {
      if (n < 1) {
        throw new IllegalArgumentException("A group has at least one student, got " + n);
      }
      if (!Double.isFinite(mean) || !Double.isFinite(sd) || sd < 0) {
        throw new IllegalArgumentException("A group needs a finite mean and SD ≥ 0.");
      }
    }

    double varianceOfMean() {
      return sd * sd / n;
    }
  }

  /**
   * The cohort gap at one stage on one domain.
   *
   * @param gap self mean − observed mean, in percentage points of the scale
   * @param df Welch–Satterthwaite degrees of freedom
   */
  public record Gap(
      Group self,
      Group observed,
      double gap,
      double standardError,
      double df,
      ConfidenceInterval ci) {
    public Gap {
      Objects.requireNonNull(self, "self");
      Objects.requireNonNull(observed, "observed");
      Objects.requireNonNull(ci, "ci");
    }

    /** True when the interval lies entirely above or below zero. */
    public boolean clear() {
      return ci.excludesZero();
    }
  }

  /**
   * The change of one domain's gap between two stages of a cohort.
   *
   * @param change later gap − earlier gap
   */
  public record GapChange(
      Gap earlier,
      Gap later,
      double change,
      double standardError,
      double df,
      ConfidenceInterval ci) {
    public GapChange {
      Objects.requireNonNull(earlier, "earlier");
      Objects.requireNonNull(later, "later");
      Objects.requireNonNull(ci, "ci");
    }

    /** How much further from zero the gap lies at the later stage (negative: it narrowed). */
    public double widening() {
      return Math.abs(later.gap()) - Math.abs(earlier.gap());
    }

    /**
     * Whether the interval for the change lies entirely on the side the later gap points to: the
     * gap clearly moved further in its own direction (or clearly crossed over to it).
     */
    public boolean clearlyAwayFromZero() {
      if (later.gap() > 0) {
        return ci.lower() > 0;
      }
      if (later.gap() < 0) {
        return ci.upper() < 0;
      }
      return false;
    }
  }

  /**
   * The cohort gap from the two groups' figures.
   *
   * @throws IllegalArgumentException when a group has fewer than two students (no SD)
   */
  public static Gap cohortGap(Group self, Group observed, double confidenceLevel) {
    Objects.requireNonNull(self, "self");
    Objects.requireNonNull(observed, "observed");
    level(confidenceLevel);
    if (self.n() < 2 || observed.n() < 2) {
      throw new IllegalArgumentException(
          "A gap's interval needs at least two students on each side.");
    }
    double[] terms = {self.varianceOfMean(), observed.varianceOfMean()};
    int[] sizes = {self.n(), observed.n()};
    double gap = self.mean() - observed.mean();
    double se = Math.sqrt(terms[0] + terms[1]);
    double df = satterthwaite(terms, sizes);
    return new Gap(self, observed, gap, se, df, interval(gap, se, df, confidenceLevel));
  }

  /** The change of a domain's gap from an earlier to a later stage. */
  public static GapChange change(Gap earlier, Gap later, double confidenceLevel) {
    Objects.requireNonNull(earlier, "earlier");
    Objects.requireNonNull(later, "later");
    level(confidenceLevel);
    double[] terms = {
      earlier.self().varianceOfMean(),
      earlier.observed().varianceOfMean(),
      later.self().varianceOfMean(),
      later.observed().varianceOfMean()
    };
    int[] sizes = {
      earlier.self().n(), earlier.observed().n(), later.self().n(), later.observed().n()
    };
    double change = later.gap() - earlier.gap();
    double se = Math.sqrt(terms[0] + terms[1] + terms[2] + terms[3]);
    double df = satterthwaite(terms, sizes);
    return new GapChange(earlier, later, change, se, df, interval(change, se, df, confidenceLevel));
  }

  /**
   * One domain of one student's gap.
   *
   * @param observed mean of the student's observed ratings in the domain, percent of scale
   * @param ratings how many observed ratings the mean is of
   * @param gap self − observed
   */
  public record StudentGap(String domain, double self, double observed, int ratings, double gap) {}

  /**
   * One student's gap per domain: for each domain with both a self score and at least one observed
   * rating, in the order of {@code selfPercent}.
   *
   * @param selfPercent domain → the student's own self-assessment, percent of scale
   * @param observedPercents one map per observed rating: domain → percent of scale (a domain left
   *     out or {@code null} was not scored on that rating)
   */
  public static List<StudentGap> forStudent(
      Map<String, Double> selfPercent, List<Map<String, Double>> observedPercents) {
    Objects.requireNonNull(selfPercent, "selfPercent");
    Objects.requireNonNull(observedPercents, "observedPercents");
    List<StudentGap> gaps = new ArrayList<>();
    for (Map.Entry<String, Double> self : new LinkedHashMap<>(selfPercent).entrySet()) {
      if (self.getValue() == null) {
        continue;
      }
      double sum = 0;
      int count = 0;
      for (Map<String, Double> rating : observedPercents) {
        Double v = rating.get(self.getKey());
        if (v != null) {
          sum += v;
          count++;
        }
      }
      if (count > 0) {
        double observed = sum / count;
        gaps.add(
            new StudentGap(
                self.getKey(), self.getValue(), observed, count, self.getValue() - observed));
      }
    }
    return gaps;
  }

  private static double satterthwaite(double[] terms, int[] sizes) {
    double sum = 0;
    double denominator = 0;
    int dfSum = 0;
    for (int i = 0; i < terms.length; i++) {
      sum += terms[i];
      denominator += terms[i] * terms[i] / (sizes[i] - 1);
      dfSum += sizes[i] - 1;
    }
    // Every SD zero: no spread to weigh; the pooled degrees of freedom are the natural limit.
    return denominator > 0 ? sum * sum / denominator : dfSum;
  }

  private static ConfidenceInterval interval(double estimate, double se, double df, double level) {
    double half = se > 0 ? StudentT.critical(df, level) * se : 0;
    return new ConfidenceInterval(level, estimate - half, estimate + half);
  }

  private static void level(double confidenceLevel) {
    if (!(confidenceLevel > 0.5 && confidenceLevel < 1)) {
      throw new IllegalArgumentException(
          "The confidence level must lie between 0.5 and 1, got " + confidenceLevel);
    }
  }
}
