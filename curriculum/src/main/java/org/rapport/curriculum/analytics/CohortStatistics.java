package org.rapport.curriculum.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.apache.commons.math3.special.Gamma;

/**
 * Computes a {@link CohortReport} from a {@link Dataset}: summaries per cohort, wave and measure;
 * paired comparisons (consecutive waves, baseline → each later wave); the same contrasts from a
 * random-intercept mixed model on all students; and each cohort against its pooled earlier cohorts.
 * Every figure goes through {@link SmallCellSuppression} before it leaves this class.
 *
 * <p>Means and SDs are computed in two passes (mean, then squared deviations) over primitive
 * arrays; cohorts are independent and run in parallel on the common pool.
 *
 * <p>Differencing guard for paired comparisons: the students of a wave's shown summary split into
 * those matched to the other wave and those who are not. If the unmatched group is a small cell (1
 * ≤ n < N), the summary minus the matched figures would reveal it, so by complementary suppression
 * the paired comparison is suppressed.
 */
public final class CohortStatistics {

  private CohortStatistics() {}

  public static CohortReport analyse(Dataset dataset, AnalysisSettings settings) {
    return analyse(dataset, settings, List.of());
  }

  /**
   * Analyses the dataset's cohorts, pooling for the cross-cohort comparison the earlier cohorts of
   * {@code earlier} besides those of the dataset: with the summaries of every earlier cohort, a
   * dataset holding one cohort gives that cohort the same figures as a dataset holding them all. A
   * reference of a cohort that is also in the dataset is ignored.
   */
  public static CohortReport analyse(
      Dataset dataset, AnalysisSettings settings, List<ReferenceSummary> earlier) {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(settings, "settings");
    List<Dataset.CohortData> cohorts = dataset.cohortData();
    List<String> measures = dataset.measures();
    CohortResult[] results = new CohortResult[cohorts.size()];
    IntStream.range(0, cohorts.size())
        .parallel()
        .forEach(c -> results[c] = analyseCohort(cohorts.get(c), measures, settings));

    List<Summary> summaries = new ArrayList<>();
    List<PairedComparison> paired = new ArrayList<>();
    List<MixedModelContrast> contrasts = new ArrayList<>();
    for (CohortResult r : results) {
      summaries.addAll(r.summaries);
      paired.addAll(r.paired);
      contrasts.addAll(r.contrasts);
    }
    List<CrossCohortComparison> cross =
        crossCohort(cohorts, measures, results, settings, references(earlier, cohorts));
    return new CohortReport(settings, summaries, paired, contrasts, cross);
  }

  /** n, mean and sum of squared deviations of a group of scores. */
  record Moments(int n, double mean, double m2) {
    static final Moments EMPTY = new Moments(0, 0, 0);

    double variance() {
      return n > 1 ? m2 / (n - 1) : Double.NaN;
    }

    double sd() {
      return Math.sqrt(variance());
    }

    /** Chan et al.'s exact pooling of two groups' moments. */
    Moments plus(Moments o) {
      if (o.n == 0) {
        return this;
      }
      if (n == 0) {
        return o;
      }
      int total = n + o.n;
      double delta = o.mean - mean;
      return new Moments(
          total,
          mean + delta * o.n / total,
          m2 + o.m2 + delta * delta * ((double) n * o.n / total));
    }

    /** Two-pass moments of the non-missing values {@code x[offset + k * stride]}. */
    static Moments of(double[] x, int offset, int stride, int count) {
      int n = 0;
      double sum = 0;
      for (int k = 0, i = offset; k < count; k++, i += stride) {
        double v = x[i];
        if (!Double.isNaN(v)) {
          n++;
          sum += v;
        }
      }
      if (n == 0) {
        return EMPTY;
      }
      double mean = sum / n;
      double m2 = 0;
      double drift = 0;
      for (int k = 0, i = offset; k < count; k++, i += stride) {
        double v = x[i];
        if (!Double.isNaN(v)) {
          double d = v - mean;
          m2 += d * d;
          drift += d;
        }
      }
      // Corrected two-pass algorithm: removes the rounding left in the first-pass mean.
      return new Moments(n, mean + drift / n, m2 - drift * drift / n);
    }
  }

  private record CohortResult(
      List<Summary> summaries,
      List<PairedComparison> paired,
      List<MixedModelContrast> contrasts,
      Moments[][] moments,
      boolean[][] shown) {}

