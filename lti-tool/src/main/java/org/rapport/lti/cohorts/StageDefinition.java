package org.rapport.lti.cohorts;

import java.util.Optional;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.modules.TrainingPhase;

/**
 * Reads one stage of an institution's programme from a proposed schedule template: its code, the
 * names people read and the phase of training that follows its wave. A stage of Rapport's standard
 * sequence takes its standard names and phase where the request leaves them out; any other stage
 * needs a name and a phase.
 */
final class StageDefinition {
  static final int MAX_LABEL = 100;
  static final int MAX_SHORT_LABEL = 40;

  static final String NO_LABEL =
      "give the name people read for %s, e.g. 'End of year 5' or 'Foundation year 1'";
  static final String LONG_LABEL = "is longer than %d characters";
  static final String NO_PHASE =
      "say which modules suit a cohort once the %s wave has opened: one of %s";

  private StageDefinition() {}

  /** Where a problem of a stage is reported: the stage's field and what to do. */
  interface Problems {
    void add(String field, String whatToDo);
  }

  /**
   * The stage, or empty with every problem added (by the stage's field name: stage, stageLabel,
   * stageShortLabel, phase). Order and years are set by the template.
   */
  static Optional<TrainingStage> read(Problems problems, ScheduleTemplateView.StageView s) {
    Optional<String> code = TrainingStage.code(s.stage());
    if (code.isEmpty()) {
      problems.add(
          "stage",
          String.format(TrainingStage.BAD_CODE, s.stage() == null ? "" : s.stage().strip()) + ".");
      return Optional.empty();
    }
    Optional<TrainingStage> standard = TrainingStage.parse(code.get());
    boolean[] found = {false};
    Problems counted =
        (field, whatToDo) -> {
          found[0] = true;
          problems.add(field, whatToDo);
        };
    String label = text(s.stageLabel()).orElse(standard.map(TrainingStage::label).orElse(null));
    if (label == null) {
      counted.add("stageLabel", String.format(NO_LABEL, code.get()) + ".");
    } else if (label.length() > MAX_LABEL) {
      counted.add("stageLabel", String.format(LONG_LABEL, MAX_LABEL) + ".");
    }
    String shortLabel =
        text(s.stageShortLabel())
            .orElse(
                standard
                    .map(TrainingStage::shortLabel)
                    .orElse(label != null && label.length() <= MAX_SHORT_LABEL ? label : null));
    if (shortLabel == null && label != null) {
      counted.add(
          "stageShortLabel",
          "give a short name of at most " + MAX_SHORT_LABEL + " characters for charts and tables.");
    } else if (shortLabel != null && shortLabel.length() > MAX_SHORT_LABEL) {
      counted.add("stageShortLabel", String.format(LONG_LABEL, MAX_SHORT_LABEL) + ".");
    }
    Optional<TrainingPhase> phase =
        text(s.phase())
            .map(TrainingPhase::fromYamlName)
            .orElse(standard.map(TrainingStage::phaseAfter));
    if (phase.isEmpty()) {
      counted.add("phase", String.format(NO_PHASE, code.get(), phases()) + ".");
    }
    if (found[0]) {
      return Optional.empty();
    }
    return Optional.of(new TrainingStage(code.get(), label, shortLabel, phase.get(), 0, 0));
  }

  static String phases() {
    return String.join(
        ", ",
        java.util.Arrays.stream(TrainingPhase.values()).map(TrainingPhase::yamlName).toList());
  }

  private static Optional<String> text(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }
}
