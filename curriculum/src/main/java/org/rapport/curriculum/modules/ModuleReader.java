package org.rapport.curriculum.modules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one module file and checks it against every content rule, collecting all problems rather
 * than stopping at the first.
 *
 * <p>The format, one YAML file per module named {@code <id>.yaml}:
 *
 * <ul>
 *   <li>{@code id} (lowercase-kebab, equal to the file name), {@code family} ({@link Family}),
 *       {@code title}, {@code summary}, {@code minutes} (10 to 25), {@code subscales} (one or more
 *       {@link Subscale}s), {@code objectives} (2 to 5), {@code steps}.
 *   <li>Each step has {@code id} (lowercase-kebab, unique in the module), {@code kind} and {@code
 *       title}, and by kind: {@code reading}: {@code body}; {@code scenario}: {@code setting},
 *       {@code start}, {@code nodes}, {@code debrief}; {@code check}: {@code questions} (2 to 5);
 *       {@code practice}: {@code prompt}, {@code model_answer}, {@code checklist} (2 to 6); {@code
 *       reflection}: {@code prompt}.
 *   <li>A scenario node has {@code id}, {@code speaker}, {@code says} and 2 to 4 {@code choices},
 *       each with {@code text}, {@code quality} ({@link ChoiceQuality}), {@code feedback} and
 *       {@code next} (a node id or {@code end}). Every {@code next} must resolve, every node must
 *       be reachable from {@code start}, and there must be no loops.
 *   <li>A question has a {@code prompt} and 3 to 4 {@code options}, each with {@code text} and
 *       {@code explanation}; exactly one has {@code correct: true}.
 *   <li>A module has at least one check and one reflection step, and at least one scenario in which
 *       every path from {@code start} to {@code end} passes at least three decision points.
 * </ul>
 *
 * <p>Fields not listed here are reported, so that a misspelt field name does not go unnoticed. The
 * YAML is read with SnakeYAML's safe constructor: plain maps, lists and scalars only.
 */
public final class ModuleReader {

  public static final int MIN_MINUTES = 10;
  public static final int MAX_MINUTES = 25;
  public static final int MIN_DECISION_POINTS = 3;

  private static final Set<String> MODULE_FIELDS =
      Set.of("id", "family", "title", "summary", "minutes", "subscales", "objectives", "steps");
  private static final Set<String> STEP_FIELDS = Set.of("id", "kind", "title");
  private static final Map<StepKind, Set<String>> KIND_FIELDS =
      Map.of(
          StepKind.READING, Set.of("body"),
          StepKind.SCENARIO, Set.of("setting", "start", "nodes", "debrief"),
          StepKind.CHECK, Set.of("questions"),
          StepKind.PRACTICE, Set.of("prompt", "model_answer", "checklist"),
          StepKind.REFLECTION, Set.of("prompt"));
  private static final Set<String> NODE_FIELDS = Set.of("id", "speaker", "says", "choices");
  private static final Set<String> CHOICE_FIELDS = Set.of("text", "quality", "feedback", "next");
  private static final Set<String> QUESTION_FIELDS = Set.of("prompt", "options");
  private static final Set<String> OPTION_FIELDS = Set.of("text", "correct", "explanation");

  /** The result of {@link #parse}: a module when there are no problems, otherwise the problems. */
  public record Outcome(Optional<Module> module, List<ContentProblem> problems) {
    public Outcome {
      problems = List.copyOf(problems);
      if (module.isPresent() != problems.isEmpty()) {
        throw new IllegalArgumentException("An outcome has either a module or problems");
      }
    }

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /**
   * Reads a module or throws.
   *
   * @param source the file's name or path; its name without {@code .yaml} must equal the module id
   * @throws ContentException listing every problem found
   */
  public Module read(String source, String yaml) {
    Outcome outcome = parse(source, yaml);
    if (!outcome.ok()) {
      throw new ContentException(outcome.problems());
    }
    return outcome.module().orElseThrow();
  }

  /**
   * Reads a module, never throwing for bad content.
   *
   * @param source the file's name or path; its name without {@code .yaml} must equal the module id
   */
  public Outcome parse(String source, String yaml) {
    Objects.requireNonNull(yaml, "yaml");
    return new Parse(Objects.requireNonNull(source, "source")).module(yaml);
  }