  private static CohortResult analyseCohort(
      Dataset.CohortData cohort, List<String> measures, AnalysisSettings settings) {
    SmallCellSuppression suppression = settings.suppression();
    double level = settings.confidenceLevel();
    int waves = cohort.waveCount();
    int students = cohort.students;
    List<Summary> summaries = new ArrayList<>();
    List<PairedComparison> paired = new ArrayList<>();
    List<MixedModelContrast> contrasts = new ArrayList<>();
    Moments[][] moments = new Moments[measures.size()][waves];
    boolean[][] shown = new boolean[measures.size()][waves];
    int[][] pairs = wavePairs(waves);

    for (int m = 0; m < measures.size(); m++) {
      String measure = measures.get(m);
      double[] x = cohort.scores[m];
      for (int w = 0; w < waves; w++) {
        Moments mo = Moments.of(x, w, waves, students);
        moments[m][w] = mo;
        shown[m][w] = !suppression.suppresses(mo.n);
        summaries.add(
            shown[m][w]
                ? summary(cohort, w, measure, mo, level)
                : Summary.hidden(cohort.key, cohort.waves[w], measure));
      }
      RandomInterceptModel.Fit fit = null;
      boolean fitted = false;
      for (int[] pair : pairs) {
        int a = pair[0];
        int b = pair[1];
        paired.add(paired(cohort, measure, x, a, b, moments[m], shown[m], suppression, level));
        boolean hide = !shown[m][a] || !shown[m][b];
        if (!hide && !fitted) {
          fit = RandomInterceptModel.fit(x, students, waves, RandomInterceptModel.Estimation.REML);
          fitted = true;
        }
        if (hide || fit == null || suppression.suppresses(fit.students())) {
          contrasts.add(
              new MixedModelContrast(
                  cohort.key, cohort.waves[a], cohort.waves[b], measure, true, null));
        } else {
          contrasts.add(contrast(cohort, measure, fit, a, b, level));
        }
      }
    }
    return new CohortResult(summaries, paired, contrasts, moments, shown);
  }

  /** Consecutive pairs (i, i+1), then baseline pairs (0, j) for j ≥ 2. */
  static int[][] wavePairs(int waves) {
    if (waves < 2) {
      return new int[0][];
    }
    int[][] pairs = new int[(waves - 1) + (waves - 2)][];
    int k = 0;
    for (int i = 0; i + 1 < waves; i++) {
      pairs[k++] = new int[] {i, i + 1};
    }
    for (int j = 2; j < waves; j++) {
      pairs[k++] = new int[] {0, j};
    }
    return pairs;
  }

  private static Summary summary(
      Dataset.CohortData cohort, int w, String measure, Moments mo, double level) {
    double sd = mo.sd();
    double se = sd / Math.sqrt(mo.n);
    double half = StudentT.critical(mo.n - 1, level) * se;
    Integer roster = cohort.rosterSizes[w];
    return new Summary(
        cohort.key,
        cohort.waves[w],
        measure,
        false,
        new Summary.Figures(
            mo.n,
            mo.mean,
            sd,
            se,
            new ConfidenceInterval(level, mo.mean - half, mo.mean + half),
            roster,
            roster == null ? null : (double) mo.n / roster));
  }

  private static PairedComparison paired(
      Dataset.CohortData cohort,
      String measure,
      double[] x,
      int a,
      int b,
      Moments[] waveMoments,
      boolean[] waveShown,
      SmallCellSuppression suppression,
      double level) {
    int waves = cohort.waveCount();
    int n = 0;
    double sumA = 0;
    double sumB = 0;
    for (int s = 0, i = 0; s < cohort.students; s++, i += waves) {
      double va = x[i + a];
      double vb = x[i + b];
      if (!Double.isNaN(va) && !Double.isNaN(vb)) {
        n++;
        sumA += va;
        sumB += vb;
      }
    }
    boolean hide = suppression.suppresses(n);
    for (int end : new int[] {a, b}) {
      int unmatched = waveMoments[end].n - n;
      hide |= suppression.suppressAdditiveSet(new int[] {n, unmatched}, waveShown[end])[0];
    }
    PairedComparison.Figures figures = null;
    if (!hide) {
      figures = pairedFigures(x, waves, cohort.students, a, b, n, sumA / n, sumB / n, level);
    }
    return new PairedComparison(
        cohort.key, cohort.waves[a], cohort.waves[b], measure, b == a + 1, a == 0, hide, figures);
  }

