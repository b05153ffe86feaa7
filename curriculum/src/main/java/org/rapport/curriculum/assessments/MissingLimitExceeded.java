package org.rapport.curriculum.assessments;

import java.util.Objects;
import java.util.Optional;
import org.rapport.curriculum.instruments.SubscaleId;

/**
 * Why a response is incomplete: more items unanswered than allowed, in one subscale or in all.
 *
 * @param subscale the subscale over its limit, or empty for the limit on the whole instrument
 * @param missing how many items are unanswered there
 * @param items how many items there are there
 * @param limit how many may be missing there (for a subscale never more than its items − 1, since a
 *     mean needs at least one answer)
 */
public record MissingLimitExceeded(
    Optional<SubscaleId> subscale, int missing, int items, int limit) {

  static final String IN_SUBSCALE =
      "%d of %d items unanswered in subscale %s; at most %d may be missing";
  static final String IN_TOTAL = "%d of %d items unanswered; at most %d may be missing in total";

  public MissingLimitExceeded {
    Objects.requireNonNull(subscale, "subscale");
    if (missing <= limit) {
      throw new IllegalArgumentException(missing + " missing is within the limit " + limit);
    }
  }

  public String message() {
    return subscale
        .map(s -> String.format(IN_SUBSCALE, missing, items, s, limit))
        .orElseGet(() -> String.format(IN_TOTAL, missing, items, limit));
  }
}
