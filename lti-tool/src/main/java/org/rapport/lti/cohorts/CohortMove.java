package org.rapport.lti.cohorts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One change of a student's cohort (the first placement included): who, when and why. */
@Entity
@Table(name = "cohort_move")
public class CohortMove {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "student_id", nullable = false)
  private Long studentId;

  @Column(name = "from_cohort_id")
  private Long fromCohortId;

  @Column(name = "to_cohort_id", nullable = false)
  private Long toCohortId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CohortSource source;

  @Column(name = "moved_by", nullable = false)
  private String movedBy;

  @Column(nullable = false)
  private String reason;

  @Column(name = "moved_at", nullable = false)
  private OffsetDateTime movedAt;

  protected CohortMove() {}

  CohortMove(
      long studentId,
      Long fromCohortId,
      long toCohortId,
      CohortSource source,
      String movedBy,
      String reason,
      OffsetDateTime now) {
    this.studentId = studentId;
    this.fromCohortId = fromCohortId;
    this.toCohortId = toCohortId;
    this.source = source;
    this.movedBy = movedBy;
    this.reason = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
    this.movedAt = now;
  }

  public Long getStudentId() {
    return studentId;
  }

  public Long getFromCohortId() {
    return fromCohortId;
  }

  public Long getToCohortId() {
    return toCohortId;
  }

  public CohortSource getSource() {
    return source;
  }

  public String getMovedBy() {
    return movedBy;
  }

  public String getReason() {
    return reason;
  }

  public OffsetDateTime getMovedAt() {
    return movedAt;
  }

  void reassign(long studentId) {
    this.studentId = studentId;
  }
}
