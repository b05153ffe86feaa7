package org.rapport.lti.alerts;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rapport.curriculum.alerts.ComparisonKind;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.InstrumentCatalog;
import org.rapport.curriculum.instruments.InstrumentId;
import org.rapport.curriculum.instruments.SubscaleId;
import org.rapport.curriculum.modules.Module;
import org.rapport.curriculum.modules.ModuleCatalog;
import org.rapport.curriculum.modules.ModuleId;
import org.rapport.curriculum.modules.Subscale;

/**
 * The words and suggestions alerts and the dashboard use: names of measures (from the instrument
 * definitions), of training stages and of comparisons, and the modules that address a falling
 * measure ({@link ModuleCatalog#addressing(Subscale)}).
 *
 * <p>Measures map onto the three layers of empathy that modules name: Rapport's own instrument uses
 * the layers' names as subscale ids; the JSE-S factors map as perspective taking → cognitive,
 * standing in the patient's shoes → affective, compassionate care → compassionate action. For a
 * falling total, the modules that address all three layers are suggested.
 */
public final class AlertVocabulary {
  private static final Map<String, Subscale> JSE_FACTORS =
      Map.of(
          "perspective-taking", Subscale.COGNITIVE,
          "standing-in-patients-shoes", Subscale.AFFECTIVE,
          "compassionate-care", Subscale.COMPASSIONATE_ACTION);

  private final ModuleCatalog modules;
  private final InstrumentCatalog instruments;

  public AlertVocabulary(ModuleCatalog modules, InstrumentCatalog instruments) {
    this.modules = modules;
    this.instruments = instruments;
  }

  /** Shipped modules and instruments only. */
  public static AlertVocabulary shipped() {
    return new AlertVocabulary(ModuleCatalog.load(null), InstrumentCatalog.shipped());
  }

  /** "Total score", or the subscale's name in the instrument's definition. */
  public String measure(String instrumentId, String measure) {
    if ("total".equals(measure)) {
      return "Total score";
    }
    Optional<Instrument> instrument = instrument(instrumentId);
    if (instrument.isPresent()) {
      try {
        Optional<String> label =
            instrument.get().subscale(SubscaleId.of(measure)).map(s -> s.label());
        if (label.isPresent()) {
          return label.get();
        }
      } catch (RuntimeException e) {
        // not a valid subscale id: fall through to the plain name
      }
    }
    String plain = measure.replace('-', ' ').replace('_', ' ');
    return plain.isEmpty()
        ? measure
        : plain.substring(0, 1).toUpperCase(Locale.ROOT) + plain.substring(1);
  }

  /** The instrument's short title, or its id. */
  public String instrumentTitle(String instrumentId) {
    return instrument(instrumentId).map(Instrument::shortTitle).orElse(instrumentId);
  }

  private Optional<Instrument> instrument(String instrumentId) {
    try {
      return instruments.latest(InstrumentId.of(instrumentId));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** "Year 3", "Matriculation", ... */
  public static String stage(String stage) {
    return TrainingStage.parse(stage).map(TrainingStage::shortLabel).orElse(stage);
  }

  /** "End of year 3", ... */
  public static String stageLong(String stage) {
    return TrainingStage.parse(stage).map(TrainingStage::label).orElse(stage);
  }

  public static String comparison(ComparisonKind kind) {
    return switch (kind) {
      case PREVIOUS_WAVE -> "Change from the previous wave";
      case BASELINE -> "Change from the first wave";
      case CROSS_COHORT -> "Lower than earlier cohorts at the same wave";
    };
  }

  /** The module ids to suggest when {@code measure} falls. */
  public List<String> recommended(String measure) {
    Optional<Subscale> layer = layer(measure);
    List<Module> suggested;
    if (layer.isPresent()) {
      suggested = modules.addressing(layer.get());
    } else {
      suggested =
          modules.all().stream()
              .filter(m -> java.util.Arrays.stream(Subscale.values()).allMatch(m::addresses))
              .toList();
    }
    return suggested.stream().map(m -> m.id().toString()).toList();
  }

  static Optional<Subscale> layer(String measure) {
    Optional<Subscale> own = Subscale.fromYamlName(measure);
    return own.isPresent() ? own : Optional.ofNullable(JSE_FACTORS.get(measure));
  }

  /** A module's title, or its id when the catalogue no longer has it. */
  public String moduleTitle(String moduleId) {
    try {
      return modules.find(ModuleId.of(moduleId)).map(Module::title).orElse(moduleId);
    } catch (RuntimeException e) {
      return moduleId;
    }
  }
}
