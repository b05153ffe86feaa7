package org.rapport.curriculum.testdata;

/**
 * A small valid instrument definition (4 items on 1–5, two subscales) and a way to break it in one
 * place. {@link #replacing} insists that the text it replaces occurs exactly once, so a case whose
 * edit no longer applies fails instead of silently testing the valid file.
 */
public final class DefinitionYaml {

  public static final String FILE = "institution/test-scale.yaml";

  public static final String VALID =
      """
      id: test-scale
      version: 1
      title: Test scale
      kind: formative
      licence: Written for Rapport's tests.
      scale:
        min: 1
        max: 5
        labels:
          1: Never
          5: Always
      texts: included
      subscales:
        - {id: first, label: First, description: The first subscale.}
        - {id: second, label: Second, description: The second subscale.}
      items:
        - {number: 1, text: Item one., reverse: false, subscale: first}
        - {number: 2, text: Item two., reverse: true, subscale: first}
        - {number: 3, text: Item three., reverse: false, subscale: second}
        - {number: 4, text: Item four., reverse: true, subscale: second}
      total: {label: Test total}
      missing: {max_missing_per_subscale: 1, max_missing_total: 1, method: prorate-mean}
      score_range: {min: 4, max: 20}
      """;

  private final String text;

  private DefinitionYaml(String text) {
    this.text = text;
  }

  public static DefinitionYaml valid() {
    return new DefinitionYaml(VALID);
  }

  public DefinitionYaml replacing(String old, String replacement) {
    int first = text.indexOf(old);
    if (first < 0 || text.indexOf(old, first + 1) >= 0) {
      throw new IllegalArgumentException("'" + old + "' must occur exactly once in:\n" + text);
    }
    return new DefinitionYaml(text.replace(old, replacement));
  }

  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}