  /** The state of reading one file: where problems go. */
  private static final class Parse {
    private final String source;
    private final List<ContentProblem> problems = new ArrayList<>();
    private final List<DecisionCount> decisionCounts = new ArrayList<>();

    Parse(String source) {
      this.source = source;
    }

    void problem(String field, String message) {
      problems.add(new ContentProblem(source, field, message));
    }

    Outcome module(String yaml) {
      Object document;
      try {
        document = newYaml().load(yaml);
      } catch (MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String field =
            mark == null
                ? ContentProblem.WHOLE_FILE
                : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
        String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
        problem(field, "is not valid YAML: " + what);
        return failed();
      } catch (YAMLException e) {
        problem(ContentProblem.WHOLE_FILE, "is not valid YAML: " + e.getMessage());
        return failed();
      }
      if (document == null) {
        problem(ContentProblem.WHOLE_FILE, "is empty");
        return failed();
      }
      if (!(document instanceof Map<?, ?> map)) {
        problem(
            ContentProblem.WHOLE_FILE,
            "must be a set of fields (id, family, title, ...), not " + describe(document));
        return failed();
      }
      Module module = module(new Fields(this, map, ""));
      return problems.isEmpty()
          ? new Outcome(Optional.of(module), List.of())
          : new Outcome(Optional.empty(), problems);
    }

    private Outcome failed() {
      return new Outcome(Optional.empty(), problems);
    }

    private Module module(Fields f) {
      f.allowOnly(MODULE_FIELDS, "a module");
      ModuleId id = moduleId(f);
      Family family = f.choice("family", Family::fromYamlName, Family.values(), Family::yamlName);
      String title = f.text("title");
      String summary = f.text("summary");
      Integer minutes = f.wholeNumber("minutes");
      if (minutes != null && (minutes < MIN_MINUTES || minutes > MAX_MINUTES)) {
        problem(
            "minutes",
            "must be between " + MIN_MINUTES + " and " + MAX_MINUTES + ", not " + minutes);
      }
      Set<Subscale> subscales = subscales(f);
      List<String> objectives = f.texts("objectives", 2, 5, "objectives");
      List<Step> steps = steps(f);
      if (!problems.isEmpty()) {
        return null;
      }
      return new Module(id, family, title, summary, minutes, subscales, objectives, steps);
    }

    private ModuleId moduleId(Fields f) {
      String id = f.kebab("id");
      if (id == null) {
        return null;
      }
      String expected = expectedId();
      if (expected != null && !expected.equals(id)) {
        problem(
            "id", "is '" + id + "' but the file is named '" + expected + ".yaml'; they must match");
      }
      return new ModuleId(id);
    }

    private String expectedId() {
      String name =
          source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
      return name.endsWith(".yaml") ? name.substring(0, name.length() - ".yaml".length()) : null;
    }

    private Set<Subscale> subscales(Fields f) {
      List<?> raw = f.list("subscales", 1, Subscale.values().length, "subscales");
      if (raw == null) {
        return null;
      }
      Set<Subscale> subscales = EnumSet.noneOf(Subscale.class);
      for (int i = 0; i < raw.size(); i++) {
        String field = "subscales[" + i + "]";
        Subscale subscale =
            f.choiceValue(
                field, raw.get(i), Subscale::fromYamlName, Subscale.values(), Subscale::yamlName);
        if (subscale != null && !subscales.add(subscale)) {
          problem(field, "lists '" + subscale.yamlName() + "' a second time");
        }
      }
      return subscales;
    }

