package org.rapport.curriculum.instruments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.rapport.curriculum.catalogue.YamlDocument;
import org.rapport.curriculum.catalogue.YamlFields;

/**
 * The wording of a licensed instrument's items, supplied by an institution that holds the licence
 * from a file it keeps outside the repository (for the JSE-S, the file named by {@code
 * rapport.instruments.jse-s.texts}). Format:
 *
 * <pre>
 * instrument: jse-s
 * version: 1
 * items:
 *   1: "wording of item 1 from the licensed form"
 *   2: "..."
 * </pre>
 *
 * <p>The texts must cover every item of that instrument version and nothing else. {@link
 * #toString()} leaves the wording out so that it does not end up in logs.
 *
 * @param file how problems name the file
 */
public record LicensedItemTexts(String file, InstrumentRef instrument, Map<Integer, String> texts) {

  private static final Set<String> TOP = Set.of("instrument", "version", "items");

  public LicensedItemTexts {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(instrument, "instrument");
    texts = Collections.unmodifiableSortedMap(new TreeMap<>(texts));
  }

  /** Reads a texts file from the file system; the path names the file in problems. */
  public static LicensedItemTexts read(Path file) {
    return parse(file.toString(), InstrumentFiles.readText(file));
  }

  /**
   * Parses a texts file; whether it fits an instrument is checked by {@link #applyTo(Instrument)}.
   *
   * @throws InstrumentException listing every problem of form
   */
  public static LicensedItemTexts parse(String file, String yaml) {
    YamlDocument document = new YamlDocument(file);
    YamlFields doc =
        InstrumentFiles.root(
            document, yaml, "instrument, version, items", TOP, "a licensed texts file");
    String id = doc.text("instrument");
    if (id != null && !InstrumentId.SLUG.matcher(id).matches()) {
      doc.problem("instrument", InstrumentId.SLUG_RULE);
    }
    Integer version = doc.atLeast("version", 1, true);
    YamlFields items = doc.mapping("items", "texts by item number", true);
    Map<Integer, String> texts = new TreeMap<>();
    if (items != null) {
      for (Map.Entry<?, ?> entry : items.entries()) {
        String field = items.at(entry.getKey());
        if (!(entry.getKey() instanceof Integer number) || number < 1) {
          items.problem(field, "must be an item number, 1 or greater");
          continue;
        }
        String text = items.text(field, entry.getValue());
        if (text != null) {
          texts.put(number, text);
        }
      }
    }
    InstrumentFiles.throwIfAny(document);
    return new LicensedItemTexts(file, InstrumentRef.of(id, version), texts);
  }

  /** What keeps these texts from being applied to {@code target}; empty when they fit. */
  public List<InstrumentProblem> problemsAgainst(Instrument target) {
    List<InstrumentProblem> problems = new ArrayList<>();
    if (!instrument.id().equals(target.id())) {
      problems.add(
          new InstrumentProblem(
              file,
              "instrument",
              "is '" + instrument.id() + "' but these texts are being applied to " + target.id()));
      return problems;
    }
    if (instrument.version() != target.version()) {
      problems.add(
          new InstrumentProblem(
              file,
              "version",
              "is "
                  + instrument.version()
                  + " but these texts are being applied to "
                  + target.ref()));
      return problems;
    }
    if (target.texts() != TextSource.LICENSEE) {
      problems.add(
          new InstrumentProblem(
              file,
              "instrument",
              target.ref()
                  + " ships its own item texts; a licensed texts file is only for instruments"
                  + " with texts: licensee"));
      return problems;
    }
    for (Item item : target.items()) {
      if (!texts.containsKey(item.number())) {
        problems.add(
            new InstrumentProblem(
                file, "items", "has no text for item " + item.number() + " of " + target.ref()));
      }
    }
    for (int number : texts.keySet()) {
      if (target.item(number).isEmpty()) {
        problems.add(
            new InstrumentProblem(
                file,
                "items." + number,
                "is not an item of " + target.ref() + " (items 1–" + target.items().size() + ")"));
      }
    }
    return problems;
  }

  /**
   * The instrument with this wording on every item, hence schedulable.
   *
   * @throws InstrumentException when the texts are for another instrument or version, miss an item
   *     or name one the instrument does not have
   */
  public Instrument applyTo(Instrument target) {
    List<InstrumentProblem> problems = problemsAgainst(target);
    if (!problems.isEmpty()) {
      throw new InstrumentException(problems);
    }
    return target.withItemTexts(texts);
  }

  @Override
  public String toString() {
    return "LicensedItemTexts[file="
        + file
        + ", instrument="
        + instrument
        + ", items="
        + texts.size()
        + "]";
  }
}
