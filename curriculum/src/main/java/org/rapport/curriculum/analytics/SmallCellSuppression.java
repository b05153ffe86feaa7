package org.rapport.curriculum.analytics;

/**
 * Small-cell suppression: no aggregate built from fewer than {@link #minimumGroupSize()} students
 * is shown, and no suppressed aggregate can be recovered by subtraction.
 *
 * <p>The rule, in two steps:
 *
 * <ol>
 *   <li><b>Primary suppression.</b> A cell (any aggregate: a mean, an SD, a count, a comparison)
 *       built from {@code 0 < n < N} students is suppressed. An empty cell ({@code n = 0}) has no
 *       figures to show and describes nobody, so it is not shown but needs no protection.
 *   <li><b>Complementary suppression.</b> When cells add up to a total that is shown (subscale or
 *       sex splits of a shown group; the students matched between two waves and those who answered
 *       only one of them, within the wave's shown summary), a single suppressed cell could be
 *       recovered as total minus the others. So while exactly one non-empty cell of such a set is
 *       suppressed, or the suppressed cells together hold fewer than N students (their combined
 *       aggregate would itself be a small cell), the smallest cell still shown is suppressed too.
 *       This extends "suppress the next-smallest" to the case where two small cells together are
 *       still a small group.
 * </ol>
 *
 * <p>Sets that overlap without nesting (e.g. the matched students of Y1→Y2 and of Y1→Y3) are not
 * audited against each other; the callers in this package only publish nested sets.
 */
public final class SmallCellSuppression {

  /** Default minimum group size (domain: "default N = 10"). */
  public static final int DEFAULT_MINIMUM_GROUP_SIZE = 10;

  /** Floor that no institution setting may go under (domain: "never below 5"). */
  public static final int FLOOR = 5;

  /** Why a configuration was refused; the sentence is shown on the settings page and logged. */
  public static final String BELOW_FLOOR =
      "The minimum group size for showing aggregates must be at least "
          + FLOOR
          + " students; smaller groups could identify individual students.";

  private final int minimumGroupSize;

  public SmallCellSuppression(int minimumGroupSize) {
    if (minimumGroupSize < FLOOR) {
      throw new IllegalArgumentException(BELOW_FLOOR + " (configured: " + minimumGroupSize + ")");
    }
    this.minimumGroupSize = minimumGroupSize;
  }

  public static SmallCellSuppression defaults() {
    return new SmallCellSuppression(DEFAULT_MINIMUM_GROUP_SIZE);
  }

  public int minimumGroupSize() {
    return minimumGroupSize;
  }

  /** Primary suppression of one cell built from {@code n} students. */
  public boolean suppresses(int n) {
    return n < minimumGroupSize;
  }

  /**
   * Decides which cells of an additive set are hidden.
   *
   * @param counts students in each cell; the cells are disjoint and together make the total
   * @param totalShown whether the total of the set is published; without it, subtraction recovers
   *     nothing and only primary suppression applies
   * @return for each cell, whether it is suppressed (empty cells are reported as suppressed, since
   *     they have no figures)
   */
  public boolean[] suppressAdditiveSet(int[] counts, boolean totalShown) {
    boolean[] hidden = new boolean[counts.length];
    int protectedCells = 0;
    long protectedStudents = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < 0) {
        throw new IllegalArgumentException("A cell count cannot be negative.");
      }
      hidden[i] = suppresses(counts[i]);
      if (hidden[i] && counts[i] > 0) {
        protectedCells++;
        protectedStudents += counts[i];
      }
    }
    if (!totalShown || protectedCells == 0) {
      return hidden;
    }
    while (protectedCells == 1 || protectedStudents < minimumGroupSize) {
      int next = smallestShown(counts, hidden);
      if (next < 0) {
        break;
      }
      hidden[next] = true;
      protectedCells++;
      protectedStudents += counts[next];
    }
    return hidden;
  }

  private static int smallestShown(int[] counts, boolean[] hidden) {
    int best = -1;
    for (int i = 0; i < counts.length; i++) {
      if (!hidden[i] && counts[i] > 0 && (best < 0 || counts[i] < counts[best])) {
        best = i;
      }
    }
    return best;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SmallCellSuppression other && other.minimumGroupSize == minimumGroupSize;
  }

  @Override
  public int hashCode() {
    return Integer.hashCode(minimumGroupSize);
  }

  @Override
  public String toString() {
    return "SmallCellSuppression[N=" + minimumGroupSize + "]";
  }
}
