package org.rapport.lti.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.lti.protocol.launch.MessageType;
import org.rapport.lti.protocol.launch.ValidatedLaunch;

/**
 * Validates a launch and records it in one transaction: when any check fails, the nonce and every
 * record stay as they were.
 */
@ApplicationScoped
public class Launches {
  /**
   * Where a deep-linking launch opens: with the stored request's id for faculty; without one for
   * students, who are refused there.
   */
  public static final String CONTENT_SELECTION = LtiEndpoints.APP_PATH + "/content-selection";

  @Inject LaunchRecorder recorder;
  @Inject LaunchLog log;
  @Inject DeepLinkRequests deepLinks;
  @Inject Event<LaunchRecorded> recorded;

  /** The outcome of an accepted launch: who, and the Rapport page to open. */
  public record Accepted(ValidatedLaunch launch, LaunchedUser user, String page) {}

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
    recorded.fire(
        new LaunchRecorded(user.registrationId(), user.learnerId(), user.courseId(), launch));
    return new Accepted(launch, user, page);
  }

  /** The path inside Rapport the launch opens; always under /app (no open redirect). */
  private String pageFor(ValidatedLaunch launch) {
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
