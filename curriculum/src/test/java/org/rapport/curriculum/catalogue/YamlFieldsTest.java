package org.rapport.curriculum.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.rapport.curriculum.instruments.InstrumentDefinitionReader;
import org.rapport.curriculum.instruments.InstrumentException;
import org.rapport.curriculum.modules.ModuleReader;

/** The one field reader of catalogue files: its rules, and that both catalogues use them. */
class YamlFieldsTest {
  private static final String FILE = "institution/sample.yaml";

  private static List<String> problems(String yaml, Consumer<YamlFields> read) {
    YamlDocument document = new YamlDocument(FILE);
    YamlFields root = document.root(yaml, "a, b, ...");
    if (root != null) {
      read.accept(root);
    }
    return document.problems().stream()
        .map(p -> p.source() + ": " + p.field() + ": " + p.message())
        .toList();
  }

  @Test
  void namesFileAndFieldOfEveryProblemAndReadsOn() {
    List<String> found =
        problems(
            "title: ''\ncount: two\nsteps: {a: 1}\nextra: 1\nnested: {flag: maybe}\n",
            f -> {
              f.allowOnly(Set.of("title", "count", "steps", "nested", "kind"), "a sample");
              assertNull(f.text("title"));
              assertNull(f.wholeNumber("count"));
              assertNull(f.list("steps", 1, 3, "steps"));
              assertNull(f.text("kind"));
              YamlFields nested = f.mapping("nested", "a nested part", true);
              assertFalse(nested.flag("flag"));
            });
    assertEquals(
        List.of(
            FILE
                + ": extra: is not a field of a sample; the fields are count, kind, nested,"
                + " steps, title",
            FILE + ": title: is empty",
            FILE + ": count: must be a whole number, not the text 'two'",
            FILE + ": steps: must be a list of steps, not a set of fields",
            FILE + ": kind: is missing",
            FILE + ": nested.flag: must be true or false, not the text 'maybe'"),
        found);
  }

  @Test
  void optionalFieldsMayBeLeftOutButNotGivenBadly() {
    List<String> found =
        problems(
            "size: -1\nnote: '  spaced  '\n",
            f -> {
              assertNull(f.atLeast("size", 0, false));
              assertNull(f.atLeast("absent", 0, false));
              assertEquals("spaced", f.optionalText("note"), "texts are read without white space");
              assertNull(f.optionalText("absent"));
              assertNull(f.mapping("absent", "a part", false));
            });
    assertEquals(List.of(FILE + ": size: must be 0 or greater, not -1"), found);
  }

  @Test
  void aSyntaxErrorNamesItsLineAndADocumentThatIsNotAMappingTheWholeFile() {
    assertEquals(
        List.of(FILE + ": (file): must be a set of fields (a, b, ...), not a list"),
        problems("- a\n- b\n", f -> {}));
    assertEquals(List.of(FILE + ": (file): is empty"), problems("", f -> {}));
    List<String> duplicate = problems("a: 1\na: 2\n", f -> {});
    assertEquals(1, duplicate.size());
    assertTrue(duplicate.get(0).startsWith(FILE + ": line 2, column 1: is not valid YAML:"));
  }

  @Test
  void modulesAndInstrumentsWordTheSameMistakesAlike() {
    List<String> module =
        new ModuleReader()
            .parse("modules/sample.yaml", "- not\n- fields\n").problems().stream()
                .map(p -> p.field() + ": " + p.message().replaceAll("\\(.*\\)", "(…)"))
                .toList();
    InstrumentException instrument =
        assertThrows(
            InstrumentException.class,
            () -> InstrumentDefinitionReader.parse("instruments/sample.yaml", "- not\n- fields\n"));
    assertEquals(
        module,
        instrument.problems().stream()
            .map(p -> p.field() + ": " + p.message().replaceAll("\\(.*\\)", "(…)"))
            .toList());
    assertEquals(List.of("(file): must be a set of fields (…), not a list"), module);

    String titleMissing =
        new ModuleReader()
            .parse("modules/sample.yaml", "id: sample\n").problems().stream()
                .filter(p -> p.field().equals("title"))
                .map(p -> p.message())
                .findFirst()
                .orElseThrow();
    InstrumentException noTitle =
        assertThrows(
            InstrumentException.class,
            () -> InstrumentDefinitionReader.parse("instruments/sample.yaml", "id: sample\n"));
    assertEquals(
        titleMissing,
        noTitle.problems().stream()
            .filter(p -> p.field().equals("title"))
            .map(p -> p.message())
            .findFirst()
            .orElseThrow());
    assertEquals("is missing", titleMissing);
  }
}
