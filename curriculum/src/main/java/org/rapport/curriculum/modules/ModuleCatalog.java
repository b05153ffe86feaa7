package org.rapport.curriculum.modules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rapport.curriculum.catalogue.CatalogueFiles;

/**
 * Every module a Rapport installation offers: those shipped with Rapport and those an institution
 * adds in a directory of its own. Loaded once at start-up; immutable afterwards.
 *
 * <p>Shipped modules are the files listed in {@value #INDEX_RESOURCE} (one file name per line,
 * blank lines and {@code #} comments ignored), read from the classpath, so that they are found
 * inside a WAR without scanning. An institution's modules are the {@code .yaml} and {@code .yml}
 * files directly in its directory ({@link CatalogueFiles}, the same rules as instruments). Module
 * ids must be unique across both.
 */
public final class ModuleCatalog {

  /** The classpath folder of the shipped modules. */
  public static final String RESOURCE_FOLDER = "modules/";

  /** The classpath list of shipped module files. */
  public static final String INDEX_RESOURCE = RESOURCE_FOLDER + "index.txt";

  private static final Comparator<Module> DISPLAY_ORDER =
      Comparator.comparing(Module::family)
          .thenComparing(Module::title, String.CASE_INSENSITIVE_ORDER)
          .thenComparing(m -> m.id().value());

  private final List<Module> all;
  private final Map<ModuleId, Module> byId;

  private ModuleCatalog(List<Module> modules) {
    List<Module> sorted = new ArrayList<>(modules);
    sorted.sort(DISPLAY_ORDER);
    this.all = List.copyOf(sorted);
    Map<ModuleId, Module> index = new LinkedHashMap<>();
    all.forEach(m -> index.put(m.id(), m));
    this.byId = Map.copyOf(index);
  }

  /**
   * Loads the shipped modules and, when {@code institutionDirOrNull} is given, the institution's.
   *
   * @throws ContentException listing every problem in every file, if there is any, including an
   *     institution directory that does not exist
   */
  public static ModuleCatalog load(Path institutionDirOrNull) {
    List<ContentProblem> problems = new ArrayList<>();
    List<Loaded> loaded = new ArrayList<>();
    // Shipped modules must carry stages, references and a facilitator guide; an institution's
    // own modules may leave them out.
    read(
        ModuleReader.forShippedModules(),
        CatalogueFiles.shipped(RESOURCE_FOLDER, ModuleCatalog.class.getClassLoader()),
        loaded,
        problems);
    if (institutionDirOrNull != null) {
      read(new ModuleReader(), CatalogueFiles.institution(institutionDirOrNull), loaded, problems);
    }
    Map<ModuleId, String> firstSource = new HashMap<>();
    List<Module> modules = new ArrayList<>();
    for (Loaded entry : loaded) {
      ModuleId id = entry.module().id();
      String earlier = firstSource.putIfAbsent(id, entry.source());
      if (earlier != null) {
        problems.add(
            new ContentProblem(
                entry.source(),
                "id",
                "repeats module id '" + id + "', already used by " + earlier));
      } else {
        modules.add(entry.module());
      }
    }
    if (!problems.isEmpty()) {
      throw new ContentException(problems);
    }
    return new ModuleCatalog(modules);
  }

  /** Every module, ordered by family (in {@link Family} order) and then by title. */
  public List<Module> all() {
    return all;
  }

  public Optional<Module> find(ModuleId id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The family's modules, ordered by title. */
  public List<Module> byFamily(Family family) {
    return all.stream().filter(m -> m.family() == family).toList();
  }

  /**
   * The modules that strengthen a layer of empathy, in display order: what to suggest when it
   * falls.
   */
  public List<Module> addressing(EmpathyLayer layer) {
    return all.stream().filter(m -> m.addresses(layer)).toList();
  }

  public int size() {
    return all.size();
  }

  private record Loaded(String source, Module module) {}

  private static void read(
      ModuleReader reader,
      CatalogueFiles files,
      List<Loaded> loaded,
      List<ContentProblem> problems) {
    for (CatalogueFiles.Problem p : files.problems()) {
      problems.add(new ContentProblem(p.source(), p.field(), p.message()));
    }
    for (CatalogueFiles.Source source : files.sources()) {
      ModuleReader.Outcome outcome = reader.parse(source.name(), source.text());
      problems.addAll(outcome.problems());
      outcome.module().ifPresent(m -> loaded.add(new Loaded(source.name(), m)));
    }
  }
}
