package org.rapport.lti.observed;

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

/**
 * One planned event of observed practice in a course (an OSCE day, a standardized-patient practice,
 * a clerkship block, a peer role-play a student asked for), or one imported set of past results.
 * Its encounters' ratings reach the students once it is released.
 */
@Entity
@Table(name = "encounter_session")
public class EncounterSession {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "registration_id", nullable = false)
  private Long registrationId;

  @Column(name = "course_id")
  private Long courseId;

  @Column(nullable = false)
  private String title;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private EncounterSetting setting;

  @Column(name = "held_on", nullable = false)
  private LocalDate heldOn;

  @Column(name = "stage")
  private String stage;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private SessionOrigin origin;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "released_at")
  private OffsetDateTime releasedAt;

  @Column(name = "released_by")
  private String releasedBy;

  protected EncounterSession() {}

  public EncounterSession(
      long registrationId,
      Long courseId,
      String title,
      EncounterSetting setting,
      LocalDate heldOn,
      String stage,
      SessionOrigin origin,
      String createdBy,
      OffsetDateTime now) {
    this.registrationId = registrationId;
    this.courseId = courseId;
    this.title = title;
    this.setting = setting;
    this.heldOn = heldOn;
    this.stage = stage;
    this.origin = origin;
    this.createdBy = createdBy;
    this.createdAt = now;
  }

  public Long getId() {
    return id;
  }

  public Long getRegistrationId() {
    return registrationId;
  }

  /** The course, or null for imported results. */
  public Long getCourseId() {
    return courseId;
  }

  public String getTitle() {
    return title;
  }

  public EncounterSetting getSetting() {
    return setting;
  }

  public LocalDate getHeldOn() {
    return heldOn;
  }

  /** The training stage code the encounters count toward, or null. */
  public String getStage() {
    return stage;
  }

  public SessionOrigin getOrigin() {
    return origin;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getReleasedAt() {
    return releasedAt;
  }

  public String getReleasedBy() {
    return releasedBy;
  }

  public boolean isReleased() {
    return releasedAt != null;
  }

  /** Releases the ratings to the students; a second release changes nothing. */
  public void release(String by, OffsetDateTime now) {
    if (releasedAt == null) {
      releasedAt = now;
      releasedBy = by;
    }
  }
}
