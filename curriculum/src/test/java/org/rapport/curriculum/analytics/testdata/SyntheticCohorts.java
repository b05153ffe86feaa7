package org.rapport.curriculum.analytics.testdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.rapport.curriculum.analytics.CohortKey;
import org.rapport.curriculum.analytics.Dataset;
import org.rapport.curriculum.analytics.StudentKey;
import org.rapport.curriculum.analytics.WaveKey;

/**
 * Seeded synthetic cohorts on a JSE-like instrument: three subscales (PT, CC, SPS) whose sum is the
 * total, each with a random student intercept and independent noise, scores rounded to whole
 * points. A {@link Decline} lowers one subscale by a number of points from one wave on, so it
 * persists at the later waves.
 */
public final class SyntheticCohorts {

  public static final List<String> MEASURES = List.of("total", "PT", "CC", "SPS");
  public static final List<WaveKey> WAVES =
      List.of(
          new WaveKey("M"),
          new WaveKey("Y1"),
          new WaveKey("Y2"),
          new WaveKey("Y3"),
          new WaveKey("Y4"),
          new WaveKey("G"));

  // Per subscale: mean, between-student SD, within-student SD.
  private static final double[][] SUBSCALES = {{55, 5, 3}, {45, 4, 3}, {11, 1.5, 1}};

  /** Lowers {@code subscale} (1 = PT, 2 = CC, 3 = SPS) by {@code points} from {@code wave} on. */
  public record Decline(int subscale, int wave, double points) {}

  private record Spec(
      CohortKey key, int year, int size, int waves, double missing, List<Decline> declines) {}

  private final long seed;
  private final List<Spec> specs = new ArrayList<>();

  private SyntheticCohorts(long seed) {
    this.seed = seed;
  }

  public static SyntheticCohorts seed(long seed) {
    return new SyntheticCohorts(seed);
  }

  /**
   * Adds a cohort.
   *
   * @param waves how many of {@link #WAVES} it has reached
   * @param missing chance that a student skips a wave (independently per wave)
   */
  public SyntheticCohorts cohort(
      String id, int year, int size, int waves, double missing, Decline... declines) {
    specs.add(new Spec(new CohortKey(id), year, size, waves, missing, List.of(declines)));
    return this;
  }

  public Dataset build() {
    Random random = new Random(seed);
    Dataset.Builder builder = Dataset.builder(MEASURES);
    double[] scores = new double[4];
    double[] intercept = new double[3];
    for (Spec spec : specs) {
      builder.cohort(spec.key, spec.year).roster(spec.key, spec.size);
      for (int s = 0; s < spec.size; s++) {
        StudentKey student = new StudentKey(spec.key.value() + "/" + s);
        for (int k = 0; k < 3; k++) {
          intercept[k] = SUBSCALES[k][0] + SUBSCALES[k][1] * random.nextGaussian();
        }
        for (int w = 0; w < spec.waves; w++) {
          double total = 0;
          for (int k = 0; k < 3; k++) {
            double v = intercept[k] + SUBSCALES[k][2] * random.nextGaussian();
            for (Decline d : spec.declines) {
              if (d.subscale() == k + 1 && w >= d.wave()) {
                v -= d.points();
              }
            }
            scores[k + 1] = Math.round(v);
            total += scores[k + 1];
          }
          scores[0] = total;
          if (random.nextDouble() >= spec.missing) {
            builder.add(student, spec.key, WAVES.get(w), w, scores);
          }
        }
      }
    }
    return builder.build();
  }
}
