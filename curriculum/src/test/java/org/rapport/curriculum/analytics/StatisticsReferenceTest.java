package org.rapport.curriculum.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Summary, paired and Welch figures against reference values computed independently with Python 3 /
 * NumPy 2.4 / SciPy 1.17 (scipy.stats.t, ttest_rel, ttest_ind, scipy.special.gamma). The script,
 * run as-is, printed the constants below:
 *
 * <pre>{@code
 * import numpy as np
 * from scipy import stats, special
 * def summ(x, level=0.95):
 *     x = np.asarray(x, float); n = len(x); m = x.mean(); sd = x.std(ddof=1)
 *     se = sd / np.sqrt(n); q = stats.t.ppf(0.5 + level / 2, n - 1)
 *     return m, sd, se, m - q * se, m + q * se
 * print(summ(Y), summ(Y, 0.90))                       # Y: SCORES below
 * a = np.array(FROM, float); b = np.array(TO, float); d = b - a; n = len(d)
 * r = stats.ttest_rel(b, a); se = d.std(ddof=1) / np.sqrt(n); q = stats.t.ppf(0.975, n - 1)
 * print(d.mean(), d.std(ddof=1), se, r.statistic, r.pvalue, d.mean() - q*se, d.mean() + q*se,
 *       d.mean() / d.std(ddof=1), d.mean() / ((a.std(ddof=1) + b.std(ddof=1)) / 2))
 * ref = np.array(EARLIER_2026 + EARLIER_2027, float); f = np.array(FOCUS_2028, float)
 * w = stats.ttest_ind(f, ref, equal_var=False)
 * v1 = f.var(ddof=1)/len(f); v2 = ref.var(ddof=1)/len(ref); se = np.sqrt(v1 + v2)
 * df = (v1+v2)**2 / (v1**2/(len(f)-1) + v2**2/(len(ref)-1)); q = stats.t.ppf(0.975, df)
 * dfp = len(f) + len(ref) - 2
 * sp = np.sqrt(((len(f)-1)*f.var(ddof=1) + (len(ref)-1)*ref.var(ddof=1)) / dfp)
 * J = special.gamma(dfp/2) / (np.sqrt(dfp/2) * special.gamma((dfp-1)/2))
 * diff = f.mean() - ref.mean()
 * print(diff, se, df, w.statistic, w.pvalue, diff - q*se, diff + q*se, diff/sp, diff/sp*J)
 * }</pre>
 */
class StatisticsReferenceTest {

  private static final double TOL = 1e-9;

  static final double[] SCORES = {112, 118, 105, 121, 99, 130, 116, 108, 124, 111, 119, 103};
  static final double[] FROM = {118, 121, 109, 125, 114, 131, 117, 112, 126, 115, 120, 108};
  static final double[] TO = {113, 119, 101, 122, 110, 124, 118, 104, 121, 109, 116, 103};
  static final double[] EARLIER_2026 = {121, 117, 125, 119, 130, 114, 122, 127, 118, 124};
  static final double[] EARLIER_2027 = {116, 123, 120, 128, 112, 119, 126, 121, 115, 124, 129};
  static final double[] FOCUS_2028 = {
    110, 118, 104, 115, 121, 108, 113, 119, 102, 116, 111, 107, 120, 114
  };

  static final CohortKey C26 = new CohortKey("2026");
  static final CohortKey C27 = new CohortKey("2027");
  static final CohortKey C28 = new CohortKey("2028");
  static final WaveKey Y2 = new WaveKey("Y2");
  static final WaveKey Y3 = new WaveKey("Y3");

  private static void addWave(Dataset.Builder b, CohortKey c, WaveKey w, int order, double[] v) {
    for (int i = 0; i < v.length; i++) {
      b.add(new StudentKey(c + "/" + i), c, w, order, v[i]);
    }
  }

  private static CohortReport analyse(Dataset d, double level) {
    return CohortStatistics.analyse(
        d, new AnalysisSettings(level, SmallCellSuppression.defaults()));
  }

  @Test
  void summaryMatchesScipyAtTwoConfidenceLevels() {
    Dataset.Builder b = Dataset.builder("total").roster(C26, Y2, 15);
    addWave(b, C26, Y2, 2, SCORES);
    Dataset d = b.build();

    Summary.Figures f95 = analyse(d, 0.95).summaries().get(0).figures();
    assertEquals(12, f95.n());
    assertEquals(113.83333333333333, f95.mean(), TOL);
    assertEquals(9.17341349506906, f95.sd(), TOL);
    assertEquals(2.6481363753829337, f95.standardError(), TOL);
    assertEquals(108.00482446921663, f95.ci().lower(), TOL);
    assertEquals(119.66184219745003, f95.ci().upper(), TOL);
    assertEquals(15, f95.rosterSize());
    assertEquals(0.8, f95.responseRate(), TOL);

    Summary.Figures f90 = analyse(d, 0.90).summaries().get(0).figures();
    assertEquals(109.07758541892517, f90.ci().lower(), TOL);
    assertEquals(118.58908124774149, f90.ci().upper(), TOL);
  }

