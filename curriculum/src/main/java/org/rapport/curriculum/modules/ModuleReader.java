package org.rapport.curriculum.modules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.rapport.curriculum.catalogue.CatalogueFiles;
import org.rapport.curriculum.catalogue.YamlDocument;
import org.rapport.curriculum.catalogue.YamlFields;

/**
 * Reads one module file and checks it against every content rule, collecting all problems rather
 * than stopping at the first.
 *
 * <p>The format, one YAML file per module named {@code <id>.yaml}:
 *
 * <ul>
 *   <li>{@code id} (lowercase-kebab, equal to the file name), {@code family} ({@link Family}),
 *       {@code title}, {@code summary}, {@code minutes} (10 to 25), {@code subscales} (one or more
 *       {@link EmpathyLayer}s), {@code objectives} (2 to 5), {@code steps}.
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
 *   <li>{@code stages} (one or more {@link TrainingPhase}s), {@code references} (each with {@code
 *       id}, {@code text} and optionally {@code url}) and {@code facilitatorGuide} ({@code aims} 2
 *       to 4, {@code plan}, {@code questions} 3 to 6): required of shipped modules ({@link
 *       #forShippedModules()}), optional in an institution's own.
 *   <li>The text a student or facilitator reads (bodies, settings, what people say, choices,
 *       feedback, debriefs, prompts, options, explanations, checklists, the guide) may cite
 *       references as {@code [@id]} or {@code [@a; @b]}; every cited id must be in {@code
 *       references} and every reference must be cited.
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
      Set.of(
          "id",
          "family",
          "title",
          "summary",
          "minutes",
          "subscales",
          "objectives",
          "steps",
          "stages",
          "references",
          "facilitatorGuide");
  private static final Set<String> REFERENCE_FIELDS = Set.of("id", "text", "url");
  private static final Set<String> GUIDE_FIELDS = Set.of("aims", "plan", "questions");
  private static final Pattern WEB_ADDRESS = Pattern.compile("https?://[^\\s<>\"]+");
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

  /** Whether stages, references and a facilitator guide must be present. */
  private final boolean teachingFieldsRequired;

  /** A reader for an institution's own modules: stages, references and guide are optional. */
  public ModuleReader() {
    this(false);
  }

  private ModuleReader(boolean teachingFieldsRequired) {
    this.teachingFieldsRequired = teachingFieldsRequired;
  }

  /** A reader for the modules shipped with Rapport: stages, references and guide are required. */
  public static ModuleReader forShippedModules() {
    return new ModuleReader(true);
  }

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
    return new Parse(Objects.requireNonNull(source, "source"), teachingFieldsRequired).module(yaml);
  }

  /** A text that may cite references, and the field it came from. */
  private record Prose(String field, String text) {}

  /** The state of reading one file: where problems go. */
  private static final class Parse {
    private final String source;
    private final YamlDocument document;
    private final List<CatalogueFiles.Problem> problems;
    private final List<DecisionCount> decisionCounts = new ArrayList<>();
    private final boolean teachingFieldsRequired;

    /** Every text that may cite references, with its field, in file order. */
    private final List<Prose> prose = new ArrayList<>();

    Parse(String source, boolean teachingFieldsRequired) {
      this.source = source;
      this.document = new YamlDocument(source);
      this.problems = document.problems();
      this.teachingFieldsRequired = teachingFieldsRequired;
    }

    void problem(String field, String message) {
      document.problem(field, message);
    }

    Outcome module(String yaml) {
      YamlFields root = document.root(yaml, "id, family, title, ...");
      if (root == null) {
        return failed();
      }
      Module module = module(new Fields(this, root));
      return problems.isEmpty() ? new Outcome(Optional.of(module), List.of()) : failed();
    }

    private Outcome failed() {
      return new Outcome(
          Optional.empty(),
          problems.stream()
              .map(p -> new ContentProblem(p.source(), p.field(), p.message()))
              .toList());
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
      Set<EmpathyLayer> subscales = subscales(f);
      List<String> objectives = f.texts("objectives", 2, 5, "objectives");
      List<Step> steps = steps(f);
      Set<TrainingPhase> stages = stages(f);
      List<Reference> references = references(f);
      Optional<FacilitatorGuide> guide = guide(f);
      if (references != null) {
        checkCitations(references);
      }
      if (!problems.isEmpty()) {
        return null;
      }
      return new Module(
          id,
          family,
          title,
          summary,
          minutes,
          subscales,
          objectives,
          steps,
          stages,
          references,
          guide);
    }

    /** Absent or required: a problem for a shipped module, nothing for an institution's. */
    private boolean absent(Fields f, String key) {
      if (f.has(key)) {
        return false;
      }
      if (teachingFieldsRequired) {
        problem(key, "is missing; every module shipped with Rapport must have it");
      }
      return true;
    }

    private Set<TrainingPhase> stages(Fields f) {
      Set<TrainingPhase> stages = EnumSet.noneOf(TrainingPhase.class);
      if (absent(f, "stages")) {
        return stages;
      }
      List<?> raw = f.list("stages", 1, TrainingPhase.values().length, "training stages");
      if (raw == null) {
        return stages;
      }
      for (int i = 0; i < raw.size(); i++) {
        String field = "stages[" + i + "]";
        TrainingPhase phase =
            f.choiceValue(
                field,
                raw.get(i),
                TrainingPhase::fromYamlName,
                TrainingPhase.values(),
                TrainingPhase::yamlName);
        if (phase != null && !stages.add(phase)) {
          problem(field, "lists '" + phase.yamlName() + "' a second time");
        }
      }
      return stages;
    }

    /** The references, or null when they cannot be read well enough to check citations. */
    private List<Reference> references(Fields f) {
      if (absent(f, "references")) {
        return List.of();
      }
      List<?> raw = f.list("references", 1, Integer.MAX_VALUE, "references");
      if (raw == null) {
        return null;
      }
      List<Reference> references = new ArrayList<>();
      Map<String, Integer> firstUse = new HashMap<>();
      boolean complete = true;
      for (int i = 0; i < raw.size(); i++) {
        String path = "references[" + i + "]";
        Fields entry = f.item(raw.get(i), path, "a reference (id, text, url)");
        if (entry == null) {
          complete = false;
          continue;
        }
        entry.allowOnly(REFERENCE_FIELDS, "a reference");
        String id = entry.kebab("id");
        String text = entry.text("text");
        Optional<String> url = Optional.empty();
        if (entry.has("url")) {
          String address = entry.text("url");
          if (address != null && !WEB_ADDRESS.matcher(address.strip()).matches()) {
            problem(
                entry.at("url"),
                "must be a web address starting with https:// (such as"
                    + " https://doi.org/10.1000/xyz), not '"
                    + address
                    + "'");
          } else if (address != null) {
            url = Optional.of(address.strip());
          }
        }
        if (id == null) {
          complete = false;
          continue;
        }
        Integer earlier = firstUse.putIfAbsent(id, i);
        if (earlier != null) {
          problem(
              entry.at("id"),
              "repeats reference id '" + id + "' (already used by references[" + earlier + "])");
        }
        if (text == null) {
          complete = false;
        } else {
          references.add(new Reference(id, text, url));
        }
      }
      return complete ? references : null;
    }

    private Optional<FacilitatorGuide> guide(Fields f) {
      if (absent(f, "facilitatorGuide")) {
        return Optional.empty();
      }
      Fields guide =
          f.item(f.value("facilitatorGuide"), "facilitatorGuide", "aims, plan and questions");
      if (guide == null) {
        return Optional.empty();
      }
      guide.allowOnly(GUIDE_FIELDS, "a facilitator guide");
      List<String> aims = guide.proseTexts("aims", 2, 4, "aims");
      String plan = guide.prose("plan");
      List<String> questions = guide.proseTexts("questions", 3, 6, "discussion questions");
      if (aims == null || plan == null || questions == null) {
        return Optional.empty();
      }
      return Optional.of(new FacilitatorGuide(aims, plan, questions));
    }

    /** Every citation is well formed and names a reference; every reference is cited. */
    private void checkCitations(List<Reference> references) {
      Set<String> known = new LinkedHashSet<>();
      references.forEach(r -> known.add(r.id()));
      Set<String> cited = new HashSet<>();
      for (Prose text : prose) {
        for (String bad : Citations.malformed(text.text())) {
          problem(text.field(), String.format(Citations.MALFORMED, bad));
        }
        for (Citations.Citation citation : Citations.in(text.text())) {
          for (String id : citation.ids()) {
            cited.add(id);
            if (!known.contains(id)) {
              problem(
                  text.field(),
                  "cites [@"
                      + id
                      + "], which is not in references"
                      + (known.isEmpty()
                          ? " (the module has none)"
                          : "; the references are " + String.join(", ", known)));
            }
          }
        }
      }
      for (int i = 0; i < references.size(); i++) {
        String id = references.get(i).id();
        if (!cited.contains(id)) {
          problem(
              "references[" + i + "].id",
              "'"
                  + id
                  + "' is never cited; cite it as [@"
                  + id
                  + "] where the module relies on it,"
                  + " or remove it");
        }
      }
    }

    private ModuleId moduleId(Fields f) {
      String id = f.kebab("id");
      if (id == null) {
        return null;
      }
      String name =
          source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
      if (CatalogueFiles.isYaml(name) && !CatalogueFiles.stem(name).equals(id)) {
        problem("id", "is '" + id + "' but the file is named '" + name + "'; they must match");
      }
      return new ModuleId(id);
    }

    private Set<EmpathyLayer> subscales(Fields f) {
      List<?> raw = f.list("subscales", 1, EmpathyLayer.values().length, "subscales");
      if (raw == null) {
        return null;
      }
      Set<EmpathyLayer> subscales = EnumSet.noneOf(EmpathyLayer.class);
      for (int i = 0; i < raw.size(); i++) {
        String field = "subscales[" + i + "]";
        EmpathyLayer subscale =
            f.choiceValue(
                field,
                raw.get(i),
                EmpathyLayer::fromYamlName,
                EmpathyLayer.values(),
                EmpathyLayer::yamlName);
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
              case REFLECTION -> new ReflectionStep(id, title, step.prose("prompt"));
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
      String body = f.prose("body");
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
      String prompt = f.prose("prompt");
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
        String text = option.prose("text");
        boolean isCorrect = option.flag("correct");
        String explanation = option.prose("explanation");
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
      String prompt = f.prose("prompt");
      String modelAnswer = f.prose("model_answer");
      List<String> checklist = f.proseTexts("checklist", 2, 6, "checklist items");
      return problems.isEmpty()
          ? new PracticeStep(id, title, prompt, modelAnswer, checklist)
          : null;
    }

    private ScenarioStep scenario(Fields f, String stepPath, String id, String title) {
      String setting = f.prose("setting");
      String start = f.text("start");
      String debrief = f.prose("debrief");
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
      String says = f.prose("says");
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
          String text = choice.prose("text");
          ChoiceQuality quality =
              choice.choice(
                  "quality",
                  ChoiceQuality::fromYamlName,
                  ChoiceQuality.values(),
                  ChoiceQuality::yamlName);
          String feedback = choice.prose("feedback");
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

  /**
   * The fields of one YAML mapping as every catalogue file reads them, and what only modules have:
   * texts people read that may cite references, and lowercase-kebab ids.
   */
  private static final class Fields extends YamlFields {
    private final Parse parse;

    Fields(Parse parse, YamlFields fields) {
      super(fields);
      this.parse = parse;
    }

    /** A required text that people read and that may cite references. */
    String prose(String key) {
      String text = text(key);
      if (text != null) {
        parse.prose.add(new Prose(at(key), text));
      }
      return text;
    }

    /** A required list of texts that people read and that may cite references. */
    List<String> proseTexts(String key, int min, int max, String noun) {
      List<?> raw = list(key, min, max, noun);
      if (raw == null) {
        return null;
      }
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < raw.size(); i++) {
        String field = at(key) + "[" + i + "]";
        String text = text(field, raw.get(i));
        if (text != null) {
          texts.add(text);
          parse.prose.add(new Prose(field, text));
        }
      }
      return texts.size() == raw.size() ? texts : null;
    }

    String kebab(String key) {
      String value = text(key);
      if (value != null && !ModuleId.KEBAB_CASE.matcher(value).matches()) {
        problem(
            at(key),
            "must be lowercase words joined by hyphens (like 'why-agendas'), not '" + value + "'");
        return null;
      }
      return value;
    }

    @Override
    public Fields item(Object value, String itemPath, String what) {
      YamlFields item = super.item(value, itemPath, what);
      return item == null ? null : new Fields(parse, item);
    }
  }
}
