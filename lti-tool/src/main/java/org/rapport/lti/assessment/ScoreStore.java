package org.rapport.lti.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rapport.curriculum.assessments.ScaleScore;
import org.rapport.curriculum.assessments.ScoringResult;
import org.rapport.curriculum.instruments.SubscaleId;

/**
 * Stores scores with the definition version that computed them, and reads a response's current
 * score. Exact sums are stored as integers; values as decimals with four places.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ScoreStore {
  @Inject Clock clock;

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  /** A stored score with its subscales, in the instrument's order. */
  public record StoredScore(ResponseScore total, List<SubscaleScoreRecord> subscales) {}

  /** Stores a score Rapport computed. */
  public void store(long responseId, int version, ScoringResult score, Long rescoreRunId) {
    ScaleScore total = score.total().orElseThrow();
    em.persist(
        new ResponseScore(
            responseId,
            version,
            ScoreOrigin.SCORED,
            score.status().name(),
            total.keyedSum(),
            decimal(total.value()),
            total.answered(),
            total.items(),
            rescoreRunId,
            OffsetDateTime.now(clock)));
    for (Map.Entry<SubscaleId, ScaleScore> s : score.subscales().entrySet()) {
      em.persist(
          new SubscaleScoreRecord(
              responseId,
              version,
              s.getKey().value(),
              s.getValue().keyedSum(),
              decimal(s.getValue().value()),
              s.getValue().answered(),
              s.getValue().items()));
    }
    em.flush();
  }

  /**
   * The score of {@code responseId} by {@code version}; empty when that version did not score it.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<StoredScore> find(long responseId, Integer version) {
    if (version == null) {
      return Optional.empty();
    }
    Optional<ResponseScore> total =
        em.createQuery(
                "select s from ResponseScore s where s.responseId = :r and s.scoredWithVersion ="
                    + " :v",
                ResponseScore.class)
            .setParameter("r", responseId)
            .setParameter("v", version)
            .getResultStream()
            .findFirst();
    return total.map(
        t ->
            new StoredScore(
                t,
                em.createQuery(
                        "select s from SubscaleScoreRecord s where s.responseId = :r and"
                            + " s.scoredWithVersion = :v",
                        SubscaleScoreRecord.class)
                    .setParameter("r", responseId)
                    .setParameter("v", version)
                    .getResultList()));
  }

  /** Every score of a response, oldest version first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ResponseScore> all(long responseId) {
    return em.createQuery(
            "select s from ResponseScore s where s.responseId = :r order by s.scoredWithVersion",
            ResponseScore.class)
        .setParameter("r", responseId)
        .getResultList();
  }

  /** A score value as stored: four decimal places, half up. */
  public static BigDecimal decimal(double value) {
    return scale(BigDecimal.valueOf(value));
  }

  /** A given score value as stored: four decimal places, half up. */
  public static BigDecimal scale(BigDecimal value) {
    return value.setScale(4, RoundingMode.HALF_UP);
  }
}
