package org.rapport.lti.modules;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A learner's private journal entry for a reflection step. Only the learner reads it (on the step
 * and in their export); no faculty page or aggregate ever includes it.
 */
@Entity
@Table(name = "reflection_entry")
@Cacheable(false)
public class ReflectionEntry {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "registration_id", nullable = false)
  private Long registrationId;

  @Column(name = "learner_id", nullable = false)
  private Long learnerId;

  @Column(name = "module_id", nullable = false)
  private String moduleId;

  @Column(name = "step_id", nullable = false)
  private String stepId;

  @Column(nullable = false)
  private String body;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected ReflectionEntry() {}

  public ReflectionEntry(
      long registrationId,
      long learnerId,
      String moduleId,
      String stepId,
      String body,
      OffsetDateTime now) {
    this.registrationId = registrationId;
    this.learnerId = learnerId;
    this.moduleId = moduleId;
    this.stepId = stepId;
    this.body = body;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public String getModuleId() {
    return moduleId;
  }

  public String getStepId() {
    return stepId;
  }

  public String getBody() {
    return body;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }

  void rewrite(String body, OffsetDateTime now) {
    this.body = body;
    this.updatedAt = now;
  }
}
