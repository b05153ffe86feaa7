package org.rapport.lti.observed;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.rapport.curriculum.assessments.ScaleScore;
import org.rapport.curriculum.assessments.ScoringResult;
import org.rapport.curriculum.assessments.ScoringStatus;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.SubscaleId;

/**
 * The rating one rater gave one encounter: the answers as given, the form's total and subscale
 * scores (prorated when the form allows items that could not be judged) and the comment. A rater
 * has at most one (the table's unique key), which is what makes a link single-use.
 */
@Entity
@Table(name = "observed_rating")
public class ObservedRating {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "rater_id", nullable = false)
  private Long raterId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private RatingStatus status;

  @Column(name = "score_value")
  private BigDecimal scoreValue;

  @Column(name = "answered_count")
  private Integer answeredCount;

  @Column(name = "item_count", nullable = false)
  private Integer itemCount;

  @Column(name = "comment")
  private String comment;

  @Column(name = "submitted_at", nullable = false)
  private OffsetDateTime submittedAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "observed_rating_answer", joinColumns = @JoinColumn(name = "rating_id"))
  @MapKeyColumn(name = "item")
  @Column(name = "answer")
  private Map<Integer, Integer> answers = new TreeMap<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "observed_rating_subscale", joinColumns = @JoinColumn(name = "rating_id"))
  @MapKeyColumn(name = "subscale_id")
  @Column(name = "score_value")
  private Map<String, BigDecimal> subscales = new TreeMap<>();

  protected ObservedRating() {}

  private ObservedRating(
      long raterId,
      RatingStatus status,
      BigDecimal scoreOrNull,
      Integer answeredCount,
      int itemCount,
      Map<Integer, Integer> answers,
      Map<String, BigDecimal> subscales,
      String commentOrNull,
      OffsetDateTime now) {
    this.raterId = raterId;
    this.status = status;
    this.scoreValue = scoreOrNull;
    this.answeredCount = answeredCount;
    this.itemCount = itemCount;
    this.answers = new TreeMap<>(answers);
    this.subscales = new TreeMap<>(subscales);
    this.comment = commentOrNull;
    this.submittedAt = now;
  }

  /** A rating scored with its form's key; {@code result} must not be incomplete. */
  public static ObservedRating scored(
      long raterId,
      Instrument form,
      ScoringResult result,
      Map<Integer, Integer> answers,
      String commentOrNull,
      OffsetDateTime now) {
    ScaleScore total =
        result
            .total()
            .orElseThrow(() -> new IllegalArgumentException("an incomplete rating has no score"));
    Map<String, BigDecimal> subscales = new TreeMap<>();
    for (Map.Entry<SubscaleId, ScaleScore> e : result.subscales().entrySet()) {
      subscales.put(e.getKey().value(), decimal(e.getValue().value()));
    }
    return new ObservedRating(
        raterId,
        result.status() == ScoringStatus.COMPLETE ? RatingStatus.COMPLETE : RatingStatus.PRORATED,
        decimal(total.value()),
        total.answered(),
        form.items().size(),
        answers,
        subscales,
        commentOrNull,
        now);
  }

  /** A rating imported as a total on {@code form}, without item answers. */
  public static ObservedRating given(
      long raterId, Instrument form, BigDecimal total, String commentOrNull, OffsetDateTime now) {
    return new ObservedRating(
        raterId,
        RatingStatus.GIVEN,
        total.setScale(4, RoundingMode.HALF_UP),
        null,
        form.items().size(),
        Map.of(),
        Map.of(),
        commentOrNull,
        now);
  }

  private static BigDecimal decimal(double value) {
    return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
  }

  public Long getId() {
    return id;
  }

  public Long getRaterId() {
    return raterId;
  }

  public RatingStatus getStatus() {
    return status;
  }

  /** The form's total, or null when the rating is incomplete. */
  public BigDecimal getScoreValue() {
    return scoreValue;
  }

  public Integer getAnsweredCount() {
    return answeredCount;
  }

  public int getItemCount() {
    return itemCount;
  }

  public String getComment() {
    return comment;
  }

  public OffsetDateTime getSubmittedAt() {
    return submittedAt;
  }

  /** Item number to answer as given, ascending. */
  public Map<Integer, Integer> getAnswers() {
    return Collections.unmodifiableMap(answers);
  }

  /** Subscale id to score. */
  public Map<String, BigDecimal> getSubscales() {
    return Collections.unmodifiableMap(subscales);
  }
}
