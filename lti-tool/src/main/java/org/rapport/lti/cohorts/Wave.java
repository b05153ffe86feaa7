package org.rapport.lti.cohorts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.cohorts.WaveWindow;
import org.rapport.curriculum.instruments.InstrumentRef;

/**
 * One administration of the self-assessment to a cohort at one training stage of its tenant's
 * programme: its window (both days included; none for waves taken over from an import) and the
 * instrument version it uses.
 */
@Entity
@Table(name = "wave")
public class Wave {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "cohort_id", nullable = false)
  private Long cohortId;

  @Column(nullable = false)
  private String stage;

  @Column(name = "opens_on")
  private LocalDate opensOn;

  @Column(name = "closes_on")
  private LocalDate closesOn;

  @Column(name = "instrument_id", nullable = false)
  private String instrumentId;

  @Column(name = "instrument_version", nullable = false)
  private int instrumentVersion;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private WaveOrigin origin;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected Wave() {}

  Wave(
      long cohortId,
      TrainingStage stage,
      WaveWindow window,
      InstrumentRef instrument,
      WaveOrigin origin,
      OffsetDateTime now) {
    this.cohortId = cohortId;
    this.stage = stage.code();
    this.opensOn = window == null ? null : window.opens();
    this.closesOn = window == null ? null : window.closes();
    this.instrumentId = instrument.id().value();
    this.instrumentVersion = instrument.version();
    this.origin = origin;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public Long getId() {
    return id;
  }

  public Long getCohortId() {
    return cohortId;
  }

  /**
   * The stage's code; {@link Waves#stage(Wave)} gives the stage as the tenant's programme names it.
   */
  public String getStageCode() {
    return stage;
  }

  public Optional<WaveWindow> window() {
    return opensOn == null ? Optional.empty() : Optional.of(new WaveWindow(opensOn, closesOn));
  }

  public InstrumentRef instrument() {
    return InstrumentRef.of(instrumentId, instrumentVersion);
  }

  public WaveOrigin getOrigin() {
    return origin;
  }

  /** Whether students can answer it on {@code today}. */
  public boolean isOpen(LocalDate today) {
    return window().map(w -> w.contains(today)).orElse(false);
  }

  void change(WaveWindow window, InstrumentRef instrument, OffsetDateTime now) {
    this.opensOn = window.opens();
    this.closesOn = window.closes();
    this.instrumentId = instrument.id().value();
    this.instrumentVersion = instrument.version();
    this.origin = WaveOrigin.ADMIN;
    this.updatedAt = now;
  }
}