  @Test
  void responseRateIsAbsentWhenTheRosterIsUnknown() {
    Dataset.Builder b = Dataset.builder("total");
    addWave(b, C26, Y2, 2, SCORES);
    Summary s = analyse(b.build(), 0.95).summaries().get(0);
    assertNull(s.figures().rosterSize());
    assertNull(s.figures().responseRate());
  }

  @Test
  void pairedComparisonMatchesScipy() {
    Dataset.Builder b = Dataset.builder("total");
    addWave(b, C26, Y2, 2, FROM);
    addWave(b, C26, Y3, 3, TO);
    PairedComparison pc = analyse(b.build(), 0.95).paired().get(0);
    assertFalse(pc.suppressed());
    assertTrue(pc.previousWave());
    assertTrue(pc.fromBaseline());
    PairedComparison.Figures f = pc.figures();
    assertEquals(12, f.pairs());
    assertEquals(118.0, f.fromMean(), TOL);
    assertEquals(113.33333333333333, f.toMean(), TOL);
    assertEquals(6.993503478878874, f.fromSd(), TOL);
    assertEquals(7.889386810292942, f.toSd(), TOL);
    assertEquals(-4.666666666666667, f.meanChange(), TOL);
    assertEquals(2.5702257889260633, f.sdOfChange(), TOL);
    assertEquals(0.7419602755572905, f.standardError(), TOL);
    assertEquals(-6.289644904724188, f.t(), TOL);
    assertEquals(11, f.df());
    assertEquals(5.9224210038194174e-05, f.p(), 1e-12);
    assertEquals(-6.299710222545766, f.ci().lower(), TOL);
    assertEquals(-3.0336231107875675, f.ci().upper(), TOL);
    assertEquals(-1.8156640894248341, f.dz(), TOL);
    assertEquals(-0.6271183319898479, f.dav(), TOL);
  }

  private static Dataset threeCohortsAtY3(double[] earliest) {
    Dataset.Builder b =
        Dataset.builder("total").cohort(C26, 2026).cohort(C27, 2027).cohort(C28, 2028);
    addWave(b, C26, Y3, 3, earliest);
    addWave(b, C27, Y3, 3, EARLIER_2027);
    addWave(b, C28, Y3, 3, FOCUS_2028);
    return b.build();
  }

  private static CrossCohortComparison crossFor(CohortReport r, CohortKey cohort) {
    return r.crossCohort().stream().filter(c -> c.cohort().equals(cohort)).findFirst().get();
  }

  @Test
  void welchAgainstPooledEarlierCohortsMatchesScipy() {
    CohortReport r = analyse(threeCohortsAtY3(EARLIER_2026), 0.95);
    // 2026 has no earlier cohort; 2027 is compared with 2026; 2028 with 2026 + 2027.
    assertEquals(2, r.crossCohort().size());
    CrossCohortComparison cc = crossFor(r, C28);
    assertEquals(List.of(C26, C27), cc.reference());
    CrossCohortComparison.Figures f = cc.figures();
    assertEquals(14, f.n());
    assertEquals(21, f.referenceN());
    assertEquals(121.42857142857143, f.referenceMean(), TOL);
    assertEquals(5.0751495403724665, f.referenceSd(), TOL);
    assertEquals(5.966941897186163, f.sd(), TOL);
    assertEquals(-8.714285714285722, f.difference(), TOL);
    assertEquals(1.9415719731301706, f.standardError(), TOL);
    assertEquals(24.811881243598425, f.df(), TOL);
    assertEquals(-4.488263033709069, f.t(), TOL);
    assertEquals(0.0001425642310263275, f.p(), 1e-12);
    assertEquals(-12.71456588474901, f.ci().lower(), TOL);
    assertEquals(-4.714005543822434, f.ci().upper(), TOL);
    assertEquals(-1.6007346191347465, f.cohenD(), TOL);
    assertEquals(-1.5640296528724218, f.hedgesG(), TOL);
  }

  @Test
  void hedgesCorrectionIsTheExactGammaRatio() {
    // J(33) from scipy.special.gamma as above; 1 - 3/(4*33 - 1) would give 0.977099...
    assertEquals(0.977069924131356, CohortStatistics.hedgesCorrection(33), 1e-12);
  }

  @Test
  void aSuppressedEarlierCohortIsLeftOutOfThePool() {
    double[] nine = java.util.Arrays.copyOf(EARLIER_2026, 9);
    CohortReport r = analyse(threeCohortsAtY3(nine), 0.95);
    CrossCohortComparison cc = crossFor(r, C28);
    assertEquals(List.of(C27), cc.reference());
    assertEquals(11, cc.figures().referenceN());
    // 2027 has no shown earlier cohort, so it has no cross-cohort comparison at all.
    assertEquals(1, r.crossCohort().size());
  }

  @Test
  void cohortsWithoutAMatriculationYearAreNotComparedAcrossCohorts() {
    Dataset.Builder b = Dataset.builder("total");
    addWave(b, C26, Y3, 3, EARLIER_2026);
    addWave(b, C27, Y3, 3, EARLIER_2027);
    assertTrue(analyse(b.build(), 0.95).crossCohort().isEmpty());
  }
}
