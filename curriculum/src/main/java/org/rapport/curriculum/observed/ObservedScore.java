package org.rapport.curriculum.observed;

import java.util.Map;
import java.util.Objects;
import org.rapport.curriculum.analytics.CohortKey;
import org.rapport.curriculum.analytics.StudentKey;
import org.rapport.curriculum.analytics.WaveKey;

/**
 * One observed rating of one student, already in percent of scale.
 *
 * @param stage the training stage the encounter counts toward (the observed counterpart of a wave)
 * @param stageOrder position of the stage in the programme; the same stage always has the same
 *     order
 * @param raterGroup who rated, e.g. {@code PATIENT}, {@code FACULTY}, {@code PEER}
 * @param percents measure ("total" or a domain id) → percent of scale; a measure left out was not
 *     scored
 */
public record ObservedScore(
    StudentKey student,
    CohortKey cohort,
    WaveKey stage,
    int stageOrder,
    String raterGroup,
    Map<String, Double> percents) {

  public ObservedScore {
    Objects.requireNonNull(student, "student");
    Objects.requireNonNull(cohort, "cohort");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(raterGroup, "raterGroup");
    if (raterGroup.isBlank() || ObservedTrends.OVERALL.equals(raterGroup)) {
      throw new IllegalArgumentException("A rater group needs a name other than the overall one.");
    }
    percents = Map.copyOf(percents);
    for (Map.Entry<String, Double> e : percents.entrySet()) {
      if (!Double.isFinite(e.getValue()) || e.getValue() < 0 || e.getValue() > 100) {
        throw new IllegalArgumentException(
            "A percent of scale lies between 0 and 100: " + e.getKey() + " = " + e.getValue());
      }
    }
  }
}
