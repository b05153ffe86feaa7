package org.rapport.curriculum.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one set of rules by which modules and instruments find their files. */
class CatalogueFilesTest {
  @TempDir Path dir;

  @Test
  void anInstitutionsFilesAreItsYamlAndYmlFilesByNameWithoutHiddenOnesOrSubdirectories()
      throws IOException {
    Files.writeString(dir.resolve("b-second.yml"), "id: b");
    Files.writeString(dir.resolve("a-first.yaml"), "\uFEFFid: a");
    Files.writeString(dir.resolve(".hidden.yaml"), "id: hidden");
    Files.writeString(dir.resolve("notes.txt"), "not yaml");
    Files.createDirectory(dir.resolve("nested.yaml"));

    CatalogueFiles files = CatalogueFiles.institution(dir);

    assertEquals(List.of(), files.problems());
    assertEquals(
        List.of(
            new CatalogueFiles.Source(dir.resolve("a-first.yaml").toString(), "id: a"),
            new CatalogueFiles.Source(dir.resolve("b-second.yml").toString(), "id: b")),
        files.sources());
  }

  @Test
  void aFileThatIsNotUtf8IsNamedAndTheOthersAreStillRead() throws IOException {
    Files.write(
        dir.resolve("latin.yaml"), "title: caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
    Files.writeString(dir.resolve("fine.yaml"), "id: fine");

    CatalogueFiles files = CatalogueFiles.institution(dir);

    assertEquals(
        List.of(
            new CatalogueFiles.Problem(
                dir.resolve("latin.yaml").toString(), "(file)", "is not UTF-8 text")),
        files.problems());
    assertEquals(1, files.sources().size());
  }

  @Test
  void aDirectoryThatIsMissingOrAFileIsAProblem() throws IOException {
    Path file = Files.writeString(dir.resolve("plain.yaml"), "id: x");

    assertEquals(
        "does not exist; it must be a directory of .yaml files",
        CatalogueFiles.institution(dir.resolve("missing")).problems().get(0).message());
    assertEquals(
        "is not a directory; it must be a directory of .yaml files",
        CatalogueFiles.institution(file).problems().get(0).message());
  }

  @Test
  void shippedFilesAreExactlyThoseTheIndexLists() {
    CatalogueFiles modules =
        CatalogueFiles.shipped("modules/", CatalogueFilesTest.class.getClassLoader());
    CatalogueFiles instruments =
        CatalogueFiles.shipped("instruments/", CatalogueFilesTest.class.getClassLoader());

    assertEquals(List.of(), modules.problems());
    assertEquals(List.of(), instruments.problems());
    assertTrue(modules.sources().stream().allMatch(s -> s.name().startsWith("modules/")));
    assertTrue(
        instruments.sources().stream()
            .anyMatch(s -> s.name().equals("instruments/rapport-empathy.yaml")));
  }

  @Test
  void aMissingIndexIsAProblemNamingIt() {
    CatalogueFiles none =
        CatalogueFiles.shipped("nothing-here/", CatalogueFilesTest.class.getClassLoader());

    assertEquals(
        List.of(
            new CatalogueFiles.Problem(
                "nothing-here/index.txt", "(file)", "is not on the classpath")),
        none.problems());
  }

  @Test
  void stemDropsEitherEnding() {
    assertEquals("teach-back", CatalogueFiles.stem("teach-back.yaml"));
    assertEquals("teach-back", CatalogueFiles.stem("teach-back.yml"));
    assertEquals("notes.txt", CatalogueFiles.stem("notes.txt"));
  }
}
