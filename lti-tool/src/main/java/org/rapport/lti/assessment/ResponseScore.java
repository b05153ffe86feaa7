package org.rapport.lti.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * The total score of a response as one definition version scored it. {@code keyedSum} is the exact
 * integer sum of the answered items' keyed scores; {@code value} equals it when every item was
 * answered and holds the prorated value otherwise; imported scores have only a value.
 */
@Entity
@Table(name = "assessment_score")
public class ResponseScore {
  /** COMPLETE and PRORATED as the scorer decided; GIVEN for imported scores. */
  public static final String GIVEN = "GIVEN";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "response_id", nullable = false)
  private Long responseId;

  @Column(name = "scored_with_version", nullable = false)
  private int scoredWithVersion;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ScoreOrigin origin;

  @Column(nullable = false)
  private String status;

  @Column(name = "keyed_sum")
  private Integer keyedSum;

  @Column(name = "score_value", nullable = false, precision = 10, scale = 4)
  private BigDecimal value;

  @Column(name = "answered_count")
  private Integer answered;

  @Column(name = "item_count", nullable = false)
  private int items;

  @Column(name = "rescore_run_id")
  private Long rescoreRunId;

  @Column(name = "scored_at", nullable = false)
  private OffsetDateTime scoredAt;

  protected ResponseScore() {}

  ResponseScore(
      long responseId,
      int scoredWithVersion,
      ScoreOrigin origin,
      String status,
      Integer keyedSum,
      BigDecimal value,
      Integer answered,
      int items,
      Long rescoreRunId,
      OffsetDateTime now) {
    this.responseId = responseId;
    this.scoredWithVersion = scoredWithVersion;
    this.origin = origin;
    this.status = status;
    this.keyedSum = keyedSum;
    this.value = value;
    this.answered = answered;
    this.items = items;
    this.rescoreRunId = rescoreRunId;
    this.scoredAt = now;
  }

  public Long getResponseId() {
    return responseId;
  }

  public int getScoredWithVersion() {
    return scoredWithVersion;
  }

  public ScoreOrigin getOrigin() {
    return origin;
  }

  public String getStatus() {
    return status;
  }

  public Integer getKeyedSum() {
    return keyedSum;
  }

  public BigDecimal getValue() {
    return value;
  }

  public Integer getAnswered() {
    return answered;
  }

  public int getItems() {
    return items;
  }

  public Long getRescoreRunId() {
    return rescoreRunId;
  }

  public OffsetDateTime getScoredAt() {
    return scoredAt;
  }
}
