package org.rapport.curriculum.modules;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A decision point: someone says something and the student chooses a reply. */
public record ScenarioNode(String id, String speaker, String says, List<Choice> choices) {

  public ScenarioNode {
    requireNonNull(id, "id");
    requireNonNull(speaker, "speaker");
    requireNonNull(says, "says");
    choices = List.copyOf(choices);
  }
}
