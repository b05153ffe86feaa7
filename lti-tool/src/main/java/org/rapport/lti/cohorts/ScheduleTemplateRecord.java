package org.rapport.lti.cohorts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.MonthDay;
import java.time.OffsetDateTime;

/**
 * A tenant's own schedule template as stored: the anchor day; its stages are {@link
 * ScheduleStageRecord}s.
 */
@Entity
@Table(name = "schedule_template")
public class ScheduleTemplateRecord {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "registration_id", nullable = false)
  private Long registrationId;

  @Column(name = "anchor_month", nullable = false)
  private int anchorMonth;

  @Column(name = "anchor_day", nullable = false)
  private int anchorDay;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "updated_by", nullable = false)
  private String updatedBy;

  protected ScheduleTemplateRecord() {}

  ScheduleTemplateRecord(long registrationId) {
    this.registrationId = registrationId;
  }

  void update(MonthDay anchor, String by, OffsetDateTime now) {
    this.anchorMonth = anchor.getMonthValue();
    this.anchorDay = anchor.getDayOfMonth();
    this.updatedAt = now;
    this.updatedBy = by;
  }

  public Long getId() {
    return id;
  }

  public MonthDay anchor() {
    return MonthDay.of(anchorMonth, anchorDay);
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }
}
