package org.rapport.curriculum.modules;

import java.util.Arrays;
import java.util.Optional;

/**
 * The three layers of empathy (cognitive, affective, compassionate action). Rapport's own
 * self-assessment reports them as its subscales; a module names the layers it strengthens (its
 * file's {@code subscales} field) so that a falling subscale can be answered with modules.
 */
public enum EmpathyLayer {
  COGNITIVE("cognitive", "Cognitive empathy", "understanding the patient's perspective"),
  AFFECTIVE("affective", "Affective empathy", "sharing in what the patient feels"),
  COMPASSIONATE_ACTION(
      "compassionate-action", "Compassionate action", "caring enough to act on that understanding");

  private final String yamlName;
  private final String label;
  private final String meaning;

  EmpathyLayer(String yamlName, String label, String meaning) {
    this.yamlName = yamlName;
    this.label = label;
    this.meaning = meaning;
  }

  /** The name used in module files, e.g. {@code compassionate-action}. */
  public String yamlName() {
    return yamlName;
  }

  /** The name shown to people. */
  public String label() {
    return label;
  }

  /** A few words saying what the layer is, for help text. */
  public String meaning() {
    return meaning;
  }

  public static Optional<EmpathyLayer> fromYamlName(String name) {
    return Arrays.stream(values()).filter(s -> s.yamlName.equals(name)).findFirst();
  }
}
