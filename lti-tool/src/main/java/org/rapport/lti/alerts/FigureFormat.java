package org.rapport.lti.alerts;

import java.util.Locale;

/**
 * How figures are written on pages, in CSV files and in mail: fixed decimals, a real minus sign.
 */
public final class FigureFormat {
  private FigureFormat() {}

  /** Scores and changes: one decimal. */
  public static String score(double v) {
    return minus(String.format(Locale.ROOT, "%.1f", v));
  }

  /** Effect sizes and SDs of effects: two decimals. */
  public static String effect(double v) {
    return minus(String.format(Locale.ROOT, "%.2f", v));
  }

  /** p values: three decimals, or "< 0.001". */
  public static String p(double v) {
    return v < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", v);
  }

  /** "p = 0.012" or "p < 0.001". */
  public static String pStatement(double v) {
    return v < 0.001 ? "p < 0.001" : "p = " + p(v);
  }

  /** A rate as a whole percentage, or "unknown". */
  public static String rate(Double v) {
    return v == null ? "unknown" : String.format(Locale.ROOT, "%.0f%%", v * 100);
  }

  /** A confidence level as a percentage: 0.95 → "95%". */
  public static String level(double level) {
    String s = String.format(Locale.ROOT, "%.1f", level * 100);
    return (s.endsWith(".0") ? s.substring(0, s.length() - 2) : s) + "%";
  }

  /** An interval: "−4.1 to −2.3". */
  public static String interval(double lower, double upper) {
    return score(lower) + " to " + score(upper);
  }

  private static String minus(String s) {
    return s.startsWith("-") ? "\u2212" + s.substring(1) : s;
  }
}