  private static PairedComparison.Figures pairedFigures(
      double[] x,
      int waves,
      int students,
      int a,
      int b,
      int n,
      double meanA,
      double meanB,
      double level) {
    double meanD = meanB - meanA;
    double m2A = 0;
    double m2B = 0;
    double m2D = 0;
    double driftD = 0;
    for (int s = 0, i = 0; s < students; s++, i += waves) {
      double va = x[i + a];
      double vb = x[i + b];
      if (!Double.isNaN(va) && !Double.isNaN(vb)) {
        double da = va - meanA;
        double db = vb - meanB;
        double dd = (vb - va) - meanD;
        m2A += da * da;
        m2B += db * db;
        m2D += dd * dd;
        driftD += dd;
      }
    }
    meanD += driftD / n;
    m2D -= driftD * driftD / n;
    double sdA = Math.sqrt(m2A / (n - 1));
    double sdB = Math.sqrt(m2B / (n - 1));
    double sdD = Math.sqrt(Math.max(0, m2D) / (n - 1));
    double se = sdD / Math.sqrt(n);
    double df = n - 1;
    double t = ratio(meanD, se);
    double half = StudentT.critical(df, level) * se;
    return new PairedComparison.Figures(
        n,
        meanA,
        sdA,
        meanB,
        sdB,
        meanD,
        sdD,
        se,
        new ConfidenceInterval(level, meanD - half, meanD + half),
        t,
        df,
        StudentT.twoSidedP(t, df),
        ratio(meanD, sdD),
        ratio(meanD, (sdA + sdB) / 2));
  }

  private static MixedModelContrast contrast(
      Dataset.CohortData cohort,
      String measure,
      RandomInterceptModel.Fit fit,
      int a,
      int b,
      double level) {
    double estimate = fit.contrast(a, b);
    double se = fit.contrastStandardError(a, b);
    double t = ratio(estimate, se);
    double half = StudentT.critical(fit.df(), level) * se;
    return new MixedModelContrast(
        cohort.key,
        cohort.waves[a],
        cohort.waves[b],
        measure,
        false,
        new MixedModelContrast.Figures(
            fit.students(),
            fit.observations(),
            fit.waveN()[a],
            fit.waveN()[b],
            estimate,
            se,
            fit.df(),
            new ConfidenceInterval(level, estimate - half, estimate + half),
            t,
            StudentT.twoSidedP(t, fit.df()),
            ratio(estimate, Math.sqrt(fit.betweenStudentVariance() + fit.residualVariance())),
            fit.betweenStudentVariance(),
            fit.residualVariance()));
  }

  /** Pooled earlier cohorts at one wave on one measure. */
  private static final class Pool {
    Moments moments = Moments.EMPTY;
    final List<CohortKey> members = new ArrayList<>();
    long roster;
    boolean rosterKnown = true;

    Pool copy() {
      Pool p = new Pool();
      p.moments = moments;
      p.members.addAll(members);
      p.roster = roster;
      p.rosterKnown = rosterKnown;
      return p;
    }
  }

  /** The references of cohorts outside the dataset, in the dataset's cohort order. */
  private static List<ReferenceSummary> references(
      List<ReferenceSummary> earlier, List<Dataset.CohortData> cohorts) {
    java.util.Set<CohortKey> inDataset = new java.util.HashSet<>();
    for (Dataset.CohortData c : cohorts) {
      inDataset.add(c.key);
    }
    return earlier.stream()
        .filter(r -> !inDataset.contains(r.cohort()))
        .sorted(
            java.util.Comparator.comparingInt(ReferenceSummary::matriculationYear)
                .thenComparing(ReferenceSummary::cohort))
        .toList();
  }

  private static void join(Pool pool, CohortKey cohort, Moments moments, Integer roster) {
    pool.moments = pool.moments.plus(moments);
    pool.members.add(cohort);
    if (roster == null) {
      pool.rosterKnown = false;
    } else {
      pool.roster += roster;
    }
  }

