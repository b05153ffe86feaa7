package org.rapport.curriculum.analytics;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * Linear mixed-effects model with a fixed mean per wave and a random intercept per student,
 *
 * <pre>
 *   y_ij = β_j + u_i + e_ij,   u_i ~ N(0, σu²),   e_ij ~ N(0, σe²),
 * </pre>
 *
 * fitted exactly, by REML (default) or ML, on every student with at least one score.
 *
 * <p><b>Method.</b> With γ = σu²/σe², student i's covariance is σe²·(I + γJ), whose inverse is (I −
 * w·J)/σe² with w = γ/(1 + m_i·γ), m_i the student's number of scores. Everything the likelihood
 * needs therefore depends on a student only through the set of waves answered (the missingness
 * pattern), the per-wave sums, the sum of the student's scores and the sum of squares; these are
 * accumulated once per pattern in one pass over the data. For a given γ, GLS gives
 *
 * <pre>
 *   A = Σ_P N_P·(diag(s_P) − w_P·s_P s_Pᵀ),   b = Σ_P (sum_P − w_P·s_P·T_P),
 *   β̂ = A⁻¹b,   RSS = Σ_P (SS_P − w_P·TT_P) − bᵀβ̂
 * </pre>
 *
 * (s_P: indicator of the pattern's waves, T_P: sum of the pattern's scores, TT_P: sum of squared
 * student totals, SS_P: sum of squared scores), and σe² is profiled out: σ̂e² = RSS/(N − p) for
 * REML, RSS/N for ML. The profiled deviance, REML: (N − p)·log RSS + Σ_P N_P·log(1 + m_P·γ) +
 * log|A|, is a function of γ alone. It is minimized over ρ = γ/(1 + γ) ∈ [0, 1): a grid of 64
 * points locates the minimum, then the analytic derivative is solved for zero with Brent's method
 * inside the bracketing grid cells (to full double precision, which a direct minimizer of a flat
 * optimum cannot reach). A minimum at ρ = 0 is the boundary solution σu² = 0 (ordinary least
 * squares). Cov(β̂) = σ̂e²·A⁻¹.
 *
 * <p>Degrees of freedom for wave contrasts use the between-within rule: N − students − (p − 1),
 * exact for a complete balanced design (where a wave contrast equals the repeated-measures ANOVA
 * contrast, and for two waves the paired t-test); when no student has two scores it falls back to N
 * − p. Scores are centred at their grand mean before accumulation, which leaves the fit unchanged
 * and keeps the sums well conditioned.
 */
final class RandomInterceptModel {

  enum Estimation {
    REML,
    ML
  }

  private static final int GRID = 64;
  private static final double RHO_MAX = 1 - 1e-10;

  private RandomInterceptModel() {}

  /**
   * The fitted model.
   *
   * @param means per wave of the input (NaN for a wave without scores)
   * @param covariance Cov(β̂) per wave pair of the input (NaN rows for waves without scores)
   */
  record Fit(
      double[] means,
      double[][] covariance,
      int[] waveN,
      int students,
      int observations,
      double betweenStudentVariance,
      double residualVariance,
      double df) {

    double contrast(int from, int to) {
      return means[to] - means[from];
    }

    double contrastStandardError(int from, int to) {
      double v = covariance[to][to] + covariance[from][from] - 2 * covariance[from][to];
      return Math.sqrt(Math.max(0, v));
    }
  }

  private static final class Pattern {
    final int[] waves;
    int count;
    final double[] sums;
    double totalsSquared;
    double squares;
    double totals;

    Pattern(int mask, int p) {
      waves = new int[Integer.bitCount(mask)];
      int k = 0;
      for (int j = 0; j < p; j++) {
        if ((mask & (1 << j)) != 0) {
          waves[k++] = j;
        }
      }
      sums = new double[p];
    }
  }

