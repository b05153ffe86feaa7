package org.rapport.lti.modules;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.curriculum.modules.ContentException;
import org.rapport.curriculum.modules.ContentProblem;
import org.rapport.curriculum.modules.Module;
import org.rapport.curriculum.modules.ModuleCatalog;
import org.rapport.curriculum.modules.Step;

/**
 * The modules this installation offers, loaded once at start-up: the shipped ones and those in the
 * institution's directory ({@value #DIR_KEY}, environment {@code RAPPORT_CURRICULUM_MODULES_DIR}).
 * An institution adds a module by dropping its YAML file there and restarting. A broken file stops
 * the start with every problem (file, field, what is wrong) logged, rather than serving a catalogue
 * with a module silently missing.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ModuleLibrary {
  public static final String DIR_KEY = "rapport.curriculum.modules-dir";

  /** Longest module or step id the progress tables hold. */
  static final int MAX_ID_LENGTH = 200;

  private static final Logger LOG = Logger.getLogger(ModuleLibrary.class.getName());

  @Inject
  @ConfigProperty(name = DIR_KEY)
  Optional<String> modulesDir;

  private volatile ModuleCatalog catalog;

  @PostConstruct
  void load() {
    catalog = loadCatalog(modulesDir, LOG);
  }

  public ModuleCatalog catalog() {
    return catalog;
  }

  /**
   * Loads the catalogue, logging what was loaded, or every problem at SEVERE before rethrowing.
   *
   * @param dir the institution's directory, if configured
   * @throws ContentException when any module file breaks a content rule
   */
  static ModuleCatalog loadCatalog(Optional<String> dir, Logger log) {
    Path institution = dir.filter(d -> !d.isBlank()).map(d -> Path.of(d.strip())).orElse(null);
    try {
      ModuleCatalog loaded = ModuleCatalog.load(institution);
      checkIdLengths(loaded);
      log.info(
          () ->
              "Module catalogue loaded: "
                  + loaded.size()
                  + " modules"
                  + (institution == null
                      ? " (shipped with Rapport)."
                      : " (shipped with Rapport and from " + institution + ")."));
      return loaded;
    } catch (ContentException e) {
      log.log(
          Level.SEVERE,
          "Rapport cannot start: the curriculum modules have problems. Fix the files named below"
              + " and start Rapport again.\n"
              + e.getMessage());
      throw e;
    }
  }

  private static void checkIdLengths(ModuleCatalog catalog) {
    List<ContentProblem> problems = new ArrayList<>();
    for (Module module : catalog.all()) {
      if (module.id().value().length() > MAX_ID_LENGTH) {
        problems.add(
            new ContentProblem(
                module.id().value(), "id", "is longer than " + MAX_ID_LENGTH + " characters"));
      }
      for (Step step : module.steps()) {
        if (step.id().length() > MAX_ID_LENGTH) {
          problems.add(
              new ContentProblem(
                  module.id().value(),
                  "steps." + step.id(),
                  "has an id longer than " + MAX_ID_LENGTH + " characters"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ContentException(problems);
    }
  }
}
