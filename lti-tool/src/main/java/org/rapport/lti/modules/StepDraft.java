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
 * What a learner has typed into a practice answer or a reflection and not yet submitted, saved
 * while they write so that nothing is lost when the page closes. One per learner, module and step;
 * it goes when the step is submitted. Like a {@link ReflectionEntry}, only the learner reads it.
 */
@Entity
@Table(name = "step_draft")
@Cacheable(false)
public class StepDraft {
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

  @Column(name = "saved_at", nullable = false)
  private OffsetDateTime savedAt;

  protected StepDraft() {}

  /**
   * Whether {@code text} is worth keeping as a draft beside {@code submittedOrNull}, what the step
   * holds as submitted: not when it is blank (nothing to lose) and not when it is the submitted
   * text itself, which also makes an autosave that arrives just after the submission leave no
   * draft.
   */
  static boolean worthKeeping(String text, String submittedOrNull) {
    return !text.isBlank() && !text.equals(submittedOrNull);
  }

  public StepDraft(
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
    this.savedAt = now;
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

  public OffsetDateTime getSavedAt() {
    return savedAt;
  }

  void rewrite(String body, OffsetDateTime now) {
    this.body = body;
    this.savedAt = now;
  }
}
