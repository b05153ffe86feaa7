package org.rapport.lti.instruments;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.InstrumentCatalog;
import org.rapport.curriculum.instruments.InstrumentException;
import org.rapport.curriculum.instruments.InstrumentId;
import org.rapport.curriculum.instruments.InstrumentProblem;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.curriculum.instruments.TextSource;

/**
 * The instrument catalog of this installation: the shipped definitions, every definition in {@code
 * rapport.instruments.dir} (optional), and for each instrument whose texts are licensed, the texts
 * file named by {@code rapport.instruments.<id>.texts} (optional; for the JSE-S {@code
 * rapport.instruments.jse-s.texts}, environment variable {@code RAPPORT_INSTRUMENTS_JSE_S_TEXTS}).
 * Loaded once, at startup ({@link InstrumentStartupCheck}).
 */
@ApplicationScoped
public class Instruments {
  private static final Logger LOG = Logger.getLogger(Instruments.class.getName());

  /** The default instrument of a new tenant's standard schedule. */
  public static final InstrumentId DEFAULT = InstrumentId.of("rapport-empathy");

  private InstrumentCatalog catalog;

  @PostConstruct
  void load() {
    Config config = ConfigProvider.getConfig();
    catalog = load(key -> config.getOptionalValue(key, String.class));
    for (Instrument i : catalog.all()) {
      LOG.info(
          () ->
              "Instrument "
                  + i.ref()
                  + (i.isRatingForm()
                      ? " is a rating form for "
                          + i.raters()
                          + i.textsMissingReason()
                              .map(r -> "; it cannot be used yet: " + r)
                              .orElse(".")
                      : i.schedulable()
                          ? " is available."
                          : " is loaded for scoring but cannot be scheduled: "
                              + i.unschedulableReason().orElse("")));
    }
  }

  /**
   * Loads the catalog as configured.
   *
   * @throws InstrumentException listing every problem, by file and field
   */
  static InstrumentCatalog load(Function<String, Optional<String>> setting) {
    Optional<Path> dir =
        setting
            .apply("rapport.instruments.dir")
            .filter(s -> !s.isBlank())
            .map(s -> Path.of(s.strip()));
    InstrumentCatalog loaded = InstrumentCatalog.load(dir.orElse(null));
    List<InstrumentProblem> problems = new ArrayList<>();
    for (Instrument instrument : loaded.all()) {
      if (instrument.texts() != TextSource.LICENSEE) {
        continue;
      }
      Optional<String> texts = setting.apply(instrument.textsConfigKey()).filter(s -> !s.isBlank());
      if (texts.isEmpty()) {
        continue;
      }
      try {
        loaded = loaded.withLicensedTexts(Path.of(texts.get().strip()));
      } catch (InstrumentException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new InstrumentException(problems);
    }
    return loaded;
  }

  public InstrumentCatalog catalog() {
    return catalog;
  }

  public Optional<Instrument> find(String id, int version) {
    try {
      return catalog.find(InstrumentRef.of(id, version));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public Optional<Instrument> find(InstrumentRef ref) {
    return catalog.find(ref);
  }

  public Instrument get(InstrumentRef ref) {
    return catalog.find(ref).orElseThrow(() -> new IllegalStateException("no instrument " + ref));
  }

  /** The instrument a tenant's standard schedule uses: the newest version of the default. */
  public InstrumentRef defaultInstrument() {
    return catalog
        .latest(DEFAULT)
        .filter(Instrument::schedulable)
        .or(() -> catalog.schedulable().stream().findFirst())
        .map(Instrument::ref)
        .orElseThrow(() -> new IllegalStateException("no schedulable instrument is installed"));
  }
}