    private List<Step> steps(Fields f) {
      List<?> raw = f.list("steps", 1, Integer.MAX_VALUE, "steps");
      if (raw == null) {
        return null;
      }
      List<Step> steps = new ArrayList<>();
      Map<String, Integer> firstUse = new HashMap<>();
      Set<StepKind> kinds = EnumSet.noneOf(StepKind.class);
      boolean everyKindKnown = true;
      for (int i = 0; i < raw.size(); i++) {
        String path = "steps[" + i + "]";
        Fields step = f.item(raw.get(i), path, "a step (id, kind, title, ...)");
        if (step == null) {
          everyKindKnown = false;
          continue;
        }
        String id = step.kebab("id");
        if (id != null) {
          Integer earlier = firstUse.putIfAbsent(id, i);
          if (earlier != null) {
            problem(
                path + ".id",
                "repeats step id '" + id + "' (already used by steps[" + earlier + "])");
          }
        }
        StepKind kind =
            step.choice("kind", StepKind::fromYamlName, StepKind.values(), StepKind::yamlName);
        String title = step.text("title");
        if (kind == null) {
          everyKindKnown = false;
          continue;
        }
        kinds.add(kind);
        Set<String> allowed = new LinkedHashSet<>(STEP_FIELDS);
        allowed.addAll(KIND_FIELDS.get(kind));
        step.allowOnly(allowed, "a " + kind.yamlName() + " step");
        Step parsed =
            switch (kind) {
              case READING -> reading(step, id, title);
              case SCENARIO -> scenario(step, path, id, title);
              case CHECK -> check(step, id, title);
              case PRACTICE -> practice(step, id, title);
              case REFLECTION -> new ReflectionStep(id, title, step.text("prompt"));
            };
        steps.add(parsed);
      }
      if (everyKindKnown) {
        requireKind(kinds, StepKind.CHECK);
        requireKind(kinds, StepKind.REFLECTION);
        requireKind(kinds, StepKind.SCENARIO);
      }
      requireEnoughDecisions();
      return steps;
    }

    private void requireKind(Set<StepKind> kinds, StepKind kind) {
      if (!kinds.contains(kind)) {
        problem("steps", "must include at least one " + kind.yamlName() + " step");
      }
    }

    /** At least one scenario must make the student decide at least three times on every path. */
    private void requireEnoughDecisions() {
      if (decisionCounts.stream().anyMatch(c -> c.fewest() >= MIN_DECISION_POINTS)) {
        return;
      }
      for (DecisionCount count : decisionCounts) {
        problem(
            count.stepPath(),
            "every path from start to end must pass at least "
                + MIN_DECISION_POINTS
                + " decision points, but "
                + String.join(" → ", count.shortestPath())
                + " passes only "
                + count.fewest());
      }
    }

    private ReadingStep reading(Fields f, String id, String title) {
      String body = f.text("body");
      return problems.isEmpty() ? new ReadingStep(id, title, body) : null;
    }

    private CheckStep check(Fields f, String id, String title) {
      List<?> raw = f.list("questions", 2, 5, "questions");
      List<Question> questions = new ArrayList<>();
      if (raw != null) {
        for (int q = 0; q < raw.size(); q++) {
          String path = f.at("questions") + "[" + q + "]";
          Fields question = f.item(raw.get(q), path, "a question (prompt, options)");
          if (question != null) {
            questions.add(question(question));
          }
        }
      }
      return problems.isEmpty() ? new CheckStep(id, title, questions) : null;
    }

    private Question question(Fields f) {
      f.allowOnly(QUESTION_FIELDS, "a question");
      String prompt = f.text("prompt");
      List<?> raw = f.list("options", 3, 4, "options");
      if (raw == null) {
        return null;
      }
      List<Option> options = new ArrayList<>();
      int correct = 0;
      for (int o = 0; o < raw.size(); o++) {
        String path = f.at("options") + "[" + o + "]";
        Fields option = f.item(raw.get(o), path, "an option (text, correct, explanation)");
        if (option == null) {
          continue;
        }
        option.allowOnly(OPTION_FIELDS, "an option");
        String text = option.text("text");
        boolean isCorrect = option.flag("correct");
        String explanation = option.text("explanation");
        if (isCorrect) {
          correct++;
        }
        if (text != null && explanation != null) {
          options.add(new Option(text, isCorrect, explanation));
        }
      }
      if (correct == 0) {
        problem(f.at("options"), "has no option marked 'correct: true'; exactly one must be");
      } else if (correct > 1) {
        problem(
            f.at("options"),
            "has " + correct + " options marked 'correct: true'; exactly one must be");
      }
      return problems.isEmpty() ? new Question(prompt, options) : null;
    }

