package org.rapport.lti.cohorts;

import java.time.LocalDate;
import org.rapport.curriculum.cohorts.TrainingStage;

/** A wave as the admin API shows it: its window, instrument and how many responses it has. */
public record WaveView(
    long id,
    long cohortId,
    int matriculationYear,
    String stage,
    String stageLabel,
    String opens,
    String closes,
    String instrument,
    int version,
    String origin,
    boolean open,
    long drafts,
    long submitted,
    long imported) {

  public static WaveView of(
      Wave w, TrainingStage stage, Cohort cohort, WaveUsage.Counts counts, LocalDate today) {
    return new WaveView(
        w.getId(),
        w.getCohortId(),
        cohort.getMatriculationYear(),
        stage.code(),
        stage.label(),
        w.window().map(x -> x.opens().toString()).orElse(null),
        w.window().map(x -> x.closes().toString()).orElse(null),
        w.instrument().id().value(),
        w.instrument().version(),
        w.getOrigin().name(),
        w.isOpen(today),
        counts.drafts(),
        counts.submitted(),
        counts.imported());
  }
}
