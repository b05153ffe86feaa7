package org.rapport.lti.launch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A learner's role in a course; members who leave are marked inactive, never deleted. */
@Entity
@Table(name = "membership")
public class Membership {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "course_id", nullable = false)
  private Long courseId;

  @Column(name = "learner_id", nullable = false)
  private Long learnerId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CourseRole role;

  @Column(name = "role_uris", nullable = false)
  private String roleUris;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected Membership() {}

  public Membership(Long courseId, Long learnerId) {
    this.courseId = courseId;
    this.learnerId = learnerId;
  }

  public Long getId() {
    return id;
  }

  public Long getCourseId() {
    return courseId;
  }

  public Long getLearnerId() {
    return learnerId;
  }

  public CourseRole getRole() {
    return role;
  }

  public String getRoleUris() {
    return roleUris;
  }

  public boolean isActive() {
    return active;
  }

  public void update(CourseRole role, String roleUris, OffsetDateTime now) {
    this.role = role;
    this.roleUris = roleUris.length() > 4000 ? roleUris.substring(0, 4000) : roleUris;
    this.active = true;
    this.updatedAt = now;
  }

  /** The member's role and status as the course roster (NRPS) lists them. */
  public void rostered(CourseRole role, String roleUris, boolean active, OffsetDateTime now) {
    update(role, roleUris, now);
    this.active = active;
  }

  /** The member left the course: kept, marked inactive. */
  public void deactivate(OffsetDateTime now) {
    this.active = false;
    this.updatedAt = now;
  }
}
