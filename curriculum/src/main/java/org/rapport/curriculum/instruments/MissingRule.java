package org.rapport.curriculum.instruments;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * How many unanswered items a response may have and still be scored, and how they are filled in.
 * Beyond either limit the response is incomplete and gets no score.
 *
 * @param maxMissingPerSubscale at most this many missing in any one subscale, when set; a subscale
 *     with no answered item at all can never be prorated, whatever this says
 * @param maxMissingTotal at most this many missing across the whole instrument
 */
public record MissingRule(
    OptionalInt maxMissingPerSubscale, int maxMissingTotal, ProrationMethod method) {

  public MissingRule {
    Objects.requireNonNull(maxMissingPerSubscale, "maxMissingPerSubscale");
    Objects.requireNonNull(method, "method");
    if (maxMissingTotal < 0 || maxMissingPerSubscale.orElse(0) < 0) {
      throw new IllegalArgumentException("missing-answer limits must be 0 or greater");
    }
  }
}
