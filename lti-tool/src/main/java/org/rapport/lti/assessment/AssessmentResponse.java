package org.rapport.lti.assessment;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.rapport.curriculum.instruments.InstrumentRef;

/**
 * A student's response to one wave with one instrument version: a draft while answering, then
 * submitted once; or imported. The database allows one per student, wave and instrument.
 */
@Entity
@Table(name = "assessment_response")
public class AssessmentResponse {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "student_id", nullable = false)
  private Long studentId;

  @Column(name = "wave_id", nullable = false)
  private Long waveId;

  @Column(name = "instrument_id", nullable = false)
  private String instrumentId;

  @Column(name = "instrument_version", nullable = false)
  private int instrumentVersion;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ResponseStatus status;

  @Column(name = "started_at", nullable = false)
  private OffsetDateTime startedAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "submitted_at")
  private OffsetDateTime submittedAt;

  @Column(name = "completed_on")
  private LocalDate completedOn;

  @Column(name = "score_version")
  private Integer scoreVersion;

  @Column(name = "import_job_id")
  private Long importJobId;

  /** The raw answers by item number, as given (never reverse-keyed): table assessment_answer. */
  @ElementCollection
  @CollectionTable(name = "assessment_answer", joinColumns = @JoinColumn(name = "response_id"))
  @MapKeyColumn(name = "item")
  @Column(name = "answer", nullable = false)
  private Map<Integer, Integer> answers = new HashMap<>();

  protected AssessmentResponse() {}

  AssessmentResponse(long studentId, long waveId, InstrumentRef instrument, OffsetDateTime now) {
    this.studentId = studentId;
    this.waveId = waveId;
    this.instrumentId = instrument.id().value();
    this.instrumentVersion = instrument.version();
    this.status = ResponseStatus.DRAFT;
    this.startedAt = now;
    this.updatedAt = now;
  }

  public Long getId() {
    return id;
  }

  public Long getStudentId() {
    return studentId;
  }

  public Long getWaveId() {
    return waveId;
  }

  public InstrumentRef instrument() {
    return InstrumentRef.of(instrumentId, instrumentVersion);
  }

  public String getInstrumentId() {
    return instrumentId;
  }

  public ResponseStatus getStatus() {
    return status;
  }

  public OffsetDateTime getStartedAt() {
    return startedAt;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }

  public OffsetDateTime getSubmittedAt() {
    return submittedAt;
  }

  public LocalDate getCompletedOn() {
    return completedOn;
  }

  public Integer getScoreVersion() {
    return scoreVersion;
  }

  /** The raw answers by item number. */
  public SortedMap<Integer, Integer> answers() {
    return Collections.unmodifiableSortedMap(new TreeMap<>(answers));
  }

  /** Replaces the answer sheet: rows of items no longer answered go, others are added or set. */
  void answer(Map<Integer, Integer> byItem, OffsetDateTime now) {
    for (Integer item : List.copyOf(answers.keySet())) {
      if (!byItem.containsKey(item)) {
        answers.remove(item);
      }
    }
    answers.putAll(byItem);
    this.updatedAt = now;
  }

  void submitted(OffsetDateTime now, int scoredWithVersion) {
    this.status = ResponseStatus.SUBMITTED;
    this.submittedAt = now;
    this.completedOn = now.toLocalDate();
    this.updatedAt = now;
    this.scoreVersion = scoredWithVersion;
  }

  void rescored(int version, OffsetDateTime now) {
    this.scoreVersion = version;
    this.updatedAt = now;
  }

  void reassign(long studentId) {
    this.studentId = studentId;
  }
}
