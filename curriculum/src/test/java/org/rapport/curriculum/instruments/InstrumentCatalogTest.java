package org.rapport.curriculum.instruments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.curriculum.testdata.DefinitionYaml;
import org.rapport.curriculum.testdata.TestInstruments;

class InstrumentCatalogTest {

  @TempDir Path institution;

  @Test
  void loadsInstitutionDefinitionsNextToTheShippedOnes() throws IOException {
    Files.writeString(institution.resolve("test-scale.yaml"), DefinitionYaml.VALID);
    Files.writeString(
        institution.resolve("test-scale-v2.yml"),
        DefinitionYaml.valid().replacing("version: 1", "version: 2").text());
    Files.writeString(institution.resolve("notes.txt"), "not a definition");

    InstrumentCatalog catalog = InstrumentCatalog.load(institution);

    assertEquals(
        List.of(
            InstrumentRef.of("jse-s", 1),
            InstrumentRef.of("rapport-empathy", 1),
            InstrumentRef.of("rapport-empathy", 2),
            InstrumentRef.of("rapport-observed-observer", 1),
            InstrumentRef.of("rapport-observed-patient", 1),
            InstrumentRef.of("test-scale", 1),
            InstrumentRef.of("test-scale", 2)),
        catalog.all().stream().map(Instrument::ref).toList());
    assertEquals(2, catalog.latest(InstrumentId.of("test-scale")).orElseThrow().version());
    assertTrue(catalog.find(InstrumentId.of("test-scale"), 3).isEmpty());
  }

  @Test
  void reportsProblemsOfEveryInstitutionFileAndDuplicateVersions() throws IOException {
    Path broken = institution.resolve("a-broken.yaml");
    Files.writeString(
        broken, DefinitionYaml.valid().replacing("kind: formative", "kind: x").text());
    Path clash = institution.resolve("b-clash.yaml");
    Files.writeString(
        clash, DefinitionYaml.valid().replacing("id: test-scale", "id: rapport-empathy").text());

    InstrumentException thrown =
        assertThrows(InstrumentException.class, () -> InstrumentCatalog.load(institution));

    assertEquals(
        List.of(
            new InstrumentProblem(
                broken.toString(), "kind", "must be one of formative, validated, not 'x'"),
            new InstrumentProblem(
                clash.toString(),
                "version",
                "rapport-empathy version 1 is already defined in"
                    + " classpath:instruments/rapport-empathy.yaml")),
        thrown.problems());
  }

  @Test
  void reportsAnInstitutionDirectoryThatDoesNotExist() {
    Path nowhere = institution.resolve("missing");

    InstrumentException thrown =
        assertThrows(InstrumentException.class, () -> InstrumentCatalog.load(nowhere));

    assertEquals(
        List.of(
            new InstrumentProblem(
                nowhere.toString(),
                "(directory)",
                "does not exist; it must be a directory of .yaml files")),
        thrown.problems());
  }

  @Test
  void getNamesTheMissingVersion() {
    NoSuchElementException thrown =
        assertThrows(
            NoSuchElementException.class,
            () -> InstrumentCatalog.shipped().get(TestInstruments.JSE_S, 2));

    assertEquals("no instrument jse-s version 2", thrown.getMessage());
  }
}
