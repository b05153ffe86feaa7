package org.rapport.curriculum.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * The random-intercept model against three independent references, computed with Python 3 / NumPy /
 * SciPy:
 *
 * <ol>
 *   <li>Balanced, two waves: the REML wave contrast equals the paired t-test (closed form; values
 *       as in {@link StatisticsReferenceTest}).
 *   <li>Balanced, three waves: it equals the repeated-measures ANOVA contrast with the pooled error
 *       term, SE = √(2·MSE/n) on (n−1)(k−1) df, and σ̂e² = MSE, σ̂u² = (MS_subjects − MSE)/k; and
 *       when MS_subjects < MSE, the REML boundary σ̂u² = 0 gives the OLS contrast with the pooled
 *       within-wave variance.
 *   <li>Unbalanced (missing waves, one student with a single score): a dense-matrix REML fit that
 *       shares no code or algorithm with ours — the full restricted deviance log|V| + log|XᵀV⁻¹X| +
 *       rᵀV⁻¹r minimized over (log σu², log σe²) by Nelder–Mead then BFGS. Its optimum is good to
 *       about 1e-8, hence the 1e-6 tolerance. statsmodels 0.15 MixedLM (REML) agrees with its
 *       estimates to 1e-6 (its SEs, from a different information matrix, to 1e-3).
 * </ol>
 *
 * <pre>{@code
 * def reml_dense(Y):                       # Y: students x waves, nan when missing
 *     S, W = Y.shape
 *     rows = [(i, j, Y[i, j]) for i in range(S) for j in range(W) if not np.isnan(Y[i, j])]
 *     N = len(rows); y = np.array([r[2] for r in rows]); X = np.zeros((N, W)); Z = np.zeros((N, S))
 *     for k, (i, j, v) in enumerate(rows): X[k, j] = 1; Z[k, i] = 1
 *     def parts(th):
 *         su2, se2 = np.exp(th); V = su2 * Z @ Z.T + se2 * np.eye(N); Vi = np.linalg.inv(V)
 *         A = X.T @ Vi @ X; beta = np.linalg.solve(A, X.T @ Vi @ y); r = y - X @ beta
 *         dev = np.linalg.slogdet(V)[1] + np.linalg.slogdet(A)[1] + r @ Vi @ r
 *         return dev, beta, np.linalg.inv(A), su2, se2
 *     f = lambda th: parts(th)[0]; v0 = np.nanvar(Y)
 *     th = optimize.minimize(f, [np.log(v0/2)] * 2, method='Nelder-Mead',
 *                            options=dict(xatol=1e-12, fatol=1e-14, maxiter=20000)).x
 *     th = optimize.minimize(f, th, method='BFGS', options=dict(gtol=1e-10)).x
 *     dev, beta, cov, su2, se2 = parts(th)
 *     nS = int((~np.isnan(Y)).any(axis=1).sum())
 *     return dict(beta=beta, cov=cov, su2=su2, se2=se2, df=N - nS - (W - 1))
 * def contrast(fit, i, j):
 *     est = fit['beta'][j] - fit['beta'][i]; c = fit['cov']
 *     se = np.sqrt(c[i, i] + c[j, j] - 2 * c[i, j]); t = est / se; df = fit['df']
 *     q = stats.t.ppf(0.975, df)
 *     return est, se, t, 2 * stats.t.sf(abs(t), df), est - q * se, est + q * se
 * # RM-ANOVA closed form, balanced Y (n x k):
 * res = Y - Y.mean(1, keepdims=True) - Y.mean(0, keepdims=True) + Y.mean()
 * mse = (res**2).sum() / ((n-1)*(k-1)); mss = k * ((Y.mean(1) - Y.mean())**2).sum() / (n-1)
 * est = Y[:, 2].mean() - Y[:, 0].mean(); se = np.sqrt(2 * mse / n)
 * }</pre>
 */
class RandomInterceptModelTest {

