package org.rapport.curriculum.assessments;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.curriculum.instruments.SubscaleId;

/**
 * The result of scoring one response to one instrument version. An {@link ScoringStatus#INCOMPLETE}
 * response has no subscale or total scores, only the limits it exceeded.
 *
 * @param subscales by subscale, in the instrument's order
 * @param missingItems the unanswered item numbers, ascending
 */
public record ScoringResult(
    InstrumentRef instrument,
    ScoringStatus status,
    Map<SubscaleId, ScaleScore> subscales,
    Optional<ScaleScore> total,
    List<Integer> missingItems,
    List<MissingLimitExceeded> incompleteBecause) {

  public ScoringResult {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(total, "total");
    subscales = Collections.unmodifiableMap(new LinkedHashMap<>(subscales));
    missingItems = List.copyOf(missingItems);
    incompleteBecause = List.copyOf(incompleteBecause);
    boolean incomplete = status == ScoringStatus.INCOMPLETE;
    if (incomplete != !incompleteBecause.isEmpty()
        || incomplete != total.isEmpty()
        || incomplete != subscales.isEmpty()) {
      throw new IllegalArgumentException(
          "an incomplete score has reasons and no values; any other has values and no reasons");
    }
    if ((status == ScoringStatus.COMPLETE) != missingItems.isEmpty()) {
      throw new IllegalArgumentException("a complete score has no missing items");
    }
  }

  public Optional<ScaleScore> subscale(SubscaleId subscale) {
    return Optional.ofNullable(subscales.get(subscale));
  }

  public boolean scored() {
    return status != ScoringStatus.INCOMPLETE;
  }
}
