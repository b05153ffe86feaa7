package org.rapport.curriculum.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The modules shipped with Rapport, as a WAR would find them on the classpath. */
class ShippedCatalogueTest {

  private static final Path SOURCE_FOLDER = Path.of("src/main/resources/modules");

  private static final List<String> COMMUNICATION =
      List.of(
          "opening-the-visit",
          "listening-without-interrupting",
          "teach-back",
          "nonverbal-communication");
  private static final List<String> PATIENT_PARTNERSHIP =
      List.of("inviting-patients-to-share", "empathy-as-shared-responsibility");

  private final ModuleCatalog catalog = ModuleCatalog.load(null);

  @Test
  void loadsTheCommunicationModules() {
    assertTrue(ids(catalog.byFamily(Family.COMMUNICATION)).containsAll(COMMUNICATION));
    catalog
        .byFamily(Family.COMMUNICATION)
        .forEach(m -> assertEquals(Family.COMMUNICATION, m.family()));
  }

  @Test
  void loadsThePatientPartnershipModules() {
    assertTrue(ids(catalog.byFamily(Family.PATIENT_PARTNERSHIP)).containsAll(PATIENT_PARTNERSHIP));
  }

  /** Fails until the relationship-building and resilience modules are merged; that is intended. */
  @Test
  void shipsAtLeastEighteenModulesCoveringEveryFamily() {
    assertTrue(catalog.size() >= 18, "only " + catalog.size() + " modules are shipped");
    for (Family family : Family.values()) {
      assertFalse(catalog.byFamily(family).isEmpty(), "no module in " + family);
    }
  }

  @Test
  void everyLayerOfEmpathyIsAddressedBySomeModule() {
    for (EmpathyLayer layer : EmpathyLayer.values()) {
      assertFalse(catalog.addressing(layer).isEmpty(), "nothing addresses " + layer);
    }
  }

  @Test
  void indexListsExactlyTheModuleFilesInTheSourceFolder() throws IOException {
    List<String> listed =
        Files.readAllLines(SOURCE_FOLDER.resolve("index.txt")).stream()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .toList();
    Set<String> present;
    try (Stream<Path> files = Files.list(SOURCE_FOLDER)) {
      present =
          files
              .map(p -> p.getFileName().toString())
              .filter(name -> name.endsWith(".yaml"))
              .collect(Collectors.toCollection(TreeSet::new));
    }
    assertEquals(present, new TreeSet<>(listed));
    assertEquals(listed.size(), catalog.size());
  }

  /** The bar these modules were written to, beyond what the format requires. */
  @Test
  void communicationAndPartnershipModulesHaveTwoOrThreeReadingsAndThreeQuestionsOrMore() {
    for (Module module : communicationAndPartnership()) {
      List<StepKind> kinds = module.steps().stream().map(Step::kind).toList();
      long readings = kinds.stream().filter(k -> k == StepKind.READING).count();
      assertTrue(readings >= 2 && readings <= 3, module.id() + " has " + readings + " readings");
      for (Step step : module.steps()) {
        if (step instanceof CheckStep check) {
          int questions = check.questions().size();
          assertTrue(questions >= 3, module.id() + " check has " + questions + " questions");
        }
      }
    }
  }

  @Test
  void communicationAndPartnershipScenariosOfferEveryQualityOfChoice() {
    for (Module module : communicationAndPartnership()) {
      for (Step step : module.steps()) {
        if (step instanceof ScenarioStep scenario) {
          List<ChoiceQuality> qualities = new ArrayList<>();
          scenario.nodes().forEach(n -> n.choices().forEach(c -> qualities.add(c.quality())));
          assertTrue(
              qualities.containsAll(Arrays.asList(ChoiceQuality.values())),
              module.id() + "/" + step.id() + " lacks a quality: " + qualities);
        }
      }
    }
  }

  @Test
  void communicationAndPartnershipScenariosHaveThreeOrFourDecisionsOnEveryPath() {
    for (Module module : communicationAndPartnership()) {
      for (Step step : module.steps()) {
        if (step instanceof ScenarioStep scenario) {
          List<Integer> lengths = new ArrayList<>();
          collectPathLengths(scenario, scenario.start(), 1, lengths);
          assertTrue(
              lengths.stream().allMatch(n -> n >= 3 && n <= 4),
              module.id() + "/" + step.id() + " has paths of " + lengths + " decisions");
        }
      }
    }
  }

  private static void collectPathLengths(
      ScenarioStep scenario, String nodeId, int depth, List<Integer> lengths) {
    for (Choice choice : scenario.node(nodeId).orElseThrow().choices()) {
      if (choice.endsScenario()) {
        lengths.add(depth);
      } else {
        collectPathLengths(scenario, choice.next(), depth + 1, lengths);
      }
    }
  }

  private List<Module> communicationAndPartnership() {
    return Stream.concat(COMMUNICATION.stream(), PATIENT_PARTNERSHIP.stream())
        .map(id -> catalog.find(ModuleId.of(id)).orElseThrow(() -> new AssertionError(id)))
        .toList();
  }

  private static List<String> ids(List<Module> modules) {
    return modules.stream().map(m -> m.id().value()).toList();
  }
}
