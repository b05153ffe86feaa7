package org.rapport.lti.instruments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.InstrumentCatalog;
import org.rapport.curriculum.instruments.InstrumentException;
import org.rapport.curriculum.instruments.InstrumentProblem;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.curriculum.instruments.RaterType;

/** Loading the catalog as configured: institution definitions, licensed texts, broken files. */
class InstrumentsTest {
  private static Path resource(String name) {
    try {
      return Path.of(InstrumentsTest.class.getResource("/instruments/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InstrumentCatalog load(Map<String, String> settings) {
    return Instruments.load(key -> Optional.ofNullable(settings.get(key)));
  }

  @Test
  void withoutTextsTheJseIsLoadedForScoringButCannotBeScheduled() {
    Instrument jse = load(Map.of()).find(InstrumentRef.of("jse-s", 1)).orElseThrow();
    assertFalse(jse.schedulable());
    assertEquals(
        Optional.of(
            "JSE-S item texts have not been supplied: set rapport.instruments.jse-s.texts to the"
                + " licensed texts file"),
        jse.unschedulableReason());
  }

  @Test
  void theTextsFileNamedByTheJseKeyMakesItSchedulable() {
    InstrumentCatalog catalog =
        load(
            Map.of(
                "rapport.instruments.jse-s.texts",
                resource("jse-s-placeholder-texts.yaml").toString()));
    assertTrue(catalog.find(InstrumentRef.of("jse-s", 1)).orElseThrow().schedulable());
  }

  @Test
  void institutionDefinitionsAreAddedToTheShippedOnes() {
    InstrumentCatalog catalog =
        load(Map.of("rapport.instruments.dir", resource("institution").toString()));
    assertTrue(catalog.find(InstrumentRef.of("test-scale", 1)).isPresent());
    assertTrue(catalog.find(InstrumentRef.of("test-scale", 2)).isPresent());
    assertTrue(catalog.find(InstrumentRef.of("rapport-empathy", 1)).isPresent());
  }

  /** An institution's licensed rating form: its definition folder and its texts file. */
  @Test
  void anInstitutionsLicensedRatingFormGetsItsTextsFromItsTextsKey(@TempDir Path dir)
      throws IOException {
    Path definitions = Files.createDirectory(dir.resolve("definitions"));
    Files.writeString(
        definitions.resolve("osce-station.yaml"),
        """
        id: osce-station
        version: 1
        title: OSCE communication station (licensed)
        short_title: OSCE station
        kind: validated
        licence: Licensed to the institution by its publisher; the wording is not shipped.
        rated_by: [faculty]
        comment_prompt: Anything the student should know?
        scale: {min: 1, max: 4, labels: {1: Not done, 4: Done well}}
        texts: licensee
        subscales:
          - {id: cognitive, label: Cognitive empathy, description: Understanding.}
        items:
          - {number: 1, reverse: false, subscale: cognitive}
          - {number: 2, reverse: false, subscale: cognitive}
        total: {label: Station total}
        missing: {max_missing_total: 0, method: prorate-mean}
        """);
    Path texts = dir.resolve("osce-station-texts.yaml");
    Files.writeString(
        texts,
        "instrument: osce-station\nversion: 1\nitems:\n  1: Wording one\n  2: Wording two\n");

    InstrumentCatalog catalog =
        load(
            Map.of(
                "rapport.instruments.dir",
                definitions.toString(),
                "rapport.instruments.osce-station.texts",
                texts.toString()));

    Instrument form = catalog.find(InstrumentRef.of("osce-station", 1)).orElseThrow();
    assertTrue(form.textsSupplied());
    assertEquals("Wording two", form.item(2).orElseThrow().text().orElseThrow());
    assertFalse(form.schedulable());
    assertEquals(
        List.of("osce-station", "rapport-observed-observer"),
        catalog.ratingForms(RaterType.FACULTY).stream().map(i -> i.id().value()).toList());
    assertTrue(catalog.schedulable().stream().noneMatch(Instrument::isRatingForm));
  }

  @Test
  void theDirectoryIsConfiguredAsTheModulesDirectoryIs(@TempDir Path dir) {
    InstrumentCatalog catalog =
        load(Map.of("rapport.instruments.dir", "  " + resource("institution") + " "));
    assertTrue(catalog.find(InstrumentRef.of("test-scale", 1)).isPresent(), "spaces around it");
    assertEquals(
        InstrumentCatalog.shipped().all().size(),
        load(Map.of("rapport.instruments.dir", " ")).all().size(),
        "a blank setting names no directory");
    Path missing = dir.resolve("missing");
    InstrumentException e =
        assertThrows(
            InstrumentException.class,
            () -> load(Map.of("rapport.instruments.dir", missing.toString())));
    assertEquals(
        List.of(
            new InstrumentProblem(
                missing.toString(),
                "(directory)",
                "does not exist; it must be a directory of .yaml files")),
        e.problems());
  }

  @Test
  void aBrokenDefinitionStopsLoadingWithFileFieldAndProblem(@TempDir Path dir) throws IOException {
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(
        broken,
        Files.readString(resource("institution/test-scale-v1.yaml"))
            .replace("id: test-scale", "id: Broken Scale"));
    InstrumentException e =
        assertThrows(
            InstrumentException.class,
            () -> load(Map.of("rapport.instruments.dir", dir.toString())));
    InstrumentProblem problem = e.problems().get(0);
    assertEquals(broken.toString(), problem.file());
    assertEquals("id", problem.field());
    assertTrue(problem.message().contains("lower-case"), problem.message());
  }

  @Test
  void aTextsFileThatDoesNotFitIsReportedWithTheOtherProblems(@TempDir Path dir)
      throws IOException {
    Path texts = dir.resolve("texts.yaml");
    Files.writeString(texts, "instrument: jse-s\nversion: 1\nitems:\n  1: \"Only one.\"\n");
    InstrumentException e =
        assertThrows(
            InstrumentException.class,
            () -> load(Map.of("rapport.instruments.jse-s.texts", texts.toString())));
    List<String> messages = e.problems().stream().map(InstrumentProblem::message).toList();
    assertEquals(19, messages.size(), messages.toString());
    assertEquals("has no text for item 2 of jse-s version 1", messages.get(0));
  }
}
