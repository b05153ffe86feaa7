package org.rapport.lti.observed;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One observed conversation of one student in an {@link EncounterSession}. */
@Entity
@Table(name = "encounter")
public class Encounter {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "session_id", nullable = false)
  private Long sessionId;

  @Column(name = "student_id", nullable = false)
  private Long studentId;

  @Column(nullable = false)
  private String station;

  @Column(name = "module_id")
  private String moduleId;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected Encounter() {}

  public Encounter(
      long sessionId, long studentId, String station, String moduleId, OffsetDateTime now) {
    this.sessionId = sessionId;
    this.studentId = studentId;
    this.station = station;
    this.moduleId = moduleId;
    this.createdAt = now;
  }

  public Long getId() {
    return id;
  }

  public Long getSessionId() {
    return sessionId;
  }

  public Long getStudentId() {
    return studentId;
  }

  public String getStation() {
    return station;
  }

  /** The module the encounter practises, or null. */
  public String getModuleId() {
    return moduleId;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }
}
