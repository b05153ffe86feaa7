package org.rapport.lti.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The problems of a refused form, sorted to the fields they are about. Use cases and Bean
 * Validation word a problem about one field as "field: what to do"; a page shows that sentence next
 * to the field and every other problem above the form.
 */
public final class FieldProblems {
  private final List<String> problems;

  public FieldProblems(List<String> problems) {
    this.problems = problems == null ? List.of() : List.copyOf(problems);
  }

  public static FieldProblems none() {
    return new FieldProblems(List.of());
  }

  /** What to do about {@code field}, without the field's name, or null when nothing is wrong. */
  public String of(String field) {
    List<String> found = new ArrayList<>();
    for (String problem : problems) {
      if (problem.startsWith(field + ": ")) {
        found.add(capitalised(problem.substring(field.length() + 2)));
      }
    }
    return found.isEmpty() ? null : String.join(" ", found);
  }

  /** The problems about none of {@code fields}, as they were worded. */
  public List<String> others(Set<String> fields) {
    return problems.stream()
        .filter(p -> fields.stream().noneMatch(f -> p.startsWith(f + ": ")))
        .toList();
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  private static String capitalised(String sentence) {
    return sentence.isEmpty()
        ? sentence
        : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
  }
}
