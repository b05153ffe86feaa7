package org.rapport.curriculum.instruments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The instruments an installation can use: those shipped with Rapport (listed in {@code
 * instruments/index.txt} on the classpath; nothing is scanned) and, optionally, those an
 * institution keeps as {@code *.yaml} definition files in a directory of its own. Immutable; {@link
 * #withLicensedTexts(LicensedItemTexts)} returns a new catalog.
 */
public final class InstrumentCatalog {

  /** Classpath folder of the shipped definitions and their index. */
  public static final String SHIPPED_FOLDER = "instruments/";

  static final String INDEX = SHIPPED_FOLDER + "index.txt";

  private final Map<InstrumentRef, Instrument> instruments;

  private InstrumentCatalog(Map<InstrumentRef, Instrument> instruments) {
    this.instruments = Map.copyOf(instruments);
  }

  /** The instruments shipped with Rapport. */
  public static InstrumentCatalog shipped() {
    return load(null);
  }

  /**
   * Loads the shipped instruments and, when {@code institutionDirOrNull} is given, every {@code
   * *.yaml} / {@code *.yml} definition in that directory (not its subdirectories; licensed texts
   * files belong elsewhere).
   *
   * @throws InstrumentException listing every problem of every file, including an id and version
   *     defined twice
   */
  public static InstrumentCatalog load(Path institutionDirOrNull) {
    List<InstrumentProblem> problems = new ArrayList<>();
    Map<InstrumentRef, Instrument> instruments = new LinkedHashMap<>();
    Map<InstrumentRef, String> sources = new LinkedHashMap<>();
    for (String name : shippedFileNames(problems)) {
      String resource = SHIPPED_FOLDER + name;
      String source = "classpath:" + resource;
      Optional<String> text = readResource(resource);
      if (text.isEmpty()) {
        problems.add(
            new InstrumentProblem(
                "classpath:" + INDEX, name, "is listed but not found on the classpath"));
        continue;
      }
      add(
          source,
          () -> InstrumentDefinitionReader.parse(source, text.get()),
          instruments,
          sources,
          problems);
    }
    if (institutionDirOrNull != null) {
      for (Path file : institutionFiles(institutionDirOrNull, problems)) {
        add(
            file.toString(),
            () -> InstrumentDefinitionReader.read(file),
            instruments,
            sources,
            problems);
      }
    }
    if (!problems.isEmpty()) {
      throw new InstrumentException(problems);
    }
    return new InstrumentCatalog(instruments);
  }

  public Optional<Instrument> find(InstrumentId id, int version) {
    return Optional.ofNullable(instruments.get(new InstrumentRef(id, version)));
  }

  public Optional<Instrument> find(InstrumentRef ref) {
    return Optional.ofNullable(instruments.get(ref));
  }

  /**
   * @throws NoSuchElementException when that version is not loaded
   */
  public Instrument get(InstrumentId id, int version) {
    return find(id, version)
        .orElseThrow(
            () -> new NoSuchElementException("no instrument " + new InstrumentRef(id, version)));
  }

  /** The highest version loaded of {@code id}. */
  public Optional<Instrument> latest(InstrumentId id) {
    return instruments.values().stream()
        .filter(instrument -> instrument.id().equals(id))
        .max(Comparator.comparingInt(Instrument::version));
  }

  /** Every instrument, ordered by id and version. */
  public List<Instrument> all() {
    return instruments.values().stream()
        .sorted(
            Comparator.comparing((Instrument i) -> i.id().value())
                .thenComparingInt(Instrument::version))
        .toList();
  }

  /** The instruments students can be asked to answer now. */
  public List<Instrument> schedulable() {
    return all().stream().filter(Instrument::schedulable).toList();
  }

  /**
   * This catalog with the licensed wording applied to the instrument version the texts name.
   *
   * @throws InstrumentException when no such instrument is loaded or the texts do not fit it
   */
  public InstrumentCatalog withLicensedTexts(LicensedItemTexts texts) {
    Instrument target = instruments.get(texts.instrument());
    if (target == null) {
      throw new InstrumentException(
          List.of(
              new InstrumentProblem(
                  texts.file(),
                  "instrument",
                  "no instrument " + texts.instrument() + " is loaded")));
    }
    Map<InstrumentRef, Instrument> replaced = new LinkedHashMap<>(instruments);
    replaced.put(target.ref(), texts.applyTo(target));
    return new InstrumentCatalog(replaced);
  }

  /** Reads the texts file and applies it; see {@link #withLicensedTexts(LicensedItemTexts)}. */
  public InstrumentCatalog withLicensedTexts(Path textsFile) {
    return withLicensedTexts(LicensedItemTexts.read(textsFile));
  }

  private static void add(
      String source,
      Supplier<Instrument> definition,
      Map<InstrumentRef, Instrument> instruments,
      Map<InstrumentRef, String> sources,
      List<InstrumentProblem> problems) {
    Instrument instrument;
    try {
      instrument = definition.get();
    } catch (InstrumentException e) {
      problems.addAll(e.problems());
      return;
    }
    String earlier = sources.putIfAbsent(instrument.ref(), source);
    if (earlier != null) {
      problems.add(
          new InstrumentProblem(
              source, "version", instrument.ref() + " is already defined in " + earlier));
      return;
    }
    instruments.put(instrument.ref(), instrument);
  }

  private static List<String> shippedFileNames(List<InstrumentProblem> problems) {
    Optional<String> index = readResource(INDEX);
    if (index.isEmpty()) {
      problems.add(
          new InstrumentProblem("classpath:" + INDEX, "(file)", "is not on the classpath"));
      return List.of();
    }
    return index
        .get()
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  private static Optional<String> readResource(String resource) {
    ClassLoader loader = InstrumentCatalog.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource + " from the classpath", e);
    }
  }

  private static List<Path> institutionFiles(Path dir, List<InstrumentProblem> problems) {
    if (!Files.isDirectory(dir)) {
      problems.add(new InstrumentProblem(dir.toString(), "(directory)", "is not a directory"));
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              file -> {
                String name = file.getFileName().toString();
                return name.endsWith(".yaml") || name.endsWith(".yml");
              })
          .sorted()
          .toList();
    } catch (IOException e) {
      problems.add(new InstrumentProblem(dir.toString(), "(directory)", "cannot be listed: " + e));
      return List.of();
    }
  }
}
