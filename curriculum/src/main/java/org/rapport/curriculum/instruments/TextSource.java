package org.rapport.curriculum.instruments;

/** Where an instrument's item wording comes from. */
public enum TextSource {
  /** The definition file carries the item texts (Rapport's own instrument). */
  INCLUDED("included"),
  /**
   * The wording is under copyright: the definition carries only the scoring key, and a licensed
   * institution supplies the texts in a file it keeps outside the repository.
   */
  LICENSEE("licensee");

  private final String yamlName;

  TextSource(String yamlName) {
    this.yamlName = yamlName;
  }

  /** The spelling used in definition files. */
  public String yamlName() {
    return yamlName;
  }
}
