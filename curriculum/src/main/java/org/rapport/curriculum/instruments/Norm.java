package org.rapport.curriculum.instruments;

import java.util.Objects;

/**
 * A published norm for an instrument's total score: a reference group's mean and SD, what the group
 * is and where the figures were published. Dashboards draw it as a reference line.
 *
 * @param group who the norm describes, e.g. "first-year DO matriculants"
 * @param source where it was published, e.g. "Hojat et al. 2018"
 */
public record Norm(double mean, double sd, String group, String source) {

  public Norm {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(source, "source");
    if (!Double.isFinite(mean) || !Double.isFinite(sd) || sd <= 0) {
      throw new IllegalArgumentException("a norm needs a finite mean and a positive SD");
    }
  }
}