    private PracticeStep practice(Fields f, String id, String title) {
      String prompt = f.text("prompt");
      String modelAnswer = f.text("model_answer");
      List<String> checklist = f.texts("checklist", 2, 6, "checklist items");
      return problems.isEmpty()
          ? new PracticeStep(id, title, prompt, modelAnswer, checklist)
          : null;
    }

    private ScenarioStep scenario(Fields f, String stepPath, String id, String title) {
      String setting = f.text("setting");
      String start = f.text("start");
      String debrief = f.text("debrief");
      List<?> raw = f.list("nodes", 1, Integer.MAX_VALUE, "nodes");
      if (raw == null) {
        return null;
      }
      Graph graph = new Graph(stepPath);
      List<ScenarioNode> nodes = new ArrayList<>();
      for (int n = 0; n < raw.size(); n++) {
        String path = f.at("nodes") + "[" + n + "]";
        Fields node = f.item(raw.get(n), path, "a node (id, speaker, says, choices)");
        if (node == null) {
          graph.nodeIdsBroken = true;
          continue;
        }
        ScenarioNode parsed = node(node, n, graph);
        if (parsed != null) {
          nodes.add(parsed);
        }
      }
      graph.check(start, f.at("start"));
      return problems.isEmpty()
          ? new ScenarioStep(id, title, setting, start, nodes, debrief)
          : null;
    }

    private ScenarioNode node(Fields f, int index, Graph graph) {
      f.allowOnly(NODE_FIELDS, "a scenario node");
      String id = f.kebab("id");
      if (ScenarioStep.END.equals(id)) {
        problem(f.at("id"), "cannot be 'end', which is reserved for finishing the scenario");
        id = null;
      }
      if (id == null) {
        graph.nodeIdsBroken = true;
      } else {
        Integer earlier = graph.indexById.putIfAbsent(id, index);
        if (earlier != null) {
          problem(
              f.at("id"),
              "repeats node id '" + id + "' (already used by " + graph.nodePath(earlier) + ")");
          graph.nodeIdsBroken = true;
        }
      }
      String speaker = f.text("speaker");
      String says = f.text("says");
      List<?> raw = f.list("choices", 2, 4, "choices");
      List<Choice> choices = new ArrayList<>();
      List<Edge> edges = new ArrayList<>();
      if (raw == null) {
        graph.incomplete = true;
      } else {
        for (int c = 0; c < raw.size(); c++) {
          String path = f.at("choices") + "[" + c + "]";
          Fields choice = f.item(raw.get(c), path, "a choice (text, quality, feedback, next)");
          if (choice == null) {
            graph.incomplete = true;
            continue;
          }
          choice.allowOnly(CHOICE_FIELDS, "a choice");
          String text = choice.text("text");
          ChoiceQuality quality =
              choice.choice(
                  "quality",
                  ChoiceQuality::fromYamlName,
                  ChoiceQuality.values(),
                  ChoiceQuality::yamlName);
          String feedback = choice.text("feedback");
          String next = choice.text("next");
          if (next == null) {
            graph.incomplete = true;
          } else {
            edges.add(new Edge(next, choice.at("next")));
          }
          if (text != null && quality != null && feedback != null && next != null) {
            choices.add(new Choice(text, quality, feedback, next));
          }
        }
      }
      if (edges.isEmpty()) {
        graph.incomplete = true;
      }
      if (id != null) {
        graph.edgesById.putIfAbsent(id, edges);
      }
      return id != null && speaker != null && says != null
          ? new ScenarioNode(id, speaker, says, choices)
          : null;
    }

    private record Edge(String target, String field) {}

    private record DecisionCount(String stepPath, int fewest, List<String> shortestPath) {}

    /** The shape of one scenario: which node leads where. */
    private final class Graph {
      private final String stepPath;
      private final Map<String, Integer> indexById = new LinkedHashMap<>();
      private final Map<String, List<Edge>> edgesById = new LinkedHashMap<>();
      private boolean incomplete;

      /** A node id is missing, malformed or repeated: links to it cannot be judged. */
      private boolean nodeIdsBroken;

      Graph(String stepPath) {
        this.stepPath = stepPath;
      }

      String nodePath(int index) {
        return stepPath + ".nodes[" + index + "]";
      }

