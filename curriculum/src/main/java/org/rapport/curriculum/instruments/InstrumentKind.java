package org.rapport.curriculum.instruments;

/** Whether an instrument is a published, validated scale or a formative reflection tool. */
public enum InstrumentKind {
  /** For a learner's own reflection; its scores are not comparable with published norms. */
  FORMATIVE("formative"),
  /** A published scale with evidence of reliability and validity, e.g. the JSE-S. */
  VALIDATED("validated");

  private final String yamlName;

  InstrumentKind(String yamlName) {
    this.yamlName = yamlName;
  }

  /** The spelling used in definition files. */
  public String yamlName() {
    return yamlName;
  }
}
