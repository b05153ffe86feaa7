package org.rapport.curriculum.modules;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A branching conversation: the student starts at {@code start}, picks one choice at each node and
 * follows its {@code next} until a choice leads to {@link #END}. The reader guarantees that every
 * {@code next} resolves, every node is reachable and there are no loops.
 */
public record ScenarioStep(
    String id, String title, String setting, String start, List<ScenarioNode> nodes, String debrief)
    implements Step {

  /** The {@code next} value that finishes the scenario and shows the debrief. */
  public static final String END = "end";

  public ScenarioStep {
    requireNonNull(id, "id");
    requireNonNull(title, "title");
    requireNonNull(setting, "setting");
    requireNonNull(start, "start");
    nodes = List.copyOf(nodes);
    requireNonNull(debrief, "debrief");
  }

  @Override
  public StepKind kind() {
    return StepKind.SCENARIO;
  }

  public Optional<ScenarioNode> node(String nodeId) {
    return nodes.stream().filter(n -> n.id().equals(nodeId)).findFirst();
  }

  public ScenarioNode startNode() {
    return node(start).orElseThrow(() -> new IllegalStateException("no start node " + start));
  }
}
