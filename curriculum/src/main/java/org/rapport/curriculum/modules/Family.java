package org.rapport.curriculum.modules;

import java.util.Arrays;
import java.util.Optional;

/** The four groups the catalogue is organised by; the declaration order is the display order. */
public enum Family {
  COMMUNICATION("communication", "Communication"),
  RELATIONSHIP_BUILDING("relationship-building", "Relationship building"),
  RESILIENCE("resilience", "Resilience"),
  PATIENT_PARTNERSHIP("patient-partnership", "Patient partnership");

  private final String yamlName;
  private final String label;

  Family(String yamlName, String label) {
    this.yamlName = yamlName;
    this.label = label;
  }

  /** The name used in module files, e.g. {@code relationship-building}. */
  public String yamlName() {
    return yamlName;
  }

  /** The name shown to people. */
  public String label() {
    return label;
  }

  public static Optional<Family> fromYamlName(String name) {
    return Arrays.stream(values()).filter(f -> f.yamlName.equals(name)).findFirst();
  }
}
