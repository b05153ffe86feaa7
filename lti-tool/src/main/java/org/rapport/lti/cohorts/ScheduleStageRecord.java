package org.rapport.lti.cohorts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.rapport.curriculum.cohorts.ScheduledStage;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.curriculum.modules.TrainingPhase;

/** One stage line of a tenant's schedule template as stored. */
@Entity
@Table(name = "schedule_template_stage")
public class ScheduleStageRecord {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "template_id", nullable = false)
  private Long templateId;

  @Column(nullable = false)
  private String stage;

  @Column(name = "stage_order", nullable = false)
  private int stageOrder;

  @Column(nullable = false)
  private String label;

  @Column(name = "short_label", nullable = false)
  private String shortLabel;

  @Column(nullable = false)
  private String phase;

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
    this.stage = s.stage().code();
    this.stageOrder = s.stage().order();
    this.label = s.stage().label();
    this.shortLabel = s.stage().shortLabel();
    this.phase = s.stage().phaseAfter().yamlName();
    this.offsetMonths = s.offsetMonths();
    this.windowDays = s.windowDays();
    this.instrumentId = s.instrument().id().value();
    this.instrumentVersion = s.instrument().version();
  }

  /** A stored stage line's stage; the template places it in its programme. */
  static TrainingStage stage(
      String code, String label, String shortLabel, String phase, int order) {
    TrainingPhase phaseAfter = TrainingPhase.fromYamlName(phase).orElse(TrainingPhase.RESIDENCY);
    return new TrainingStage(code, label, shortLabel, phaseAfter, order, 0);
  }

  int stageOrder() {
    return stageOrder;
  }

  ScheduledStage toStage() {
    return new ScheduledStage(
        stage(stage, label, shortLabel, phase, stageOrder),
        offsetMonths,
        windowDays,
        InstrumentRef.of(instrumentId, instrumentVersion));
  }
}
