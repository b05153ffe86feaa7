package org.rapport.curriculum.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.curriculum.modules.testdata.ModuleYaml;

class ModuleReaderTest {

  private final ModuleReader reader = new ModuleReader();

  @Test
  void readsEveryPartOfAValidModule() {
    Module module = reader.read(ModuleYaml.FILE, ModuleYaml.valid().text());

    assertEquals(ModuleId.of("sample-module"), module.id());
    assertEquals(Family.RELATIONSHIP_BUILDING, module.family());
    assertEquals(12, module.minutes());
    assertEquals(java.util.Set.of(EmpathyLayer.COGNITIVE, EmpathyLayer.AFFECTIVE), module.layers());
    assertEquals(2, module.objectives().size());
    assertEquals(
        List.of(
            StepKind.READING,
            StepKind.SCENARIO,
            StepKind.CHECK,
            StepKind.PRACTICE,
            StepKind.REFLECTION),
        module.steps().stream().map(Step::kind).toList());

    ScenarioStep scenario = assertInstanceOf(ScenarioStep.class, module.steps().get(1));
    assertEquals("n1", scenario.startNode().id());
    Choice first = scenario.startNode().choices().get(0);
    assertEquals(ChoiceQuality.BEST, first.quality());
    assertEquals("n2", first.next());
    assertTrue(scenario.node("n3").orElseThrow().choices().get(1).endsScenario());

    CheckStep check = assertInstanceOf(CheckStep.class, module.steps().get(2));
    assertEquals("Right", check.questions().get(0).correctOption().text());
    assertFalse(check.questions().get(0).options().get(1).correct());

    PracticeStep practice = assertInstanceOf(PracticeStep.class, module.steps().get(3));
    assertEquals("A question.", practice.modelAnswer());
    assertEquals(2, practice.checklist().size());
  }

