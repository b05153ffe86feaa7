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
 * What a learner did in one step of a module: whether it is done, and by kind the path taken
 * through a scenario, the answers and score of a knowledge check, or the practice answer and the
 * checklist points ticked. Practice answers, like reflections, are for the learner alone.
 */
@Entity
@Table(name = "module_step_result")
@Cacheable(false)
public class StepResult {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "progress_id", nullable = false)
  private Long progressId;

  @Column(name = "step_id", nullable = false)
  private String stepId;

  @Column(name = "completed_at")
  private OffsetDateTime completedAt;

  @Column(name = "scenario_path")
  private String scenarioPath;

  @Column(name = "check_answers")
  private String checkAnswers;

  @Column(name = "check_score")
  private Integer checkScore;

  @Column(name = "check_total")
  private Integer checkTotal;

  @Column(name = "practice_text")
  private String practiceText;

  @Column(name = "practice_ticks")
  private String practiceTicks;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected StepResult() {}

  public StepResult(long progressId, String stepId, OffsetDateTime now) {
    this.progressId = progressId;
    this.stepId = stepId;
    this.updatedAt = now;
  }

  public Long getProgressId() {
    return progressId;
  }

  public String getStepId() {
    return stepId;
  }

  public boolean isDone() {
    return completedAt != null;
  }

  public String getScenarioPath() {
    return scenarioPath;
  }

  public String getCheckAnswers() {
    return checkAnswers;
  }

  public Integer getCheckScore() {
    return checkScore;
  }

  public Integer getCheckTotal() {
    return checkTotal;
  }

  public String getPracticeText() {
    return practiceText;
  }

  public String getPracticeTicks() {
    return practiceTicks;
  }

  void done(OffsetDateTime now) {
    if (completedAt == null) {
      completedAt = now;
    }
    updatedAt = now;
  }

  void scenarioPath(String path, OffsetDateTime now) {
    this.scenarioPath = path;
    this.updatedAt = now;
  }

  void checkAnswers(String answers, int score, int total, OffsetDateTime now) {
    this.checkAnswers = answers;
    this.checkScore = score;
    this.checkTotal = total;
    this.updatedAt = now;
  }

  void practice(String text, String ticks, OffsetDateTime now) {
    this.practiceText = text;
    this.practiceTicks = ticks;
    this.updatedAt = now;
  }
}
