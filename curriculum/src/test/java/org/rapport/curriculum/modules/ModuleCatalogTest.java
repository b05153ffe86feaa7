package org.rapport.curriculum.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.curriculum.modules.testdata.ModuleYaml;

class ModuleCatalogTest {

  @TempDir Path institution;

  @Test
  void addsTheInstitutionsModulesToTheShippedOnes() throws IOException {
    int shipped = ModuleCatalog.load(null).size();
    write("local-module.yaml", ModuleYaml.withId("local-module").text());

    ModuleCatalog catalog = ModuleCatalog.load(institution);

    assertEquals(shipped + 1, catalog.size());
    Module local = catalog.find(ModuleId.of("local-module")).orElseThrow();
    assertEquals(Family.RELATIONSHIP_BUILDING, local.family());
    assertTrue(catalog.byFamily(Family.RELATIONSHIP_BUILDING).contains(local));
    assertTrue(catalog.addressing(EmpathyLayer.AFFECTIVE).contains(local));
    assertFalse(catalog.addressing(EmpathyLayer.COMPASSIONATE_ACTION).contains(local));
  }

  @Test
  void readsYmlFilesTooAndIgnoresFilesThatAreNotYaml() throws IOException {
    int shipped = ModuleCatalog.load(null).size();
    write("notes.txt", "not a module");
    write("short-ending.yml", ModuleYaml.withId("short-ending").text());

    ModuleCatalog catalog = ModuleCatalog.load(institution);

    assertEquals(shipped + 1, catalog.size());
    assertTrue(catalog.find(ModuleId.of("short-ending")).isPresent());
  }

  @Test
  void reportsAnInstitutionDirectoryThatDoesNotExist() {
    Path missing = institution.resolve("missing");

    ContentException e = assertThrows(ContentException.class, () -> ModuleCatalog.load(missing));

    assertEquals(
        List.of(
            new ContentProblem(
                missing.toString(),
                "(directory)",
                "does not exist; it must be a directory of .yaml files")),
        e.problems());
  }

  @Test
  void rejectsAModuleIdThatIsAlreadyShipped() throws IOException {
    Path file = write("opening-the-visit.yaml", ModuleYaml.withId("opening-the-visit").text());

    ContentException e =
        assertThrows(ContentException.class, () -> ModuleCatalog.load(institution));

    assertEquals(
        List.of(
            new ContentProblem(
                file.toString(),
                "id",
                "repeats module id 'opening-the-visit', already used by"
                    + " modules/opening-the-visit.yaml")),
        e.problems());
  }

  @Test
  void listsTheProblemsOfEveryBrokenFile() throws IOException {
    Path first =
        write(
            "first-module.yaml",
            ModuleYaml.withId("first-module").replace("minutes: 12", "minutes: 3").text());
    Path second = write("second-module.yaml", "id: second-module\nfamily: [\n");
    write("fine-module.yaml", ModuleYaml.withId("fine-module").text());

    ContentException e =
        assertThrows(ContentException.class, () -> ModuleCatalog.load(institution));

    assertEquals(
        List.of(first.toString(), second.toString()),
        e.problems().stream().map(ContentProblem::source).toList());
    assertEquals("minutes", e.problems().get(0).field());
    assertEquals("line 3, column 1", e.problems().get(1).field());
    assertTrue(
        e.getMessage().contains(first + ": minutes: must be between 10 and 25, not 3"),
        e.getMessage());
    assertTrue(
        e.getMessage().contains(second + ": line 3, column 1: is not valid YAML"), e.getMessage());
  }

  @Test
  void reportsAFileThatIsNotUtf8() throws IOException {
    Path file = institution.resolve("latin-module.yaml");
    Files.write(file, new byte[] {'i', 'd', ':', ' ', (byte) 0xE9});

    ContentException e =
        assertThrows(ContentException.class, () -> ModuleCatalog.load(institution));

    assertEquals(
        List.of(
            new ContentProblem(file.toString(), ContentProblem.WHOLE_FILE, "is not UTF-8 text")),
        e.problems());
  }

  @Test
  void ordersModulesByFamilyThenTitle() throws IOException {
    write(
        "zz-first-by-title.yaml",
        ModuleYaml.withId("zz-first-by-title")
            .replace("title: A sample module", "title: Aardvark")
            .replace("family: relationship-building", "family: resilience")
            .text());
    write(
        "aa-last-by-title.yaml",
        ModuleYaml.withId("aa-last-by-title")
            .replace("title: A sample module", "title: Zebra")
            .replace("family: relationship-building", "family: resilience")
            .text());

    ModuleCatalog catalog = ModuleCatalog.load(institution);

    List<Module> all = catalog.all();
    Comparator<Module> expected =
        Comparator.comparing(Module::family)
            .thenComparing(Module::title, String.CASE_INSENSITIVE_ORDER);
    assertEquals(all.stream().sorted(expected).toList(), all);
    List<String> resilience =
        catalog.byFamily(Family.RESILIENCE).stream().map(Module::title).toList();
    assertTrue(resilience.indexOf("Aardvark") < resilience.indexOf("Zebra"), resilience.toString());
  }

  @Test
  void findsNothingForAnUnknownId() {
    assertTrue(ModuleCatalog.load(null).find(ModuleId.of("no-such-module")).isEmpty());
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(institution.resolve(name), text);
  }
}
