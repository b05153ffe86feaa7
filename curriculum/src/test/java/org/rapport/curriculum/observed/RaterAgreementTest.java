package org.rapport.curriculum.observed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ICC(1,1) against two independent sources.
 *
 * <p>1. Shrout and Fleiss (1979), Table 2: six targets rated by four judges. The paper reports BMS
 * = 11.24, WMS = 6.26 and ICC(1,1) = .17 (to two places; the exact value is 4.98/30.03 ≈ 0.1657).
 * The 95% interval was computed with Python 3 / SciPy 1.17 from the same F-based formula:
 *
 * <pre>{@code
 * F = msb / msw; FL = F / stats.f.ppf(0.975, n - 1, N - n); FU = F * stats.f.ppf(0.975, N - n, n - 1)
 * print((FL - 1) / (FL + k0 - 1), (FU - 1) / (FU + k0 - 1))
 * }</pre>
 *
 * <p>2. Unequal numbers of raters, derived by hand with exact fractions: five encounters rated (60,
 * 70), (80, 80, 90), (40, 50), (55, 65, 60, 70), (75, 70) in percent of scale. N = 13, grand mean
 * 865/13; encounter means 65, 250/3, 45, 125/2, 145/2; SSB = Σ k_i (mean_i − grand)² = 149375/78,
 * SSW = 50 + 200/3 + 50 + 125 + 25/2 = 1825/6; MSB = SSB / 4 = 149375/312, MSW = SSW / 8 = 1825/48;
 * k0 = (13 − (4 + 9 + 4 + 16 + 4) / 13) / 4 = 33/13; ICC = (MSB − MSW) / (MSB + (k0 − 1) MSW) =
 * 3667/4470 ≈ 0.82036. First-two-rater differences 10, 0, 10, 10, 5: mean 7, all within 10 points.
 * Interval by the SciPy script above.
 */
class RaterAgreementTest {

  static final List<List<Double>> SHROUT_FLEISS =
      List.of(
          List.of(9.0, 2.0, 5.0, 8.0),
          List.of(6.0, 1.0, 3.0, 2.0),
          List.of(8.0, 4.0, 6.0, 8.0),
          List.of(7.0, 1.0, 2.0, 6.0),
          List.of(10.0, 5.0, 6.0, 9.0),
          List.of(6.0, 2.0, 4.0, 7.0));

  static final List<List<Double>> UNEQUAL =
      List.of(
          List.of(60.0, 70.0),
          List.of(80.0, 80.0, 90.0),
          List.of(40.0, 50.0),
          List.of(55.0, 65.0, 60.0, 70.0),
          List.of(75.0, 70.0));

  @Test
  void shroutAndFleissPublishedExample() {
    RaterAgreement.Agreement a = RaterAgreement.of(SHROUT_FLEISS, 6, 10, 0.95);
    assertFalse(a.tooFewToJudge());
    RaterAgreement.Figures f = a.figures();
    assertEquals(6, a.encounters());
    assertEquals(24, f.ratings());
    assertEquals(4, f.ratersPerEncounter());
    assertEquals(4.0, f.k0(), 1e-12);
    assertEquals(11.24, f.msBetween(), 0.005);
    assertEquals(6.26, f.msWithin(), 0.005);
    assertEquals(0.17, f.icc(), 0.005);
    assertEquals(0.16574176840547544, f.icc(), 1e-12);
    assertEquals(-0.13293232487475098, f.iccCi().lower(), 1e-9);
    assertEquals(0.722560062328121, f.iccCi().upper(), 1e-9);
  }

  @Test
  void unequalNumbersOfRatersUseK0() {
    RaterAgreement.Agreement a = RaterAgreement.of(UNEQUAL, 5, 10, 0.95);
    RaterAgreement.Figures f = a.figures();
    assertEquals(5, a.encounters());
    assertEquals(13, f.ratings());
    assertNull(f.ratersPerEncounter());
    assertEquals(33.0 / 13, f.k0(), 1e-12);
    assertEquals(149375.0 / 312, f.msBetween(), 1e-9);
    assertEquals(1825.0 / 48, f.msWithin(), 1e-9);
    assertEquals(3667.0 / 4470, f.icc(), 1e-12);
    assertEquals(0.3702131802847622, f.iccCi().lower(), 1e-9);
    assertEquals(0.9778515316277313, f.iccCi().upper(), 1e-9);
    assertEquals(7, f.meanAbsoluteDifference(), 1e-12);
    assertEquals(1.0, f.shareWithinTolerance(), 1e-12);
    assertEquals(0.4, RaterAgreement.of(UNEQUAL, 5, 9.99, 0.95).figures().shareWithinTolerance());
  }

  @Test
  void singleRatedEncountersDoNotCountAndTooFewAreNotJudged() {
    List<List<Double>> encounters = new ArrayList<>(UNEQUAL);
    encounters.add(List.of(50.0));
    encounters.add(List.of());
    RaterAgreement.Agreement few = RaterAgreement.of(encounters);
    assertEquals(5, few.encounters());
    assertTrue(few.tooFewToJudge());
    assertNull(few.figures());
    assertEquals(3667.0 / 4470, RaterAgreement.of(encounters, 5, 10, 0.95).figures().icc(), 1e-12);
  }

  @Test
  void identicalRatingsHaveNoIccAndPerfectAgreementHasNoInterval() {
    List<List<Double>> same = List.of(List.of(50.0, 50.0), List.of(50.0, 50.0));
    assertNull(RaterAgreement.of(same, 2, 10, 0.95).figures().icc());
    List<List<Double>> perfect = List.of(List.of(40.0, 40.0), List.of(70.0, 70.0));
    RaterAgreement.Figures f = RaterAgreement.of(perfect, 2, 10, 0.95).figures();
    assertEquals(1.0, f.icc(), 1e-12);
    assertNull(f.iccCi());
    assertEquals(0, f.meanAbsoluteDifference());
  }

  @Test
  void refusesNonNumbersAndAMinimumBelowTwo() {
    List<List<Double>> bad = List.of(List.of(1.0, Double.NaN), List.of(2.0, 3.0));
    assertThrows(IllegalArgumentException.class, () -> RaterAgreement.of(bad, 2, 10, 0.95));
    assertThrows(
        IllegalArgumentException.class, () -> RaterAgreement.of(SHROUT_FLEISS, 1, 10, 0.95));
  }
}
