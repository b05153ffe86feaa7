package org.rapport.lti.dev;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.rapport.curriculum.cohorts.MatriculationYear;
import org.rapport.curriculum.cohorts.ScheduleTemplate;
import org.rapport.curriculum.cohorts.ScheduledStage;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.imports.ResultColumns;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.Item;

/**
 * The demo tenant's synthetic self-assessment answers, written as a historical-results file (item
 * answers, one row per student and wave) so that they go through the import's checks and scoring.
 * Two cohorts, both past waves only: one whose "sharing the feeling" answers drop clearly between
 * the second and third school year, and a younger steady one. The same day always gives the same
 * file: every figure comes from one seeded {@link Random}. Every synthetic student answers every
 * wave: the few who would skip one in a class this size would be a group smaller than the minimum,
 * and the paired comparisons that reveal it (and so the alert) would be hidden.
 *
 * <p>Each synthetic student has a level per subscale (in the scale's points, before reverse
 * keying); each wave adds a little noise to it and each item a little more. A reverse-keyed item is
 * written as the answer a student at that level would give to it.
 */
final class DemoResults {
  static final long SEED = 2030L;
  static final int DECLINING_SIZE = 36;
  static final int STEADY_SIZE = 28;
  static final String FELL = "affective";

  /** The declining cohort's waves, the drop at the last one. */
  static final List<TrainingStage> DECLINING_STAGES =
      List.of(TrainingStage.MATRICULATION, TrainingStage.Y1, TrainingStage.Y2, TrainingStage.Y3);

  /** The steady cohort's answered waves; its next one opens for the demo student. */
  static final List<TrainingStage> STEADY_STAGES =
      List.of(TrainingStage.MATRICULATION, TrainingStage.Y1);

  /** The steady cohort's wave that is open now. */
  static final TrainingStage OPEN_STAGE = TrainingStage.Y2;

  private static final double DROP = 1.0;

  /**
   * Which classes the demo has: the declining one is the latest whose {@link TrainingStage#Y3} wave
   * closed before {@code today}, the steady one started two years later.
   */
  record Classes(MatriculationYear declining, MatriculationYear steady) {
    static Classes on(ScheduleTemplate template, LocalDate today) {
      ScheduledStage y3 = template.stage(TrainingStage.Y3).orElseThrow();
      int year = today.getYear();
      while (!template.window(new MatriculationYear(year), y3).closes().isBefore(today)) {
        year--;
      }
      return new Classes(new MatriculationYear(year), new MatriculationYear(year + 2));
    }
  }

  private DemoResults() {}

  /** The file for {@code classes}, answered with {@code instrument} on the template's days. */
  static String csv(Instrument instrument, ScheduleTemplate template, Classes classes) {
    Random random = new Random(SEED);
    StringBuilder csv =
        new StringBuilder(
            String.join(
                ",",
                ResultColumns.STUDENT,
                ResultColumns.COHORT,
                ResultColumns.STAGE,
                ResultColumns.INSTRUMENT,
                ResultColumns.VERSION,
                ResultColumns.COMPLETED_ON));
    for (Item item : instrument.items()) {
      csv.append(',').append(ResultColumns.item(item.number()));
    }
    csv.append('\n');
    cohort(
        csv, instrument, template, classes.declining(), DECLINING_SIZE, DECLINING_STAGES, random);
    cohort(csv, instrument, template, classes.steady(), STEADY_SIZE, STEADY_STAGES, random);
    return csv.toString();
  }

  private static void cohort(
      StringBuilder csv,
      Instrument instrument,
      ScheduleTemplate template,
      MatriculationYear year,
      int size,
      List<TrainingStage> stages,
      Random random) {
    int min = instrument.scale().min();
    int max = instrument.scale().max();
    String fell =
        instrument.subscales().stream()
            .map(s -> s.id().value())
            .filter(FELL::equals)
            .findFirst()
            .orElse(instrument.subscales().get(0).id().value());
    boolean declines = stages.equals(DECLINING_STAGES);
    for (int s = 1; s <= size; s++) {
      java.util.Map<String, Double> level = new java.util.HashMap<>();
      for (var subscale : instrument.subscales()) {
        level.put(subscale.id().value(), min + (max - min) * 0.68 + 0.6 * random.nextGaussian());
      }
      for (int w = 0; w < stages.size(); w++) {
        TrainingStage stage = stages.get(w);
        java.util.Map<String, Double> wave = new java.util.HashMap<>();
        level.forEach((k, v) -> wave.put(k, v + 0.3 * random.nextGaussian()));
        if (declines && w == stages.size() - 1) {
          wave.computeIfPresent(fell, (k, v) -> v - DROP);
        }
        LocalDate opens = template.window(year, template.stage(stage).orElseThrow()).opens();
        LocalDate completed = opens.plusDays(random.nextInt(21));
        StringBuilder row = new StringBuilder();
        row.append(String.format("demo-%d-%03d", year.value(), s))
            .append(',')
            .append(year.value())
            .append(',')
            .append(stage.code())
            .append(',')
            .append(instrument.id().value())
            .append(',')
            .append(instrument.version())
            .append(',')
            .append(completed);
        for (Item item : instrument.items()) {
          double value = wave.get(item.subscale().value()) + 0.7 * random.nextGaussian();
          int keyed = (int) Math.max(min, Math.min(max, Math.round(value)));
          row.append(',').append(item.reverse() ? instrument.scale().reverse(keyed) : keyed);
        }
        csv.append(row).append('\n');
      }
    }
  }
}
