package org.rapport.lti.alerts;

/**
 * An effect size in words people read, by the conventions in the domain notes: Cohen's d of 0.2,
 * 0.5 and 0.8 are small, medium and large, below 0.2 is negligible, and half a standard deviation
 * is the usual rule of thumb for a change that matters.
 */
public final class EffectWords {
  private EffectWords() {}

  /** "about half a standard deviation", "less than a fifth of a standard deviation", ... */
  public static String size(double d) {
    double a = Math.abs(d);
    if (Double.isNaN(a)) {
      return "an unknown amount";
    }
    if (a < 0.2) {
      return "less than a fifth of a standard deviation";
    }
    if (a < 0.3) {
      return "about a quarter of a standard deviation";
    }
    if (a < 0.4) {
      return "about a third of a standard deviation";
    }
    if (a < 0.5) {
      return "almost half a standard deviation";
    }
    if (a < 0.6) {
      return "about half a standard deviation";
    }
    if (a < 0.7) {
      return "about two thirds of a standard deviation";
    }
    if (a < 0.9) {
      return "about three quarters of a standard deviation";
    }
    if (a < 1.2) {
      return "about one standard deviation";
    }
    return "more than one standard deviation";
  }

  /** "negligible", "small", "medium" or "large". */
  public static String magnitude(double d) {
    double a = Math.abs(d);
    return a < 0.2 ? "negligible" : a < 0.5 ? "small" : a < 0.8 ? "medium" : "large";
  }
}