  private static final double EXACT = 1e-9;
  private static final double DENSE = 1e-6;
  private static final double NA = Double.NaN;

  static final double[] THIRD = {110, 117, 103, 118, 108, 125, 112, 101, 119, 107, 111, 100};

  private static final CohortKey COHORT = new CohortKey("2028");
  private static final WaveKey[] WAVES = {new WaveKey("Y1"), new WaveKey("Y2"), new WaveKey("Y3")};

  /** Rows are students, columns waves Y1..; NaN where the student skipped the wave. */
  private static CohortReport report(double[][] rows, int minimumGroupSize) {
    Dataset.Builder b = Dataset.builder("total");
    for (int s = 0; s < rows.length; s++) {
      for (int w = 0; w < rows[s].length; w++) {
        if (!Double.isNaN(rows[s][w])) {
          b.add(new StudentKey("s" + s), COHORT, WAVES[w], w + 1, rows[s][w]);
        }
      }
    }
    return CohortStatistics.analyse(
        b.build(), new AnalysisSettings(0.95, new SmallCellSuppression(minimumGroupSize)));
  }

  private static double[][] columns(double[]... waves) {
    double[][] rows = new double[waves[0].length][waves.length];
    for (int s = 0; s < rows.length; s++) {
      for (int w = 0; w < waves.length; w++) {
        rows[s][w] = waves[w][s];
      }
    }
    return rows;
  }

  private static MixedModelContrast.Figures contrast(CohortReport r, int from, int to) {
    MixedModelContrast c =
        r.allStudents().stream()
            .filter(x -> x.from().equals(WAVES[from]) && x.to().equals(WAVES[to]))
            .findFirst()
            .orElseThrow();
    assertFalse(c.suppressed());
    return c.figures();
  }

  private static void assertContrast(
      MixedModelContrast.Figures f,
      double tol,
      double estimate,
      double se,
      double df,
      double t,
      double p,
      double lower,
      double upper) {
    assertEquals(estimate, f.estimate(), tol);
    assertEquals(se, f.standardError(), tol);
    assertEquals(df, f.df(), 0);
    assertEquals(t, f.t(), tol * 10);
    assertEquals(p, f.p(), tol);
    assertEquals(lower, f.ci().lower(), tol);
    assertEquals(upper, f.ci().upper(), tol);
  }

  @Test
  void balancedTwoWavesEqualsThePairedTTest() {
    CohortReport r = report(columns(StatisticsReferenceTest.FROM, StatisticsReferenceTest.TO), 10);
    PairedComparison.Figures paired = r.paired().get(0).figures();
    MixedModelContrast.Figures f = contrast(r, 0, 1);
    assertContrast(
        f,
        EXACT,
        -4.666666666666667,
        0.7419602755572905,
        11,
        -6.289644904724188,
        5.9224210038194174e-05,
        -6.299710222545766,
        -3.0336231107875675);
    assertEquals(paired.standardError(), f.standardError(), EXACT);
    assertEquals(12, f.students());
    assertEquals(24, f.observations());
  }

  @Test
  void balancedThreeWavesEqualsTheRepeatedMeasuresAnovaContrast() {
    CohortReport r =
        report(columns(StatisticsReferenceTest.FROM, StatisticsReferenceTest.TO, THIRD), 10);
    MixedModelContrast.Figures f = contrast(r, 0, 2);
    assertContrast(
        f,
        EXACT,
        -7.083333333333329,
        0.648424664440323,
        22,
        -10.923911013544172,
        2.3619297874618483e-10,
        -8.428083781480819,
        -5.738582885185838);
    assertEquals(2.5227272727272725, f.residualVariance(), EXACT);
    assertEquals(54.43434343434345, f.betweenStudentVariance(), EXACT);
    assertEquals(
        -7.083333333333329 / Math.sqrt(2.5227272727272725 + 54.43434343434345),
        f.effectSize(),
        EXACT);
  }

