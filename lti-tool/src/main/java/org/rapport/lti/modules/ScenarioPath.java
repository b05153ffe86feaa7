package org.rapport.lti.modules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.rapport.curriculum.modules.Choice;
import org.rapport.curriculum.modules.ScenarioNode;
import org.rapport.curriculum.modules.ScenarioStep;

/**
 * The replies a student chose in a branching scenario, in order, stored as {@code node:choice}
 * pairs ({@code "n1:0 n2-recall:1"}). Replaying the path through the scenario gives the
 * conversation so far and the node the student is at; the server decides every move, so a tampered
 * or stale form cannot jump to another node.
 */
public record ScenarioPath(List<Turn> turns) {
  private static final Pattern STORED = Pattern.compile("[A-Za-z0-9_-]+:[0-9]{1,2}");

  public static final ScenarioPath EMPTY = new ScenarioPath(List.of());

  /** One decision: at node {@code nodeId} the student chose the reply at {@code choice}. */
  public record Turn(String nodeId, int choice) {}

  /** One exchange of the conversation so far. */
  public record Exchange(ScenarioNode node, Choice choice) {}

  /**
   * The conversation replayed against the scenario as it is now.
   *
   * @param currentOrNull the node awaiting a reply, null once the conversation has ended
   */
  public record Replay(List<Exchange> exchanges, ScenarioNode currentOrNull) {
    public boolean ended() {
      return currentOrNull == null;
    }
  }

  public ScenarioPath {
    turns = List.copyOf(turns);
  }

  /** Reads a stored path; anything malformed reads as the empty path (start again). */
  public static ScenarioPath parse(String stored) {
    if (stored == null || stored.isBlank()) {
      return EMPTY;
    }
    List<Turn> turns = new ArrayList<>();
    for (String part : stored.strip().split(" +")) {
      if (!STORED.matcher(part).matches()) {
        return EMPTY;
      }
      int colon = part.lastIndexOf(':');
      turns.add(new Turn(part.substring(0, colon), Integer.parseInt(part.substring(colon + 1))));
    }
    return new ScenarioPath(turns);
  }

  public String format() {
    StringBuilder out = new StringBuilder();
    for (Turn turn : turns) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(turn.nodeId()).append(':').append(turn.choice());
    }
    return out.toString();
  }

  public ScenarioPath then(String nodeId, int choice) {
    List<Turn> longer = new ArrayList<>(turns);
    longer.add(new Turn(nodeId, choice));
    return new ScenarioPath(longer);
  }

  /**
   * Follows the path from the scenario's start. Turns that no longer fit the scenario (its file was
   * edited since) are dropped from the first mismatch on, so the student continues from the last
   * point that still makes sense.
   */
  public Replay replay(ScenarioStep step) {
    List<Exchange> exchanges = new ArrayList<>();
    Optional<ScenarioNode> current = step.node(step.start());
    for (Turn turn : turns) {
      if (current.isEmpty() || !current.get().id().equals(turn.nodeId())) {
        break;
      }
      ScenarioNode node = current.get();
      if (turn.choice() < 0 || turn.choice() >= node.choices().size()) {
        break;
      }
      Choice choice = node.choices().get(turn.choice());
      exchanges.add(new Exchange(node, choice));
      current = choice.endsScenario() ? Optional.empty() : step.node(choice.next());
      if (current.isEmpty()) {
        break;
      }
    }
    return new Replay(exchanges, current.orElse(null));
  }

  /** The path made of the exchanges that replayed, dropping turns that no longer fit. */
  public static ScenarioPath of(Replay replay) {
    List<Turn> turns = new ArrayList<>();
    for (Exchange exchange : replay.exchanges()) {
      turns.add(
          new Turn(exchange.node().id(), exchange.node().choices().indexOf(exchange.choice())));
    }
    return new ScenarioPath(turns);
  }

  /**
   * Checks a reply sent from the scenario's form against where the student is.
   *
   * @param nodeParam the node the form was showing
   * @param choiceParam the index of the chosen reply
   * @return the index of the chosen reply at the current node
   * @throws PlayerException when the reply cannot be taken, saying why
   */
  public int accept(ScenarioStep step, String nodeParam, String choiceParam) {
    Replay replay = replay(step);
    if (replay.ended()) {
      throw new PlayerException(PlayerProblem.SCENARIO_FINISHED);
    }
    if (nodeParam == null || step.node(nodeParam).isEmpty()) {
      throw new PlayerException(PlayerProblem.UNKNOWN_NODE);
    }
    if (!nodeParam.equals(replay.currentOrNull().id())) {
      throw new PlayerException(PlayerProblem.STALE_NODE);
    }
    if (choiceParam == null || choiceParam.isBlank()) {
      throw new PlayerException(PlayerProblem.MISSING_CHOICE);
    }
    int index;
    try {
      index = Integer.parseInt(choiceParam.strip());
    } catch (NumberFormatException e) {
      throw new PlayerException(PlayerProblem.UNKNOWN_CHOICE);
    }
    if (index < 0 || index >= replay.currentOrNull().choices().size()) {
      throw new PlayerException(PlayerProblem.UNKNOWN_CHOICE);
    }
    return index;
  }
}
