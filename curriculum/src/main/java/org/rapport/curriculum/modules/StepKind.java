package org.rapport.curriculum.modules;

import java.util.Arrays;
import java.util.Optional;

/** What a step asks of the student; the YAML name is the step's {@code kind}. */
public enum StepKind {
  READING("reading", "Reading"),
  SCENARIO("scenario", "Scenario"),
  CHECK("check", "Knowledge check"),
  PRACTICE("practice", "Practice"),
  REFLECTION("reflection", "Reflection");

  private final String yamlName;
  private final String label;

  StepKind(String yamlName, String label) {
    this.yamlName = yamlName;
    this.label = label;
  }

  public String yamlName() {
    return yamlName;
  }

  public String label() {
    return label;
  }

  public static Optional<StepKind> fromYamlName(String name) {
    return Arrays.stream(values()).filter(k -> k.yamlName.equals(name)).findFirst();
  }
}
