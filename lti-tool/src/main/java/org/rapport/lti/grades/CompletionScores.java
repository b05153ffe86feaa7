package org.rapport.lti.grades;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.rapport.curriculum.modules.LearnerRef;
import org.rapport.curriculum.modules.ModuleCompleted;
import org.rapport.lti.activities.Activities;
import org.rapport.lti.activities.Activity;
import org.rapport.lti.assessment.AssessmentSubmitted;
import org.rapport.lti.protocol.ags.Score;

/**
 * Turns completions into queued scores: completion and progress only ({@code scoreGiven} 1 of 1,
 * {@code Completed}, {@code FullyGraded}); what a learner answered never leaves Rapport.
 *
 * <p>A completion is reported to the course's resource links that open the completed activity and
 * whose launch granted the score scope; when the learner came through one of them, to that one
 * only. Module completions arrive as {@link ModuleCompleted}, submitted self-assessment waves as
 * {@link AssessmentSubmitted}; both are observed in the transaction that records them, so the
 * completion and its scores commit together.
 */
@ApplicationScoped
public class CompletionScores {
  private static final Logger LOG = Logger.getLogger(CompletionScores.class.getName());

  @Inject Activities activities;
  @Inject ScoreOutbox outbox;

  /** Runs in the module player's transaction, so the completion and its scores commit together. */
  @Transactional
  public void onModuleCompleted(@Observes ModuleCompleted completed) {
    activities
        .module(completed.module())
        .ifPresentOrElse(
            activity -> queueCompletion(completed.learner(), activity, completed.at()),
            () ->
                LOG.warning(
                    () -> "Completion of unknown module " + completed.module() + " not reported"));
  }

  /** A submitted wave completes the self-assessment activity; the answers never leave Rapport. */
  @Transactional
  public void onAssessmentSubmitted(@Observes AssessmentSubmitted submitted) {
    queueCompletion(submitted.learner(), Activities.selfAssessment(), submitted.at());
  }

  /**
   * Queues the completion of {@code activity} at {@code at} for the resource links that grade it.
   *
   * @return how many scores were queued (0 when no link of the course grades the activity)
   */
  @Transactional
  public int queueCompletion(LearnerRef learner, Activity activity, Instant at) {
    if (learner.courseId() == null) {
      return 0;
    }
    List<GradingLink> links =
        outbox.linksTo(learner.registrationId(), learner.courseId(), activity.page());
    List<GradingLink> launched =
        links.stream().filter(l -> l.linkId().equals(learner.resourceLinkIdOrNull())).toList();
    List<GradingLink> targets = launched.isEmpty() ? links : launched;
    for (GradingLink link : targets) {
      outbox.queue(
          new NewScore(
              learner.registrationId(),
              link.id(),
              learner.learnerId(),
              activity.resourceId(),
              Activity.COMPLETION_TAG,
              activity.title(),
              1.0,
              1.0,
              Score.COMPLETED,
              Score.FULLY_GRADED,
              at));
    }
    if (targets.isEmpty()) {
      LOG.fine(
          () ->
              "No resource link of course "
                  + learner.courseId()
                  + " grades "
                  + activity.key()
                  + "; completion not reported to the LMS");
    }
    return targets.size();
  }
}
