package org.rapport.lti.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.lti.protocol.launch.MessageType;
import org.rapport.lti.protocol.launch.ValidatedLaunch;

/**
 * Validates a launch and records it in one transaction (nonce, deployment, learner, course,
 * membership, resource link and launch log: one commit): when any check fails, the nonce and every
 * record stay as they were. What follows from an accepted launch (custom parameters, roster
 * refresh) happens after that commit, in transactions of its own: a request never holds one
 * database connection while it waits for another, and that work can neither fail nor undo the
 * launch.
 */
@ApplicationScoped
public class Launches {
  /**
   * Where a deep-linking launch opens: with the stored request's id for faculty; without one for
   * students, who are refused there.
   */
  public static final String CONTENT_SELECTION = LtiEndpoints.APP_PATH + "/content-selection";

  @Inject Recording recording;
  @Inject Event<LearnerLaunched> learnerLaunched;
  @Inject Event<LaunchRecorded> recorded;

  /**
   * The outcome of an accepted launch: who, the Rapport page to open and the server-side session
   * opened for it.
   */
  public record Accepted(ValidatedLaunch launch, LaunchedUser user, String page, long session) {}

  public Accepted accept(
      LtiEndpoints.At at, String idToken, String expectedState, String receivedState) {
    Accepted accepted = recording.accept(at, idToken, expectedState, receivedState);
    LaunchedUser user = accepted.user();
    ValidatedLaunch launch = accepted.launch();
    learnerLaunched.fire(
        new LearnerLaunched(
            user.registrationId(),
            user.learnerId(),
            launch.subject(),
            user.role(),
            launch.custom()));
    recorded.fire(
        new LaunchRecorded(user.registrationId(), user.learnerId(), user.courseId(), launch));
    return accepted;
  }

  /** The launch's one transaction. */
  @ApplicationScoped
  public static class Recording {
    @Inject LaunchRecorder recorder;
    @Inject LaunchLog log;
    @Inject DeepLinkRequests deepLinks;
    @Inject ToolSessions sessions;

    @Transactional
    public Accepted accept(
        LtiEndpoints.At at, String idToken, String expectedState, String receivedState) {
      ValidatedLaunch launch = at.validator().validate(idToken, expectedState, receivedState);
      String page = pageFor(launch);
      LaunchedUser user = recorder.record(launch, page);
      if (launch.messageType() == MessageType.DEEP_LINKING && user.isFaculty()) {
        page = CONTENT_SELECTION + "/" + deepLinks.open(launch, user.learnerId());
      }
      log.accepted(launch);
      return new Accepted(launch, user, page, sessions.open(user));
    }
  }

  /** The path inside Rapport the launch opens; always under /app (no open redirect). */
  private static String pageFor(ValidatedLaunch launch) {
    if (launch.messageType() == MessageType.DEEP_LINKING) {
      return CONTENT_SELECTION;
    }
    String path = launch.targetLinkUri().getRawPath();
    if (path != null
        && (path.equals(LtiEndpoints.APP_PATH) || path.startsWith(LtiEndpoints.APP_PATH + "/"))
        && path.matches("[A-Za-z0-9/_-]+")) {
      return path;
    }
    return LtiEndpoints.APP_PATH;
  }
}
