package org.rapport.curriculum.modules;

import java.util.Arrays;
import java.util.Optional;

/** How good a scenario choice is; always shown as its label, never by colour alone. */
public enum ChoiceQuality {
  BEST("best", "Best choice"),
  MIXED("mixed", "Mixed"),
  POOR("poor", "Poor choice");

  private final String yamlName;
  private final String label;

  ChoiceQuality(String yamlName, String label) {
    this.yamlName = yamlName;
    this.label = label;
  }

  public String yamlName() {
    return yamlName;
  }

  public String label() {
    return label;
  }

  public static Optional<ChoiceQuality> fromYamlName(String name) {
    return Arrays.stream(values()).filter(q -> q.yamlName.equals(name)).findFirst();
  }
}
