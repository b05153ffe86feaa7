package org.rapport.lti.console;

import java.util.List;
import org.rapport.lti.admin.ApiTokens;
import org.rapport.lti.launch.LaunchRecord;
import org.rapport.lti.registration.OpenInviteView;
import org.rapport.lti.registration.PlatformSetupValues;
import org.rapport.lti.registration.RegistrationView;

/**
 * The administration page: registrations, setup values per LMS, invites, tool keys, API tokens and
 * recent launches, with the outcome of the last action.
 *
 * @param notice what the last action did, or null
 * @param problems why the last action was refused; empty when it was not
 * @param form the hand-registration form as the administrator filled it in
 * @param newToken an API token just created (shown once), or null
 * @param newInviteUrl a dynamic registration URL just made (shown once), or null
 * @param status the background work at a glance
 */
record AdminConsoleView(
    String notice,
    List<String> problems,
    RegistrationForm form,
    String newToken,
    String newInviteUrl,
    List<RegistrationView> registrations,
    List<PlatformSetupValues.Platform> platforms,
    List<OpenInviteView> openInvites,
    List<KeyRow> keys,
    List<LaunchRow> launches,
    List<ApiTokens.ApiTokenView> apiTokens,
    StatusView status) {
  boolean empty() {
    return registrations.isEmpty();
  }

  boolean hasProblems() {
    return !problems.isEmpty();
  }

  /** The fields of the hand-registration form, empty strings where nothing was typed. */
  record RegistrationForm(
      String name,
      String issuer,
      String clientId,
      String authEndpoint,
      String tokenEndpoint,
      String jwksUri) {
    static final RegistrationForm EMPTY = new RegistrationForm("", "", "", "", "", "");
  }

  /** A tool key: its id, when it signs from and when it retires (empty when not planned). */
  record KeyRow(String kid, String activatesAt, String retiresAt) {}

  /** One launch of the launch log. */
  record LaunchRow(
      Long id,
      String occurredAt,
      boolean accepted,
      String issuer,
      String clientId,
      String failure,
      String detail) {
    static LaunchRow of(LaunchRecord launch) {
      return new LaunchRow(
          launch.getId(),
          launch.getOccurredAt().toString(),
          launch.isAccepted(),
          launch.getIssuer(),
          launch.getClientId(),
          launch.getFailure(),
          launch.getDetail());
    }
  }
}