  static Stream<Arguments> brokenContent() {
    ModuleYaml valid = ModuleYaml.valid();
    return Stream.of(
        broken(
            "missing field",
            valid.replace("summary: A module that exists only for tests.\n", ""),
            "summary",
            "is missing"),
        broken(
            "bad family",
            valid.replace("family: relationship-building", "family: comms"),
            "family",
            "must be one of communication, relationship-building, resilience,"
                + " patient-partnership, not 'comms'"),
        broken(
            "bad subscale",
            valid.replace("[cognitive, affective]", "[cognitive, kindness]"),
            "subscales[1]",
            "must be one of cognitive, affective, compassionate-action, not 'kindness'"),
        broken(
            "no subscale",
            valid.replace("[cognitive, affective]", "[]"),
            "subscales",
            "must list 1 to 3 subscales, not 0"),
        broken(
            "minutes too many",
            valid.replace("minutes: 12", "minutes: 40"),
            "minutes",
            "must be between 10 and 25, not 40"),
        broken(
            "minutes too few",
            valid.replace("minutes: 12", "minutes: 9"),
            "minutes",
            "must be between 10 and 25, not 9"),
        broken(
            "minutes not a number",
            valid.replace("minutes: 12", "minutes: twelve"),
            "minutes",
            "must be a whole number, not the text 'twelve'"),
        broken(
            "one objective",
            valid.replace("  - Answer what the patient means.\n", ""),
            "objectives",
            "must list 2 to 5 objectives, not 1"),
        broken(
            "id differs from file name",
            valid.replace("id: sample-module", "id: other-module"),
            "id",
            "is 'other-module' but the file is named 'sample-module.yaml'; they must match"),
        broken(
            "dangling next",
            valid.replace(
                "feedback: \"Flat.\"\n            next: end",
                "feedback: \"Flat.\"\n            next: n9"),
            "steps[1].nodes[2].choices[1].next",
            "points to node 'n9', which does not exist (use 'end' to finish the scenario)"),
        broken(
            "unknown start",
            valid.replace("start: n1", "start: n0"),
            "steps[1].start",
            "names node 'n0', which does not exist"),
        broken(
            "unreachable node",
            valid.replace(
                "    debrief: |\n",
                lines(
                    "      - id: n4",
                    "        speaker: \"Ms. Example (patient, 50)\"",
                    "        says: \"Nobody asks me this.\"",
                    "        choices:",
                    "          - text: \"One.\"",
                    "            quality: best",
                    "            feedback: \"One.\"",
                    "            next: end",
                    "          - text: \"Two.\"",
                    "            quality: poor",
                    "            feedback: \"Two.\"",
                    "            next: end",
                    "    debrief: |")),
            "steps[1].nodes[3]",
            "node 'n4' cannot be reached from the start node 'n1'"),
        broken(
            "cycle",
            valid.replace(
                "feedback: \"Flat.\"\n            next: end",
                "feedback: \"Flat.\"\n            next: n1"),
            "steps[1].nodes[2].choices[1].next",
            "leads back to node 'n1', which makes a loop; a scenario must always move towards the"
                + " end"),
        broken(
            "fewer than three decision points",
            valid.replace(
                "feedback: \"Too early.\"\n            next: n3",
                "feedback: \"Too early.\"\n            next: end"),
            "steps[1]",
            "every path from start to end must pass at least 3 decision points, but"
                + " n1 → n2 → end passes only 2"),
        broken(
            "one choice only",
            valid.replace(
                lines(
                    "          - text: \"Sit down.\"",
                    "            quality: poor",
                    "            feedback: \"Curt.\"",
                    "            next: n2"),
                ""),
            "steps[1].nodes[0].choices",
            "must list 2 to 4 choices, not 1"),
        broken(
            "bad choice quality",
            valid.replace("quality: mixed", "quality: okay"),
            "steps[1].nodes[1].choices[1].quality",
            "must be one of best, mixed, poor, not 'okay'"),
        broken(
            "missing feedback",
            valid.replace("            feedback: \"Curt.\"\n", ""),
            "steps[1].nodes[0].choices[1].feedback",
            "is missing"),
        broken(
            "check with no correct option",
            valid.replace(
                "- text: Right\n            correct: true\n            explanation: Because",
                "- text: Right\n            explanation: Because"),
            "steps[2].questions[0].options",
            "has no option marked 'correct: true'; exactly one must be"),
        broken(
            "check with two correct options",
            valid.replace(
                "text: Also wrong\n            correct: false",
                "text: Also wrong\n            correct: true"),
            "steps[2].questions[0].options",
            "has 2 options marked 'correct: true'; exactly one must be"),
        broken(
            "option without explanation",
            valid.replace("            explanation: No again.\n", ""),
            "steps[2].questions[1].options[2].explanation",
            "is missing"),
        broken(
            "one question only",
            valid.replace(
                lines(
                    "      - prompt: Second question?",
                    "        options:",
                    "          - text: Wrong",
                    "            explanation: No.",
                    "          - text: Right",
                    "            correct: true",
                    "            explanation: Yes.",
                    "          - text: Wrong again",
                    "            explanation: No again."),
                ""),
            "steps[2].questions",
            "must list 2 to 5 questions, not 1"),
        broken(
            "duplicate step id",
            valid.replace("- id: write-it", "- id: quiz"),
            "steps[3].id",
            "repeats step id 'quiz' (already used by steps[2])"),
        broken(
            "duplicate node id",
            valid.replace("- id: n3", "- id: n2"),
            "steps[1].nodes[2].id",
            "repeats node id 'n2' (already used by steps[1].nodes[1])"),
        broken(
            "step id not kebab case",
            valid.replace("- id: read-first", "- id: Read_First"),
            "steps[0].id",
            "must be lowercase words joined by hyphens (like 'why-agendas'), not 'Read_First'"),
        broken(
            "unknown step kind",
            valid.replace("kind: reading", "kind: lecture"),
            "steps[0].kind",
            "must be one of reading, scenario, check, practice, reflection, not 'lecture'"),
        broken(
            "no reflection",
            valid.replace(
                "  - id: reflect\n    kind: reflection\n    title: Reflect\n"
                    + "    prompt: What did you notice?\n",
                ""),
            "steps",
            "must include at least one reflection step"),
        broken(
            "unknown field",
            valid.replace(
                "    model_answer: A question.",
                "    model_answer: A question.\n    hint: Go slowly."),
            "steps[3].hint",
            "is not a field of a practice step; the fields are checklist, id, kind,"
                + " model_answer, prompt, title"),
        broken(
            "text that YAML reads as true/false",
            valid.replace("text: Wrong again", "text: yes"),
            "steps[2].questions[1].options[2].text",
            "must be text, not true/false (true); put it in quotes"),
        broken(
            "malformed YAML",
            valid.replace("title: A sample module", "title: [A sample module"),
            "line 4, column 8",
            "is not valid YAML: expected ',' or ']', but got :"),
        broken(
            "duplicate key",
            valid.replace("minutes: 12", "minutes: 12\ntitle: Again"),
            "line 6, column 1",
            "is not valid YAML: found duplicate key title"),
        broken("empty file", ModuleYamlText.of(""), ContentProblem.WHOLE_FILE, "is empty"),
        broken(
            "not a mapping",
            ModuleYamlText.of("- just\n- a list\n"),
            ContentProblem.WHOLE_FILE,
            "must be a set of fields (id, family, title, ...), not a list"));
  }