  private static List<CrossCohortComparison> crossCohort(
      List<Dataset.CohortData> cohorts,
      List<String> measures,
      CohortResult[] results,
      AnalysisSettings settings,
      List<ReferenceSummary> references) {
    List<CrossCohortComparison> out = new ArrayList<>();
    // pools.get(m): wave → cohorts with a smaller matriculation year, shown at that wave.
    List<Map<WaveKey, Pool>> pools = new ArrayList<>();
    for (int m = 0; m < measures.size(); m++) {
      pools.add(new HashMap<>());
    }
    int c = 0;
    int r = 0;
    while (c < cohorts.size() && cohorts.get(c).matriculationYear != null) {
      int year = cohorts.get(c).matriculationYear;
      for (; r < references.size() && references.get(r).matriculationYear() < year; r++) {
        ReferenceSummary ref = references.get(r);
        int m = measures.indexOf(ref.measure());
        if (m >= 0) {
          Pool pool = pools.get(m).computeIfAbsent(ref.wave(), key -> new Pool());
          join(pool, ref.cohort(), new Moments(ref.n(), ref.mean(), ref.m2()), ref.rosterSize());
        }
      }
      int end = c;
      while (end < cohorts.size() && Objects.equals(cohorts.get(end).matriculationYear, year)) {
        end++;
      }
      for (int k = c; k < end; k++) {
        Dataset.CohortData cohort = cohorts.get(k);
        for (int m = 0; m < measures.size(); m++) {
          for (int w = 0; w < cohort.waveCount(); w++) {
            Pool pool = pools.get(m).get(cohort.waves[w]);
            if (pool != null) {
              out.add(compare(cohort, w, measures.get(m), results[k], m, pool, settings));
            }
          }
        }
      }
      for (int k = c; k < end; k++) {
        Dataset.CohortData cohort = cohorts.get(k);
        for (int m = 0; m < measures.size(); m++) {
          for (int w = 0; w < cohort.waveCount(); w++) {
            if (!results[k].shown[m][w]) {
              continue;
            }
            Pool pool = pools.get(m).computeIfAbsent(cohort.waves[w], key -> new Pool()).copy();
            join(pool, cohort.key, results[k].moments[m][w], cohort.rosterSizes[w]);
            pools.get(m).put(cohort.waves[w], pool);
          }
        }
      }
      c = end;
    }
    return out;
  }

  private static CrossCohortComparison compare(
      Dataset.CohortData cohort,
      int w,
      String measure,
      CohortResult result,
      int m,
      Pool pool,
      AnalysisSettings settings) {
    Moments focus = result.moments[m][w];
    boolean hide = !result.shown[m][w] || settings.suppression().suppresses(pool.moments.n());
    CrossCohortComparison.Figures figures = null;
    if (!hide) {
      Integer roster = cohort.rosterSizes[w];
      figures =
          welch(
              focus,
              roster == null ? null : (double) focus.n() / roster,
              pool.moments,
              pool.rosterKnown && pool.roster > 0 ? (double) pool.moments.n() / pool.roster : null,
              settings.confidenceLevel());
    }
    return new CrossCohortComparison(
        cohort.key, cohort.waves[w], measure, pool.members, hide, figures);
  }

  /** Welch's t-test of focus − reference, with Cohen's d and Hedges' g. */
  static CrossCohortComparison.Figures welch(
      Moments focus, Double focusRate, Moments reference, Double referenceRate, double level) {
    double v1 = focus.variance() / focus.n();
    double v2 = reference.variance() / reference.n();
    double se = Math.sqrt(v1 + v2);
    double pooledDf = focus.n() + reference.n() - 2;
    double df =
        v1 + v2 > 0
            ? (v1 + v2) * (v1 + v2) / (v1 * v1 / (focus.n() - 1) + v2 * v2 / (reference.n() - 1))
            : pooledDf;
    double difference = focus.mean() - reference.mean();
    double t = ratio(difference, se);
    double half = StudentT.critical(df, level) * se;
    double pooledSd = Math.sqrt((focus.m2() + reference.m2()) / pooledDf);
    double d = ratio(difference, pooledSd);
    return new CrossCohortComparison.Figures(
        focus.n(),
        focus.mean(),
        focus.sd(),
        focusRate,
        reference.n(),
        reference.mean(),
        reference.sd(),
        referenceRate,
        difference,
        se,
        df,
        new ConfidenceInterval(level, difference - half, difference + half),
        t,
        StudentT.twoSidedP(t, df),
        d,
        d * hedgesCorrection(pooledDf));
  }

  /** Exact small-sample bias correction of d: J(df) = Γ(df/2) / (√(df/2)·Γ((df − 1)/2)). */
  static double hedgesCorrection(double df) {
    return Math.exp(Gamma.logGamma(df / 2) - 0.5 * Math.log(df / 2) - Gamma.logGamma((df - 1) / 2));
  }

  /** a / b, with 0/0 = 0 and x/0 = ±∞, for degenerate groups whose scores do not vary. */
  private static double ratio(double a, double b) {
    if (b == 0) {
      return a == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, a);
    }
    return a / b;
  }
}
