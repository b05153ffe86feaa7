package org.rapport.lti.grades;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rapport.lti.activities.Activities;
import org.rapport.lti.launch.LaunchRecorded;

/**
 * Grades for learners who finished a module before their course had a graded link for it: when a
 * resource link opening the module is launched with the score scope for the first time, their
 * completions are queued for it ({@link ScoreOutbox#queueEarlyFinishers}), once per link however
 * often and on however many nodes it is launched. Runs after the launch has committed, in a
 * transaction of its own: a launch never waits for or fails because of it, and a failure leaves it
 * to the link's next launch.
 */
@ApplicationScoped
public class EarlyFinishers {
  private static final Logger LOG = Logger.getLogger(EarlyFinishers.class.getName());

  @Inject ScoreOutbox outbox;
  @Inject Activities activities;

  public void onLaunch(@Observes(during = TransactionPhase.AFTER_SUCCESS) LaunchRecorded launch) {
    if (launch.courseId() == null
        || launch.launch().resourceLink().isEmpty()
        || launch.launch().ags().isEmpty()) {
      return;
    }
    String link = launch.launch().resourceLink().get().id();
    try {
      int queued =
          outbox.queueEarlyFinishers(
              launch.registrationId(), launch.courseId(), link, activities::forPage);
      if (queued > 0) {
        LOG.info(
            () ->
                "Queued "
                    + queued
                    + " earlier completion(s) for the first graded launch of resource link "
                    + link
                    + " of course "
                    + launch.courseId());
      }
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Could not queue earlier completions for resource link "
              + link
              + " of course "
              + launch.courseId()
              + "; the link's next launch tries again",
          e);
    }
  }
}
