package org.rapport.lti.cohorts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.rapport.curriculum.cohorts.ScheduledStage;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.instruments.InstrumentRef;

/** One stage line of a tenant's schedule template as stored. */
@Entity
@Table(name = "schedule_template_stage")
public class ScheduleStageRecord {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "template_id", nullable = false)
  private Long templateId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private TrainingStage stage;

  @Column(name = "offset_months", nullable = false)
  private int offsetMonths;

  @Column(name = "window_days", nullable = false)
  private int windowDays;

  @Column(name = "instrument_id", nullable = false)
  private String instrumentId;

  @Column(name = "instrument_version", nullable = false)
  private int instrumentVersion;

  protected ScheduleStageRecord() {}

  ScheduleStageRecord(long templateId, ScheduledStage s) {
    this.templateId = templateId;
    this.stage = s.stage();
    this.offsetMonths = s.offsetMonths();
    this.windowDays = s.windowDays();
    this.instrumentId = s.instrument().id().value();
    this.instrumentVersion = s.instrument().version();
  }

  ScheduledStage toStage() {
    return new ScheduledStage(
        stage, offsetMonths, windowDays, InstrumentRef.of(instrumentId, instrumentVersion));
  }
}
