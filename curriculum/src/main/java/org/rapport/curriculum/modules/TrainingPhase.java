package org.rapport.curriculum.modules;

import java.util.Arrays;
import java.util.Optional;

/**
 * The broad phases of training a module is written for, so that a student meets first the modules
 * that suit where they are. The declaration order is the order of training.
 */
public enum TrainingPhase {
  PRE_CLINICAL("pre-clinical", "Pre-clinical"),
  CLERKSHIP("clerkship", "Clerkship"),
  FINAL_YEAR("final-year", "Final year"),
  RESIDENCY("residency", "Residency");

  private final String yamlName;
  private final String label;

  TrainingPhase(String yamlName, String label) {
    this.yamlName = yamlName;
    this.label = label;
  }

  /** The name used in module files, e.g. {@code final-year}. */
  public String yamlName() {
    return yamlName;
  }

  /** The name shown to people. */
  public String label() {
    return label;
  }

  public static Optional<TrainingPhase> fromYamlName(String name) {
    return Arrays.stream(values()).filter(p -> p.yamlName.equals(name)).findFirst();
  }
}
