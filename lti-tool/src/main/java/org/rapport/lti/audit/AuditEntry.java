package org.rapport.lti.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One access to student-level data: who, when, what, and about which student. */
@Entity
@Table(name = "audit_log")
public class AuditEntry {
  /** Who acted. */
  public enum ActorKind {
    ADMIN,
    STUDENT,
    FACULTY,
    SYSTEM
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false)
  private OffsetDateTime occurredAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "actor_kind", nullable = false)
  private ActorKind actorKind;

  @Column(nullable = false)
  private String actor;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private AuditAction action;

  @Column(name = "registration_id")
  private Long registrationId;

  @Column(name = "student_id")
  private Long studentId;

  private String detail;

  protected AuditEntry() {}

  AuditEntry(
      OffsetDateTime occurredAt,
      ActorKind actorKind,
      String actor,
      AuditAction action,
      Long registrationId,
      Long studentId,
      String detail) {
    this.occurredAt = occurredAt;
    this.actorKind = actorKind;
    this.actor = actor;
    this.action = action;
    this.registrationId = registrationId;
    this.studentId = studentId;
    this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
  }

  public Long getId() {
    return id;
  }

  public OffsetDateTime getOccurredAt() {
    return occurredAt;
  }

  public ActorKind getActorKind() {
    return actorKind;
  }

  public String getActor() {
    return actor;
  }

  public AuditAction getAction() {
    return action;
  }

  public Long getRegistrationId() {
    return registrationId;
  }

  public Long getStudentId() {
    return studentId;
  }

  public String getDetail() {
    return detail;
  }
}