      void check(String start, String startField) {
        if (nodeIdsBroken) {
          return;
        }
        boolean resolved = start != null && !incomplete;
        if (start != null && !indexById.containsKey(start)) {
          problem(startField, "names node '" + start + "', which does not exist");
          resolved = false;
        }
        for (List<Edge> edges : edgesById.values()) {
          for (Edge edge : edges) {
            if (!edge.target().equals(ScenarioStep.END) && !indexById.containsKey(edge.target())) {
              problem(
                  edge.field(),
                  "points to node '"
                      + edge.target()
                      + "', which does not exist (use 'end' to finish the scenario)");
              resolved = false;
            }
          }
        }
        if (!resolved) {
          return;
        }
        reportUnreachable(start);
        if (reportLoops(start)) {
          countDecisions(start);
        }
      }

      private void reportUnreachable(String start) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
          String id = todo.pop();
          if (seen.add(id)) {
            for (Edge edge : edgesById.get(id)) {
              if (!edge.target().equals(ScenarioStep.END)) {
                todo.push(edge.target());
              }
            }
          }
        }
        indexById.forEach(
            (id, index) -> {
              if (!seen.contains(id)) {
                problem(
                    nodePath(index),
                    "node '" + id + "' cannot be reached from the start node '" + start + "'");
              }
            });
      }

      /** Reports every choice that leads back to a node already on its path; true if none. */
      private boolean reportLoops(String start) {
        Map<String, Boolean> onPath = new HashMap<>(); // true: on the current path, false: done
        List<String> order = new ArrayList<>(List.of(start));
        order.addAll(indexById.keySet());
        int before = problems.size();
        for (String id : order) {
          if (!onPath.containsKey(id)) {
            visit(id, onPath);
          }
        }
        return problems.size() == before;
      }

      private void visit(String id, Map<String, Boolean> onPath) {
        onPath.put(id, true);
        for (Edge edge : edgesById.get(id)) {
          String target = edge.target();
          if (target.equals(ScenarioStep.END)) {
            continue;
          }
          Boolean state = onPath.get(target);
          if (Boolean.TRUE.equals(state)) {
            problem(
                edge.field(),
                "leads back to node '"
                    + target
                    + "', which makes a loop; a scenario must always move towards the end");
          } else if (state == null) {
            visit(target, onPath);
          }
        }
        onPath.put(id, false);
      }

      /** Finds the path from start to end with the fewest decision points. */
      private void countDecisions(String start) {
        Map<String, List<String>> shortest = new HashMap<>();
        List<String> path = shortestFrom(start, shortest);
        decisionCounts.add(new DecisionCount(stepPath, path.size() - 1, path));
      }

