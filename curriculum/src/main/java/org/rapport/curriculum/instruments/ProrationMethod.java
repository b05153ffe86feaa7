package org.rapport.curriculum.instruments;

/** How missing answers are filled in when their number is within the instrument's limits. */
public enum ProrationMethod {
  /**
   * Mean substitution: each missing answer is replaced by the respondent's mean keyed score on the
   * answered items of the same subscale, so a subscale score is its answered sum × items /
   * answered.
   */
  PRORATE_MEAN("prorate-mean");

  private final String yamlName;

  ProrationMethod(String yamlName) {
    this.yamlName = yamlName;
  }

  /** The spelling used in definition files. */
  public String yamlName() {
    return yamlName;
  }
}
