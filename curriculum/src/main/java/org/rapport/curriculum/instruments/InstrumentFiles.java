package org.rapport.curriculum.instruments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.rapport.curriculum.catalogue.CatalogueFiles;
import org.rapport.curriculum.catalogue.YamlDocument;
import org.rapport.curriculum.catalogue.YamlFields;

/** How the instrument readers read a file and report what {@link YamlDocument} found wrong. */
final class InstrumentFiles {
  private InstrumentFiles() {}

  /** Reads a file's text as catalogue files are read; an unreadable file is a problem naming it. */
  static String readText(Path file) {
    try {
      return CatalogueFiles.read(file).text();
    } catch (IOException e) {
      throw new InstrumentException(
          List.of(
              new InstrumentProblem(
                  file.toString(), CatalogueFiles.WHOLE_FILE, CatalogueFiles.unreadable(e))));
    }
  }

  /**
   * The document's top-level fields, of which only {@code known} are allowed.
   *
   * @param fieldsHint the first fields of such a file, for the message when it has none
   * @param what the kind of file, for the message about a field it does not have
   * @throws InstrumentException when the text is not a YAML set of fields
   */
  static YamlFields root(
      YamlDocument document, String yaml, String fieldsHint, Set<String> known, String what) {
    YamlFields root = document.root(yaml, fieldsHint);
    throwIfAny(document);
    root.allowOnly(known, what);
    return root;
  }

  /**
   * @throws InstrumentException listing the document's problems, if it has any
   */
  static void throwIfAny(YamlDocument document) {
    if (document.hasProblems()) {
      throw new InstrumentException(
          document.problems().stream()
              .map(p -> new InstrumentProblem(p.source(), p.field(), p.message()))
              .toList());
    }
  }
}
