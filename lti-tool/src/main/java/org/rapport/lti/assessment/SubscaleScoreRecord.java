package org.rapport.lti.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/** One subscale score of a response as one definition version scored it. */
@Entity
@Table(name = "assessment_subscale_score")
@IdClass(SubscaleScoreRecord.Key.class)
public class SubscaleScoreRecord {
  @Id
  @Column(name = "response_id")
  private Long responseId;

  @Id
  @Column(name = "scored_with_version")
  private Integer scoredWithVersion;

  @Id
  @Column(name = "subscale_id")
  private String subscaleId;

  @Column(name = "keyed_sum")
  private Integer keyedSum;

  @Column(name = "score_value", nullable = false, precision = 10, scale = 4)
  private BigDecimal value;

  @Column(name = "answered_count")
  private Integer answered;

  @Column(name = "item_count", nullable = false)
  private int items;

  protected SubscaleScoreRecord() {}

  SubscaleScoreRecord(
      long responseId,
      int scoredWithVersion,
      String subscaleId,
      Integer keyedSum,
      BigDecimal value,
      Integer answered,
      int items) {
    this.responseId = responseId;
    this.scoredWithVersion = scoredWithVersion;
    this.subscaleId = subscaleId;
    this.keyedSum = keyedSum;
    this.value = value;
    this.answered = answered;
    this.items = items;
  }

  public String getSubscaleId() {
    return subscaleId;
  }

  public int getScoredWithVersion() {
    return scoredWithVersion;
  }

  public Integer getKeyedSum() {
    return keyedSum;
  }

  public BigDecimal getValue() {
    return value;
  }

  /** The composite key: response, version and subscale. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private Long responseId;
    private Integer scoredWithVersion;
    private String subscaleId;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(k.responseId, responseId)
          && Objects.equals(k.scoredWithVersion, scoredWithVersion)
          && Objects.equals(k.subscaleId, subscaleId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(responseId, scoredWithVersion, subscaleId);
    }
  }
}