      private List<String> shortestFrom(String id, Map<String, List<String>> memo) {
        List<String> known = memo.get(id);
        if (known != null) {
          return known;
        }
        List<String> best = null;
        for (Edge edge : edgesById.get(id)) {
          List<String> rest =
              edge.target().equals(ScenarioStep.END)
                  ? List.of(ScenarioStep.END)
                  : shortestFrom(edge.target(), memo);
          if (best == null || rest.size() < best.size()) {
            best = rest;
          }
        }
        List<String> path = new ArrayList<>();
        path.add(id);
        path.addAll(best);
        memo.put(id, path);
        return path;
      }
    }
  }

  /** The fields of one YAML mapping, with the path that names it in problems. */
  private static final class Fields {
    private final Parse parse;
    private final Map<?, ?> map;
    private final String path;

    Fields(Parse parse, Map<?, ?> map, String path) {
      this.parse = parse;
      this.map = map;
      this.path = path;
    }

    String at(String key) {
      return path.isEmpty() ? key : path + "." + key;
    }

    void allowOnly(Set<String> known, String what) {
      for (Object key : map.keySet()) {
        if (!known.contains(String.valueOf(key))) {
          parse.problem(
              at(String.valueOf(key)),
              "is not a field of "
                  + what
                  + "; the fields are "
                  + known.stream().sorted().collect(Collectors.joining(", ")));
        }
      }
    }

    /** A required, non-blank text. */
    String text(String key) {
      return textValue(at(key), map.get(key), map.containsKey(key));
    }

    private String textValue(String field, Object value, boolean present) {
      if (value == null) {
        parse.problem(field, present ? "is empty" : "is missing");
        return null;
      }
      if (!(value instanceof String text)) {
        parse.problem(field, "must be text, not " + describe(value) + "; put it in quotes");
        return null;
      }
      if (text.isBlank()) {
        parse.problem(field, "is empty");
        return null;
      }
      return text;
    }

    String kebab(String key) {
      String value = text(key);
      if (value != null && !ModuleId.KEBAB_CASE.matcher(value).matches()) {
        parse.problem(
            at(key),
            "must be lowercase words joined by hyphens (like 'why-agendas'), not '" + value + "'");
        return null;
      }
      return value;
    }

    Integer wholeNumber(String key) {
      Object value = map.get(key);
      if (value == null) {
        parse.problem(at(key), map.containsKey(key) ? "is empty" : "is missing");
        return null;
      }
      if (!(value instanceof Integer number)) {
        parse.problem(at(key), "must be a whole number, not " + describe(value));
        return null;
      }
      return number;
    }

    /** An optional true/false, false when absent. */
    boolean flag(String key) {
      Object value = map.get(key);
      if (value == null) {
        return false;
      }
      if (!(value instanceof Boolean flag)) {
        parse.problem(at(key), "must be true or false, not " + describe(value));
        return false;
      }
      return flag;
    }

    <E> E choice(
        String key, Function<String, Optional<E>> lookup, E[] all, Function<E, String> name) {
      if (!map.containsKey(key) || map.get(key) == null) {
        parse.problem(at(key), map.containsKey(key) ? "is empty" : "is missing");
        return null;
      }
      return choiceValue(at(key), map.get(key), lookup, all, name);
    }

    <E> E choiceValue(
        String field,
        Object value,
        Function<String, Optional<E>> lookup,
        E[] all,
        Function<E, String> name) {
      Optional<E> found = value instanceof String text ? lookup.apply(text) : Optional.empty();
      if (found.isEmpty()) {
        String allowed = Arrays.stream(all).map(name).collect(Collectors.joining(", "));
        String actual = value instanceof String text ? "'" + text + "'" : describe(value);
        parse.problem(field, "must be one of " + allowed + ", not " + actual);
        return null;
      }
      return found.get();
    }

    /** A required list with between {@code min} and {@code max} entries. */
    List<?> list(String key, int min, int max, String noun) {
      Object value = map.get(key);
      if (value == null) {
        parse.problem(at(key), map.containsKey(key) ? "is empty" : "is missing");
        return null;
      }
      if (!(value instanceof List<?> list)) {
        parse.problem(at(key), "must be a list of " + noun + ", not " + describe(value));
        return null;
      }
      if (list.size() < min || list.size() > max) {
        String range =
            max == Integer.MAX_VALUE
                ? "at least " + min
                : min == max ? String.valueOf(min) : min + " to " + max;
        parse.problem(at(key), "must list " + range + " " + noun + ", not " + list.size());
      }
      return list;
    }

    /** A required list of non-blank texts. */
    List<String> texts(String key, int min, int max, String noun) {
      List<?> raw = list(key, min, max, noun);
      if (raw == null) {
        return null;
      }
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < raw.size(); i++) {
        String text = textValue(at(key) + "[" + i + "]", raw.get(i), true);
        if (text != null) {
          texts.add(text);
        }
      }
      return texts;
    }

    /** One entry of a list that must itself be a mapping. */
    Fields item(Object value, String itemPath, String what) {
      if (!(value instanceof Map<?, ?> itemMap)) {
        parse.problem(itemPath, "must be " + what + ", not " + describe(value));
        return null;
      }
      return new Fields(parse, itemMap, itemPath);
    }
  }

  private static Yaml newYaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    return new Yaml(new SafeConstructor(options));
  }

  private static String describe(Object value) {
    if (value == null) {
      return "nothing";
    }
    if (value instanceof String text) {
      return "the text '" + text + "'";
    }
    if (value instanceof Boolean) {
      return "true/false (" + value + ")";
    }
    if (value instanceof Number) {
      return "the number " + value;
    }
    if (value instanceof Date) {
      return "a date";
    }
    if (value instanceof List<?>) {
      return "a list";
    }
    if (value instanceof Map<?, ?>) {
      return "a set of fields";
    }
    return "a " + value.getClass().getSimpleName();
  }
}
