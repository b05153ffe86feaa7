package org.rapport.curriculum.alerts;

/** Which comparison raised a finding; each can be switched on or off per institution. */
public enum ComparisonKind {
  PREVIOUS_WAVE("Change from the cohort's previous wave, students who answered both"),
  BASELINE("Change from the cohort's first wave, students who answered both"),
  CROSS_COHORT("This cohort against the earlier cohorts at the same wave");

  private final String sentence;

  ComparisonKind(String sentence) {
    this.sentence = sentence;
  }

  public String sentence() {
    return sentence;
  }
}
