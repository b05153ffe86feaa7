package org.rapport.curriculum.imports;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.rapport.curriculum.instruments.SubscaleId;

/**
 * Scores taken over as an earlier system computed them, for results whose item answers are not
 * available. Decimals, since earlier systems may have prorated.
 *
 * @param subscales the subscale scores given (possibly none), in the instrument's order
 */
public record GivenScores(BigDecimal total, Map<SubscaleId, BigDecimal> subscales) {
  public GivenScores {
    Objects.requireNonNull(total, "total");
    subscales = Collections.unmodifiableMap(new LinkedHashMap<>(subscales));
  }
}