  /**
   * Fits the model.
   *
   * @param y scores as [student * waves + wave], NaN when missing
   * @return the fit, or {@code null} when there are not more scores than waves
   */
  static Fit fit(double[] y, int students, int waves, Estimation estimation) {
    int[] waveN = new int[waves];
    double grand = 0;
    int n = 0;
    for (int s = 0; s < students; s++) {
      for (int w = 0; w < waves; w++) {
        double v = y[s * waves + w];
        if (!Double.isNaN(v)) {
          waveN[w]++;
          grand += v;
          n++;
        }
      }
    }
    int[] column = new int[waves];
    int p = 0;
    for (int w = 0; w < waves; w++) {
      column[w] = waveN[w] > 0 ? p++ : -1;
    }
    if (p == 0 || n - p < 1) {
      return null;
    }
    if (p > 30) {
      throw new IllegalArgumentException("A cohort with more than 30 waves is not supported.");
    }
    grand /= n;

    Map<Integer, Pattern> byMask = new HashMap<>();
    int withScores = 0;
    for (int s = 0; s < students; s++) {
      int mask = 0;
      for (int w = 0; w < waves; w++) {
        if (!Double.isNaN(y[s * waves + w])) {
          mask |= 1 << column[w];
        }
      }
      if (mask == 0) {
        continue;
      }
      withScores++;
      final int pp = p;
      Pattern pattern = byMask.computeIfAbsent(mask, m -> new Pattern(m, pp));
      pattern.count++;
      double total = 0;
      for (int w = 0; w < waves; w++) {
        double v = y[s * waves + w];
        if (!Double.isNaN(v)) {
          v -= grand;
          pattern.sums[column[w]] += v;
          pattern.squares += v * v;
          total += v;
        }
      }
      pattern.totals += total;
      pattern.totalsSquared += total * total;
    }
    Pattern[] patterns = byMask.values().toArray(new Pattern[0]);
    Profile profile = new Profile(patterns, p, n, estimation);

    double rho = minimize(profile);
    Profile.State at = profile.evaluate(gamma(rho));
    double denominator = estimation == Estimation.REML ? n - p : n;
    double sigmaE2 = Math.max(0, at.rss / denominator);
    double sigmaU2 = gamma(rho) * sigmaE2;

    double[] means = new double[waves];
    double[][] covariance = new double[waves][waves];
    for (int a = 0; a < waves; a++) {
      means[a] = column[a] < 0 ? Double.NaN : at.beta[column[a]] + grand;
      for (int b = 0; b < waves; b++) {
        covariance[a][b] =
            column[a] < 0 || column[b] < 0
                ? Double.NaN
                : sigmaE2 * at.inverse[column[a]][column[b]];
      }
    }
    double df = n - withScores - (p - 1);
    if (df < 1) {
      df = n - p;
    }
    return new Fit(means, covariance, waveN, withScores, n, sigmaU2, sigmaE2, df);
  }

  private static double gamma(double rho) {
    return rho / (1 - rho);
  }

  private static double minimize(Profile profile) {
    double[] grid = new double[GRID + 1];
    double[] deviance = new double[GRID + 1];
    int best = 0;
    for (int k = 0; k <= GRID; k++) {
      // Denser near 0 and near 1, where variance ratios of interest sit.
      double u = (double) k / GRID;
      grid[k] = k == GRID ? RHO_MAX : 0.5 - 0.5 * Math.cos(Math.PI * u);
      deviance[k] = profile.evaluate(gamma(grid[k])).deviance;
      if (deviance[k] < deviance[best]) {
        best = k;
      }
    }
    double result = grid[best];
    double bestDeviance = deviance[best];
    BrentSolver solver = new BrentSolver(1e-15, 1e-15);
    for (int k = Math.max(0, best - 1); k < Math.min(GRID, best + 1); k++) {
      double lo = grid[k];
      double hi = grid[k + 1];
      double gLo = profile.derivative(gamma(lo));
      double gHi = profile.derivative(gamma(hi));
      if (gLo < 0 && gHi > 0) {
        double root = solver.solve(200, rho -> profile.derivative(gamma(rho)), lo, hi);
        double d = profile.evaluate(gamma(root)).deviance;
        if (d <= bestDeviance) {
          bestDeviance = d;
          result = root;
        }
      }
    }
    return result;
  }

  /** The deviance profiled over σe² as a function of γ, and its derivative. */
  private static final class Profile {
    final Pattern[] patterns;
    final int p;
    final int n;
    final Estimation estimation;

    Profile(Pattern[] patterns, int p, int n, Estimation estimation) {
      this.patterns = patterns;
      this.p = p;
      this.n = n;
      this.estimation = estimation;
    }

    static final class State {
      double[] beta;
      double[][] inverse;
      double rss;
      double deviance;
    }