  private static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  /** A raw text for the few cases that are not edits of the valid module. */
  private record ModuleYamlText(String text) {
    static ModuleYamlText of(String text) {
      return new ModuleYamlText(text);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  private static Arguments broken(String name, Object yaml, String field, String message) {
    return Arguments.of(name, yaml.toString(), field, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenContent")
  void reportsExactlyTheProblemWithFileAndField(
      String name, String yaml, String field, String message) {
    ModuleReader.Outcome outcome = reader.parse(ModuleYaml.FILE, yaml);

    assertFalse(outcome.ok(), name);
    assertTrue(outcome.module().isEmpty());
    assertEquals(List.of(new ContentProblem(ModuleYaml.FILE, field, message)), outcome.problems());
  }

  @Test
  void reportsEveryProblemOfAFileAtOnce() {
    String yaml =
        ModuleYaml.valid()
            .replace("family: relationship-building", "family: comms")
            .replace("minutes: 12", "minutes: 40")
            .replace("            explanation: No again.\n", "")
            .text();

    ContentException e =
        assertThrows(ContentException.class, () -> reader.read("dir/sample-module.yaml", yaml));

    assertEquals(3, e.problems().size());
    assertEquals(
        """
        Curriculum content has 3 problems:
          dir/sample-module.yaml: family: must be one of communication, relationship-building,\
         resilience, patient-partnership, not 'comms'
          dir/sample-module.yaml: minutes: must be between 10 and 25, not 40
          dir/sample-module.yaml: steps[2].questions[1].options[2].explanation: is missing""",
        e.getMessage());
  }

  @Test
  void doesNotConstructArbitraryJavaTypes() {
    String yaml =
        ModuleYaml.valid()
            .replace("title: A sample module", "title: !!java.io.File [\"/tmp\"]")
            .text();

    ModuleReader.Outcome outcome = reader.parse(ModuleYaml.FILE, yaml);

    assertFalse(outcome.ok());
    assertTrue(
        outcome.problems().get(0).message().startsWith("is not valid YAML"),
        outcome.problems().toString());
  }

  private final ModuleReader shipped = ModuleReader.forShippedModules();

  @Test
  void readsStagesReferencesAndFacilitatorGuide() {
    Module module = shipped.read(ModuleYaml.FILE, ModuleYaml.complete().text());

    assertEquals(
        java.util.Set.of(TrainingPhase.PRE_CLINICAL, TrainingPhase.CLERKSHIP), module.stages());
    assertTrue(module.suits(TrainingPhase.CLERKSHIP));
    assertFalse(module.suits(TrainingPhase.RESIDENCY));
    Reference reference = module.references().get(0);
    assertEquals("sample-2000", reference.id());
    assertEquals("Author A. A sample source. J Samples. 2000;1(1):1-2.", reference.text());
    assertEquals(java.util.Optional.of("https://doi.org/10.1000/sample"), reference.url());
    FacilitatorGuide guide = module.facilitatorGuide().orElseThrow();
    assertEquals(
        List.of("Name what the patient said.", "Practice one open question."), guide.aims());
    assertTrue(guide.plan().startsWith("Ten minutes on the scenario"));
    assertEquals(3, guide.questions().size());
  }

  @Test
  void shippedModulesMustHaveStagesReferencesAndGuide() {
    ModuleReader.Outcome outcome = shipped.parse(ModuleYaml.FILE, ModuleYaml.valid().text());

    String missing = "is missing; every module shipped with Rapport must have it";
    assertEquals(
        List.of(
            new ContentProblem(ModuleYaml.FILE, "stages", missing),
            new ContentProblem(ModuleYaml.FILE, "references", missing),
            new ContentProblem(ModuleYaml.FILE, "facilitatorGuide", missing)),
        outcome.problems());
  }

  @Test
  void institutionModulesMayLeaveOutStagesReferencesAndGuide() {
    Module module = reader.read(ModuleYaml.FILE, ModuleYaml.valid().text());

    assertTrue(module.stages().isEmpty());
    assertTrue(module.references().isEmpty());
    assertTrue(module.facilitatorGuide().isEmpty());
  }

  @Test
  void institutionModulesThatHaveThemAreCheckedTheSameWay() {
    String yaml = ModuleYaml.complete().replace("[pre-clinical, clerkship]", "[year-one]").text();

    assertEquals(
        List.of(
            new ContentProblem(
                ModuleYaml.FILE,
                "stages[0]",
                "must be one of pre-clinical, clerkship, final-year, residency, not 'year-one'")),
        reader.parse(ModuleYaml.FILE, yaml).problems());
  }

  @Test
  void aCitationInAModuleWithoutReferencesIsReported() {
    String yaml =
        ModuleYaml.valid().replace("feedback: \"Warm.\"", "feedback: \"Warm [@x].\"").text();

    assertEquals(
        List.of(
            new ContentProblem(
                ModuleYaml.FILE,
                "steps[1].nodes[2].choices[0].feedback",
                "cites [@x], which is not in references (the module has none)")),
        reader.parse(ModuleYaml.FILE, yaml).problems());
  }

  static Stream<Arguments> brokenTeachingFields() {
    ModuleYaml complete = ModuleYaml.complete();
    return Stream.of(
        broken(
            "unknown stage",
            complete.replace("[pre-clinical, clerkship]", "[pre-clinical, intern]"),
            "stages[1]",
            "must be one of pre-clinical, clerkship, final-year, residency, not 'intern'"),
        broken(
            "stage twice",
            complete.replace("[pre-clinical, clerkship]", "[clerkship, clerkship]"),
            "stages[1]",
            "lists 'clerkship' a second time"),
        broken(
            "no stage",
            complete.replace("[pre-clinical, clerkship]", "[]"),
            "stages",
            "must list 1 to 4 training stages, not 0"),
        broken(
            "citation of an unknown reference",
            complete.replace("feedback: \"Inviting.\"", "feedback: \"Inviting [@nobody-1999].\""),
            "steps[1].nodes[1].choices[0].feedback",
            "cites [@nobody-1999], which is not in references; the references are sample-2000"),
        broken(
            "unknown id among several",
            complete.replace(
                "explanation: Because it is.", "explanation: \"Because [@sample-2000; @other].\""),
            "steps[2].questions[0].options[0].explanation",
            "cites [@other], which is not in references; the references are sample-2000"),
        broken(
            "malformed citation",
            complete.replace("prompt: What did you notice?", "prompt: \"Noticed [@Sample 2000]?\""),
            "steps[4].prompt",
            "has a malformed citation starting '[@Sample 2000]'; write [@id] or [@id-one;"
                + " @id-two], with ids in lowercase letters, digits and hyphens"),
        broken(
            "citations separated by a comma",
            complete.replace("Ten minutes on the scenario", "Ten minutes [@sample-2000, @b]"),
            "facilitatorGuide.plan",
            "has a malformed citation starting '[@sample-2000, @b]'; write [@id] or [@id-one;"
                + " @id-two], with ids in lowercase letters, digits and hyphens"),
        broken(
            "reference never cited",
            complete.replace("read it [@sample-2000].", "read it."),
            "references[0].id",
            "'sample-2000' is never cited; cite it as [@sample-2000] where the module relies on it,"
                + " or remove it"),
        broken(
            "reference id repeated",
            complete.replace(
                "    url: \"https://doi.org/10.1000/sample\"\n",
                "    url: \"https://doi.org/10.1000/sample\"\n"
                    + "  - id: sample-2000\n    text: \"Another.\"\n"),
            "references[1].id",
            "repeats reference id 'sample-2000' (already used by references[0])"),
        broken(
            "reference without text",
            complete.replace(
                "    text: \"Author A. A sample source. J Samples. 2000;1(1):1-2.\"\n", ""),
            "references[0].text",
            "is missing"),
        broken(
            "reference id not kebab case",
            complete
                .replace("- id: sample-2000", "- id: Sample2000")
                .replace("[@sample-2000]", "x"),
            "references[0].id",
            "must be lowercase words joined by hyphens (like 'why-agendas'), not 'Sample2000'"),
        broken(
            "url that is not a web address",
            complete.replace("\"https://doi.org/10.1000/sample\"", "\"doi:10.1000/sample\""),
            "references[0].url",
            "must be a web address starting with https:// (such as https://doi.org/10.1000/xyz),"
                + " not 'doi:10.1000/sample'"),
        broken(
            "unknown reference field",
            complete.replace(
                "    url: \"https://doi.org/10.1000/sample\"", "    doi: \"10.1000/x\""),
            "references[0].doi",
            "is not a field of a reference; the fields are id, text, url"),
        broken(
            "guide with one aim",
            complete.replace("    - Practice one open question.\n", ""),
            "facilitatorGuide.aims",
            "must list 2 to 4 aims, not 1"),
        broken(
            "guide with too few questions",
            complete.replace("    - What made it hard?\n", ""),
            "facilitatorGuide.questions",
            "must list 3 to 6 discussion questions, not 2"),
        broken(
            "guide without plan",
            complete.replace(
                "  plan: |\n    Ten minutes on the scenario, ten on the check, ten on practice.\n",
                ""),
            "facilitatorGuide.plan",
            "is missing"),
        broken(
            "unknown guide field",
            complete.replace("  plan: |", "  timing: 30\n  plan: |"),
            "facilitatorGuide.timing",
            "is not a field of a facilitator guide; the fields are aims, plan, questions"),
        broken(
            "guide that is text",
            complete.replace(
                lines(
                    "facilitatorGuide:",
                    "  aims:",
                    "    - Name what the patient said.",
                    "    - Practice one open question.",
                    "  plan: |",
                    "    Ten minutes on the scenario, ten on the check, ten on practice.",
                    "  questions:",
                    "    - What did you notice?",
                    "    - What would you say next time?",
                    "    - What made it hard?"),
                "facilitatorGuide: Run a debrief.\n"),
            "facilitatorGuide",
            "must be aims, plan and questions, not the text 'Run a debrief.'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenTeachingFields")
  void reportsExactlyTheProblemInStagesReferencesOrGuide(
      String name, String yaml, String field, String message) {
    ModuleReader.Outcome outcome = shipped.parse(ModuleYaml.FILE, yaml);

    assertFalse(outcome.ok(), name);
    assertEquals(List.of(new ContentProblem(ModuleYaml.FILE, field, message)), outcome.problems());
  }

  @Test
  void findsCitationsAndTheIdsTheyName() {
    List<Citations.Citation> found = Citations.in("As shown [@a-1; @b] and again [@a-1].");

    assertEquals(2, found.size());
    assertEquals(List.of("a-1", "b"), found.get(0).ids());
    assertEquals("[@a-1; @b]", "As shown [@a-1; @b] and again [@a-1].".substring(9, 19));
    assertEquals(9, found.get(0).start());
    assertEquals(19, found.get(0).end());
    assertEquals(List.of("a-1"), found.get(1).ids());
    assertEquals(List.of("[@a-1;]"), Citations.malformed("Broken [@a-1;] here"));
    assertEquals(
        List.of("[@unclosed citation text that"),
        Citations.malformed(
            "An [@unclosed citation text that goes on and on for a long time without any bracket."));
    assertTrue(Citations.malformed("Fine [@a-1; @b] here").isEmpty());
  }
}
