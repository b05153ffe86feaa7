package org.rapport.curriculum.modules;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A multiple-choice question; the reader guarantees exactly one correct option. */
public record Question(String prompt, List<Option> options) {

  public Question {
    requireNonNull(prompt, "prompt");
    options = List.copyOf(options);
  }

  public Option correctOption() {
    return options.stream()
        .filter(Option::correct)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no correct option: " + prompt));
  }
}