    State evaluate(double gamma) {
      double[][] a = new double[p][p];
      double[] b = new double[p];
      double c = 0;
      double logDetV = 0;
      for (Pattern pattern : patterns) {
        int m = pattern.waves.length;
        double w = gamma / (1 + m * gamma);
        for (int i : pattern.waves) {
          a[i][i] += pattern.count;
          b[i] += pattern.sums[i] - w * pattern.totals;
          for (int j : pattern.waves) {
            a[i][j] -= w * pattern.count;
          }
        }
        c += pattern.squares - w * pattern.totalsSquared;
        logDetV += pattern.count * Math.log1p(m * gamma);
      }
      double[][] l = cholesky(a);
      State state = new State();
      if (l == null) {
        // Numerically singular at an extreme variance ratio: never the optimum.
        state.deviance = Double.POSITIVE_INFINITY;
        return state;
      }
      state.inverse = inverseFromCholesky(l);
      state.beta = multiply(state.inverse, b);
      double fitted = 0;
      for (int i = 0; i < p; i++) {
        fitted += b[i] * state.beta[i];
      }
      state.rss = Math.max(c - fitted, Double.MIN_NORMAL);
      double logDetA = 0;
      for (int i = 0; i < p; i++) {
        logDetA += 2 * Math.log(l[i][i]);
      }
      state.deviance =
          estimation == Estimation.REML
              ? (n - p) * Math.log(state.rss) + logDetV + logDetA
              : n * Math.log(state.rss) + logDetV;
      return state;
    }

    /** d deviance / d γ; the sign is what the root search needs, and dρ/dγ > 0. */
    double derivative(double gamma) {
      State state = evaluate(gamma);
      if (state.beta == null) {
        return Double.NaN;
      }
      double dRss = 0;
      double dLogDetV = 0;
      double dLogDetA = 0;
      for (Pattern pattern : patterns) {
        int m = pattern.waves.length;
        double dw = 1 / ((1 + m * gamma) * (1 + m * gamma));
        double fittedTotal = 0;
        double quadratic = 0;
        for (int i : pattern.waves) {
          fittedTotal += state.beta[i];
          for (int j : pattern.waves) {
            quadratic += state.inverse[i][j];
          }
        }
        // Σ over the pattern's students of (sum of the student's residuals)².
        double residualTotals =
            pattern.totalsSquared
                - 2 * fittedTotal * pattern.totals
                + pattern.count * fittedTotal * fittedTotal;
        dRss -= dw * residualTotals;
        dLogDetV += pattern.count * m / (1 + m * gamma);
        dLogDetA -= pattern.count * dw * quadratic;
      }
      return estimation == Estimation.REML
          ? (n - p) * dRss / state.rss + dLogDetV + dLogDetA
          : n * dRss / state.rss + dLogDetV;
    }
  }

  /** Lower Cholesky factor, or {@code null} when {@code a} is not numerically positive definite. */
  private static double[][] cholesky(double[][] a) {
    int p = a.length;
    double[][] l = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = a[i][j];
        for (int k = 0; k < j; k++) {
          sum -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (!(sum > 0)) {
            return null;
          }
          l[i][i] = Math.sqrt(sum);
        } else {
          l[i][j] = sum / l[j][j];
        }
      }
    }
    return l;
  }

  private static double[][] inverseFromCholesky(double[][] l) {
    int p = l.length;
    // Invert L (lower triangular), then A⁻¹ = L⁻ᵀ L⁻¹.
    double[][] li = new double[p][p];
    for (int i = 0; i < p; i++) {
      li[i][i] = 1 / l[i][i];
      for (int j = 0; j < i; j++) {
        double sum = 0;
        for (int k = j; k < i; k++) {
          sum -= l[i][k] * li[k][j];
        }
        li[i][j] = sum / l[i][i];
      }
    }
    double[][] inv = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = 0;
        for (int k = i; k < p; k++) {
          sum += li[k][i] * li[k][j];
        }
        inv[i][j] = sum;
        inv[j][i] = sum;
      }
    }
    return inv;
  }

  private static double[] multiply(double[][] m, double[] v) {
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      double sum = 0;
      for (int j = 0; j < v.length; j++) {
        sum += m[i][j] * v[j];
      }
      r[i] = sum;
    }
    return r;
  }
}
