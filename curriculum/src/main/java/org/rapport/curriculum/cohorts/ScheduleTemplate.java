package org.rapport.curriculum.cohorts;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.rapport.curriculum.instruments.InstrumentRef;

/**
 * A tenant's plan for the waves of every new cohort: the day of the year students matriculate
 * ({@code anchor}, e.g. 1 August) and, per training stage, when its wave opens relative to that
 * day, how long it stays open and which instrument it uses.
 *
 * <p>The stages are listed in training order, and that list is the institution's {@link Programme}:
 * any number of stages with its own codes and names (six years plus foundation years, five years
 * then an internship, ...). Each stage is listed once and the waves open in the order listed;
 * {@link #problems} names every rule a proposed template breaks. A stage's wave cannot take place
 * before the calendar year its offset reaches ({@link TrainingStage#earliestYear}).
 */
public record ScheduleTemplate(MonthDay anchor, List<ScheduledStage> stages) {

  static final String STAGE_TWICE = "%s is listed twice; give each stage once";
  static final String OUT_OF_ORDER = "%s opens before %s; list the stages in training order";
  static final String NO_STAGES = "a schedule needs at least one stage";

  public ScheduleTemplate {
    Objects.requireNonNull(anchor, "anchor");
    List<String> problems = problems(stages);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    List<ScheduledStage> placed = new ArrayList<>();
    for (ScheduledStage s : stages) {
      placed.add(
          new ScheduledStage(
              s.stage().placed(placed.size(), s.offsetMonths() / 12),
              s.offsetMonths(),
              s.windowDays(),
              s.instrument()));
    }
    stages = List.copyOf(placed);
  }

  /** The stages this template names, in training order. */
  public Programme programme() {
    return new Programme(stages.stream().map(ScheduledStage::stage).toList());
  }

  /** The rules {@code stages} break, as sentences; empty when they make a valid template. */
  public static List<String> problems(List<ScheduledStage> stages) {
    List<String> problems = new ArrayList<>();
    if (stages.isEmpty()) {
      problems.add(NO_STAGES);
    }
    Set<String> seen = new HashSet<>();
    for (ScheduledStage s : stages) {
      if (!seen.add(s.stage().code())) {
        problems.add(String.format(STAGE_TWICE, s.stage()));
      }
    }
    for (int i = 1; i < stages.size(); i++) {
      ScheduledStage earlier = stages.get(i - 1);
      ScheduledStage later = stages.get(i);
      if (!later.stage().equals(earlier.stage()) && later.offsetMonths() < earlier.offsetMonths()) {
        problems.add(String.format(OUT_OF_ORDER, later.stage(), earlier.stage()));
      }
    }
    return problems;
  }

  /**
   * Rapport's standard schedule, used by a tenant that has not set its own: matriculation on 1
   * August, a wave at matriculation, in May of each school year, at graduation and in April of each
   * residency year.
   */
  public static ScheduleTemplate standard(InstrumentRef instrument) {
    return new ScheduleTemplate(
        MonthDay.of(8, 1),
        List.of(
            new ScheduledStage(TrainingStage.MATRICULATION, 0, 42, instrument),
            new ScheduledStage(TrainingStage.Y1, 9, 42, instrument),
            new ScheduledStage(TrainingStage.Y2, 21, 42, instrument),
            new ScheduledStage(TrainingStage.Y3, 33, 42, instrument),
            new ScheduledStage(TrainingStage.Y4, 44, 28, instrument),
            new ScheduledStage(TrainingStage.GRADUATION, 45, 30, instrument),
            new ScheduledStage(TrainingStage.PGY1, 56, 42, instrument),
            new ScheduledStage(TrainingStage.PGY2, 68, 42, instrument),
            new ScheduledStage(TrainingStage.PGY3, 80, 42, instrument)));
  }

  /** The cohort's matriculation date: the anchor day in its matriculation year. */
  public LocalDate matriculationDate(MatriculationYear year) {
    return anchor.atYear(year.value());
  }

  /** The window of {@code stage} for the cohort of {@code year}. */
  public WaveWindow window(MatriculationYear year, ScheduledStage stage) {
    LocalDate opens = matriculationDate(year).plusMonths(stage.offsetMonths());
    return new WaveWindow(opens, opens.plusDays(stage.windowDays() - 1L));
  }

  public Optional<ScheduledStage> stage(TrainingStage stage) {
    return stages.stream().filter(s -> s.stage().equals(stage)).findFirst();
  }
}
