package org.rapport.lti.alerts;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rapport.curriculum.alerts.ComparisonKind;
import org.rapport.curriculum.cohorts.Programme;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.InstrumentCatalog;
import org.rapport.curriculum.instruments.InstrumentId;
import org.rapport.curriculum.instruments.InstrumentKind;
import org.rapport.curriculum.instruments.SubscaleId;
import org.rapport.curriculum.modules.EmpathyLayer;
import org.rapport.curriculum.modules.Module;
import org.rapport.curriculum.modules.ModuleCatalog;
import org.rapport.curriculum.modules.ModuleId;
import org.rapport.curriculum.modules.TrainingPhase;

/**
 * The words and suggestions alerts and the dashboard use: names of measures (from the instrument
 * definitions), of training stages and of comparisons, and the modules that address a falling
 * measure ({@link ModuleCatalog#addressing(EmpathyLayer)}).
 *
 * <p>Measures map onto the three layers of empathy that modules name: Rapport's own instrument uses
 * the layers' names as subscale ids; the JSE-S factors map as perspective taking → cognitive,
 * standing in the patient's shoes → affective, compassionate care → compassionate action. For a
 * falling total, the modules that address all three layers are suggested.
 */
public final class AlertVocabulary {
  private static final Map<String, EmpathyLayer> JSE_FACTORS =
      Map.of(
          "perspective-taking", EmpathyLayer.COGNITIVE,
          "standing-in-patients-shoes", EmpathyLayer.AFFECTIVE,
          "compassionate-care", EmpathyLayer.COMPASSIONATE_ACTION);

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
    Optional<Instrument> instrument =
        instrument(
            ObservedAlerts.INSTRUMENT.equals(instrumentId)
                ? ObservedAlerts.LABEL_FORM
                : instrumentId);
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

  /** Shown with a formative instrument's figures, on the faculty pages and in alert mail. */
  public static final String FORMATIVE_CAVEAT =
      "These figures come from Rapport's formative reflection tool, not a validated research"
          + " instrument; treat changes as prompts for discussion.";

  /** The instrument's kind (of its newest version), or {@code null} when it is not installed. */
  public InstrumentKind kind(String instrumentId) {
    return instrument(instrumentId).map(Instrument::kind).orElse(null);
  }

  /** Whether the instrument's figures need {@link #FORMATIVE_CAVEAT}. */
  public boolean formative(String instrumentId) {
    return kind(instrumentId) == InstrumentKind.FORMATIVE;
  }

  /** The instrument's short title, or its id. */
  public String instrumentTitle(String instrumentId) {
    if (ObservedAlerts.INSTRUMENT.equals(instrumentId)) {
      return "Observed ratings (patients, faculty, peers)";
    }
    return instrument(instrumentId).map(Instrument::shortTitle).orElse(instrumentId);
  }

  /** The instruments and rating forms the words come from. */
  public InstrumentCatalog instruments() {
    return instruments;
  }

  /** A published norm of the instrument's total score, for a reference line. */
  public record TotalNorm(double mean, String label) {}

  /**
   * The published norm of the instrument's total score (newest version) with its label, e.g. "norm:
   * 116.5, first-year DO matriculants (Hojat et al. 2018)"; empty when its definition gives none.
   */
  public Optional<TotalNorm> totalNorm(String instrumentId) {
    if (instrumentId == null) {
      return Optional.empty();
    }
    return instrument(instrumentId)
        .flatMap(i -> i.total().norm())
        .map(
            n ->
                new TotalNorm(
                    n.mean(),
                    "published norm "
                        + FigureFormat.score(n.mean())
                        + ", "
                        + n.group()
                        + " ("
                        + n.source()
                        + ")"));
  }

  private Optional<Instrument> instrument(String instrumentId) {
    try {
      return instruments.latest(InstrumentId.of(instrumentId));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** "Year 3", "Foundation year 1", ...: the short name of a stage code in the programme. */
  public static String stage(Programme programme, String stage) {
    return programme.stage(stage).shortLabel();
  }

  /** "End of year 3", ...: the name people read of a stage code in the programme. */
  public static String stageLong(Programme programme, String stage) {
    return programme.stage(stage).label();
  }

  public static String comparison(ComparisonKind kind) {
    return switch (kind) {
      case PREVIOUS_WAVE -> "Change from the previous wave";
      case BASELINE -> "Change from the first wave";
      case CROSS_COHORT -> "Lower than earlier cohorts at the same wave";
    };
  }

  /** The most modules an alert suggests. */
  public static final int MAX_RECOMMENDED = 3;

  /**
   * The module ids to suggest when {@code measure} falls in a cohort now in {@code phase}: at most
   * {@link #MAX_RECOMMENDED} modules that address the layer that fell (all three for the total) and
   * are written for that phase of training, those that focus on fewer layers first, then in
   * catalogue order.
   */
  public List<String> recommended(String measure, TrainingPhase phase) {
    Optional<EmpathyLayer> layer = layer(measure);
    List<Module> addressing =
        layer.isPresent()
            ? modules.addressing(layer.get())
            : modules.all().stream()
                .filter(m -> java.util.Arrays.stream(EmpathyLayer.values()).allMatch(m::addresses))
                .toList();
    return addressing.stream()
        .filter(m -> m.suits(phase))
        .sorted(java.util.Comparator.comparingInt((Module m) -> m.layers().size()))
        .limit(MAX_RECOMMENDED)
        .map(m -> m.id().toString())
        .toList();
  }

  /** Whether the module has a facilitator guide for faculty. */
  public boolean hasGuide(String moduleId) {
    try {
      return modules
          .find(ModuleId.of(moduleId))
          .map(m -> m.facilitatorGuide().isPresent())
          .orElse(false);
    } catch (RuntimeException e) {
      return false;
    }
  }

  static Optional<EmpathyLayer> layer(String measure) {
    Optional<EmpathyLayer> own = EmpathyLayer.fromYamlName(measure);
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
