package org.rapport.curriculum.alerts;

/** The standardized effect size a finding was judged on. */
public enum EffectSizeMeasure {
  D_AV("Mean change divided by the average SD of the two waves (paired d_av)"),
  D_Z("Mean change divided by the SD of the changes (paired d_z)"),
  HEDGES_G("Difference divided by the pooled SD, small-sample corrected (Hedges' g)");

  private final String sentence;

  EffectSizeMeasure(String sentence) {
    this.sentence = sentence;
  }

  public String sentence() {
    return sentence;
  }
}
