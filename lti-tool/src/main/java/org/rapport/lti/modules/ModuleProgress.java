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
 * Where one learner is in one module: the step they last opened and, once every step is done, when
 * they completed it. One row per learner and module, whichever course they work in; the row is
 * locked while a request changes anything of the module's progress, which is what makes the
 * completion happen once.
 */
@Entity
@Table(name = "module_progress")
@Cacheable(false)
public class ModuleProgress {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "registration_id", nullable = false)
  private Long registrationId;

  @Column(name = "learner_id", nullable = false)
  private Long learnerId;

  @Column(name = "course_id")
  private Long courseId;

  @Column(name = "module_id", nullable = false)
  private String moduleId;

  @Column(name = "current_step", nullable = false)
  private String currentStep;

  @Column(name = "started_at", nullable = false)
  private OffsetDateTime startedAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "completed_at")
  private OffsetDateTime completedAt;

  @Column(name = "completed_course_id")
  private Long completedCourseId;

  protected ModuleProgress() {}

  public ModuleProgress(
      long registrationId,
      long learnerId,
      Long courseId,
      String moduleId,
      String currentStep,
      OffsetDateTime now) {
    this.registrationId = registrationId;
    this.learnerId = learnerId;
    this.courseId = courseId;
    this.moduleId = moduleId;
    this.currentStep = currentStep;
    this.startedAt = now;
    this.updatedAt = now;
  }

  public Long getId() {
    return id;
  }

  public Long getLearnerId() {
    return learnerId;
  }

  public String getModuleId() {
    return moduleId;
  }

  public String getCurrentStep() {
    return currentStep;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }

  public OffsetDateTime getCompletedAt() {
    return completedAt;
  }

  public boolean isCompleted() {
    return completedAt != null;
  }

  void visit(String stepId, Long courseId, OffsetDateTime now) {
    this.currentStep = stepId;
    if (courseId != null) {
      this.courseId = courseId;
    }
    this.updatedAt = now;
  }

  void complete(Long courseId, OffsetDateTime now) {
    this.completedAt = now;
    this.completedCourseId = courseId;
    this.updatedAt = now;
  }
}
