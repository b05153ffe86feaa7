package org.rapport.curriculum.analytics;

import java.util.Map;
import java.util.Objects;

/**
 * One student's scored self-assessment at one wave.
 *
 * @param waveOrder position of the wave in the training sequence (matriculation 0, Y1 1, ...); the
 *     same wave key always has the same order
 * @param scores measure id ("total" or a subscale id) to score; a measure left out is missing
 */
public record Observation(
    StudentKey student, CohortKey cohort, WaveKey wave, int waveOrder, Map<String, Double> scores) {
  public Observation {
    Objects.requireNonNull(student, "student");
    Objects.requireNonNull(cohort, "cohort");
    Objects.requireNonNull(wave, "wave");
    scores = Map.copyOf(scores);
  }
}