  @Test
  void noBetweenStudentVarianceGivesTheOrdinaryLeastSquaresContrast() {
    // MS_subjects 0.636 < MSE 33.95: REML puts σu² on the boundary 0.
    double[] a = {104, 96, 101, 99, 107, 93, 100, 102, 95, 105, 98, 97};
    double[] b = {96, 105, 99, 103, 94, 106, 101, 97, 104, 95, 100, 103};
    MixedModelContrast.Figures f = contrast(report(columns(a, b), 10), 0, 1);
    assertEquals(0, f.betweenStudentVariance(), 0);
    assertEquals(17.295454545454547, f.residualVariance(), EXACT);
    assertContrast(
        f,
        EXACT,
        0.5,
        1.6978149950968622,
        11,
        0.29449616209301677,
        0.7738620349665072,
        -3.2368656087892522,
        4.236865608789252);
  }

  static final double[][] UNBALANCED = {
    {118, 113, 110},
    {121, NA, 117},
    {109, 101, 103},
    {125, 122, NA},
    {NA, 110, 108},
    {131, 124, 125},
    {117, NA, NA},
    {112, 104, 101},
    {126, 121, 119},
    {NA, 109, 107},
    {120, 116, NA},
    {108, 103, 100}
  };

  @Test
  void unbalancedDesignMatchesADenseRemlFit() {
    CohortReport r = report(UNBALANCED, 5);
    MixedModelContrast.Figures f12 = contrast(r, 0, 1);
    assertContrast(
        f12,
        DENSE,
        -5.404881211804437,
        0.666739270294176,
        15,
        -8.106438982392199,
        7.314620369123915e-07,
        -6.826002326479815,
        -3.9837600971290588);
    assertContrast(
        contrast(r, 1, 2),
        DENSE,
        -1.5662799504957405,
        0.6674289967996331,
        15,
        -2.346736443885654,
        0.03308738735478828,
        -2.9888711824177356,
        -0.14368871857374543);
    assertContrast(
        contrast(r, 0, 2),
        DENSE,
        -6.971161162300177,
        0.6961873444680521,
        15,
        -10.013340830874702,
        4.9099992126633113e-08,
        -8.455049361291074,
        -5.48727296330928);
    assertEquals(12, f12.students());
    assertEquals(29, f12.observations());
    assertEquals(10, f12.fromN());
    assertEquals(10, f12.toN());
    assertEquals(54.98839346216736, f12.betweenStudentVariance(), 1e-4);
    assertEquals(1.9467238939534364, f12.residualVariance(), DENSE);
  }

  @Test
  void wavesMeansOfTheUnbalancedFit() {
    double[] y = new double[UNBALANCED.length * 3];
    for (int s = 0; s < UNBALANCED.length; s++) {
      System.arraycopy(UNBALANCED[s], 0, y, s * 3, 3);
    }
    RandomInterceptModel.Fit fit =
        RandomInterceptModel.fit(y, UNBALANCED.length, 3, RandomInterceptModel.Estimation.REML);
    assertEquals(118.04105694742397, fit.means()[0], DENSE);
    assertEquals(112.63617573561953, fit.means()[1], DENSE);
    assertEquals(111.06989578512379, fit.means()[2], DENSE);
  }

  @Test
  void aContrastWithASmallWaveIsSuppressed() {
    // Y3 has 9 scores: under N = 10 its contrasts carry no figures.
    CohortReport r = report(UNBALANCED, 10);
    for (MixedModelContrast c : r.allStudents()) {
      boolean touchesY3 = c.to().equals(WAVES[2]);
      assertEquals(touchesY3, c.suppressed(), c.toString());
      if (touchesY3) {
        assertNull(c.figures());
      }
    }
  }

  @Test
  void tooFewScoresToFitGiveNoModel() {
    assertNull(
        RandomInterceptModel.fit(
            new double[] {1, 2, NA, NA}, 2, 2, RandomInterceptModel.Estimation.REML));
  }
}
