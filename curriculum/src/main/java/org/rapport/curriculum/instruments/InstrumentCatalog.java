package org.rapport.curriculum.instruments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import org.rapport.curriculum.catalogue.CatalogueFiles;

/**
 * The instruments an installation can use, self-reports and rating forms alike: those shipped with
 * Rapport (listed in {@code instruments/index.txt} on the classpath; nothing is scanned) and,
 * optionally, those an institution keeps as {@code *.yaml} definition files in a directory of its
 * own. Immutable; {@link #withLicensedTexts(LicensedItemTexts)} returns a new catalog.
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
   * .yaml} / {@code .yml} definition in that directory (not its subdirectories; licensed texts
   * files belong elsewhere), by the rules of {@link CatalogueFiles}, the same as modules.
   *
   * @throws InstrumentException listing every problem of every file, including an id and version
   *     defined twice
   */
  public static InstrumentCatalog load(Path institutionDirOrNull) {
    List<InstrumentProblem> problems = new ArrayList<>();
    Map<InstrumentRef, Instrument> instruments = new LinkedHashMap<>();
    Map<InstrumentRef, String> sources = new LinkedHashMap<>();
    CatalogueFiles shipped =
        CatalogueFiles.shipped(SHIPPED_FOLDER, InstrumentCatalog.class.getClassLoader());
    add(shipped, "classpath:", instruments, sources, problems);
    if (institutionDirOrNull != null) {
      add(CatalogueFiles.institution(institutionDirOrNull), "", instruments, sources, problems);
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

  /**
   * The instruments students can be asked to answer now as a self-assessment: self-reports whose
   * wording is complete. Rating forms are never among them.
   */
  public List<Instrument> schedulable() {
    return all().stream().filter(Instrument::schedulable).toList();
  }

  /** Every self-report version (every instrument that is not a rating form), as {@link #all()}. */
  public List<Instrument> selfReports() {
    return all().stream().filter(i -> !i.isRatingForm()).toList();
  }

  /**
   * The newest version of each rating form that {@code type} rates, ordered by id, whether or not
   * its licensed wording has been supplied (see {@link Instrument#textsSupplied()}). Older versions
   * stay findable with {@link #find(InstrumentRef)} for the ratings given on them.
   */
  public List<Instrument> ratingForms(RaterType type) {
    Objects.requireNonNull(type, "type");
    Map<InstrumentId, Instrument> newest = new LinkedHashMap<>();
    for (Instrument i : all()) {
      if (i.ratedBy(type)) {
        newest.merge(i.id(), i, (a, b) -> a.version() >= b.version() ? a : b);
      }
    }
    return List.copyOf(newest.values());
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

  /** Reads every file found; {@code prefix} marks shipped files' names ({@code classpath:}). */
  private static void add(
      CatalogueFiles files,
      String prefix,
      Map<InstrumentRef, Instrument> instruments,
      Map<InstrumentRef, String> sources,
      List<InstrumentProblem> problems) {
    for (CatalogueFiles.Problem p : files.problems()) {
      problems.add(new InstrumentProblem(prefix + p.source(), p.field(), p.message()));
    }
    for (CatalogueFiles.Source file : files.sources()) {
      String source = prefix + file.name();
      Instrument instrument;
      try {
        instrument = InstrumentDefinitionReader.parse(source, file.text());
      } catch (InstrumentException e) {
        problems.addAll(e.problems());
        continue;
      }
      String earlier = sources.putIfAbsent(instrument.ref(), source);
      if (earlier != null) {
        problems.add(
            new InstrumentProblem(
                source, "version", instrument.ref() + " is already defined in " + earlier));
        continue;
      }
      instruments.put(instrument.ref(), instrument);
    }
  }
}
