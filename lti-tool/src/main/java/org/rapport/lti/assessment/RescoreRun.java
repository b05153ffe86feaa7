package org.rapport.lti.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An administrator's re-scoring: which definition version re-scored answers of which. */
@Entity
@Table(name = "rescore_run")
public class RescoreRun {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "instrument_id", nullable = false)
  private String instrumentId;

  @Column(name = "from_version", nullable = false)
  private int fromVersion;

  @Column(name = "to_version", nullable = false)
  private int toVersion;

  @Column(name = "requested_by", nullable = false)
  private String requestedBy;

  @Column(name = "requested_at", nullable = false)
  private OffsetDateTime requestedAt;

  @Column(name = "responses_rescored", nullable = false)
  private int responsesRescored;

  protected RescoreRun() {}

  RescoreRun(String instrumentId, int fromVersion, int toVersion, String by, OffsetDateTime now) {
    this.instrumentId = instrumentId;
    this.fromVersion = fromVersion;
    this.toVersion = toVersion;
    this.requestedBy = by;
    this.requestedAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getInstrumentId() {
    return instrumentId;
  }

  public int getFromVersion() {
    return fromVersion;
  }

  public int getToVersion() {
    return toVersion;
  }

  public String getRequestedBy() {
    return requestedBy;
  }

  public OffsetDateTime getRequestedAt() {
    return requestedAt;
  }

  public int getResponsesRescored() {
    return responsesRescored;
  }

  void finished(int rescored) {
    this.responsesRescored = rescored;
  }
}
