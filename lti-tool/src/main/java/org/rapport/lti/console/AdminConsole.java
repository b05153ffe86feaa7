package org.rapport.lti.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.List;
import org.rapport.lti.admin.ApiTokens;
import org.rapport.lti.keys.ToolKeys;
import org.rapport.lti.launch.LaunchLog;
import org.rapport.lti.registration.PlatformSetupValues;
import org.rapport.lti.registration.RegistrationInvites;
import org.rapport.lti.registration.RegistrationRepository;
import org.rapport.lti.registration.RegistrationView;

/**
 * What the administration page shows, read in one transaction: the status of the background work
 * (the SMTP check comes first, before the transaction takes a connection), registrations with their
 * deployments, the values to paste into each LMS, open invites, tool keys, the latest launches and
 * live API tokens.
 */
@ApplicationScoped
public class AdminConsole {
  /** How many recent launches the page lists. */
  static final int RECENT_LAUNCHES = 50;

  @Inject RegistrationRepository registrations;
  @Inject LaunchLog launches;
  @Inject ToolKeys keys;
  @Inject RegistrationInvites invites;
  @Inject ApiTokens apiTokens;
  @Inject SystemStatus status;

  /**
   * The page after an action, for Rapport at {@code base}.
   *
   * @param notice what the action did, or null
   * @param problems why it was refused, or null
   * @param form the hand-registration form as filled in
   * @param newToken an API token just made, shown once, or null
   * @param newInviteUrl a registration invite just made, shown once, or null
   */
  @Transactional
  AdminConsoleView view(
      String notice,
      List<String> problems,
      AdminConsoleView.RegistrationForm form,
      String newToken,
      String newInviteUrl,
      URI base) {
    StatusView now = status.now();
    List<RegistrationView> views =
        registrations.all().stream()
            .map(r -> RegistrationView.of(r, registrations.deployments(r.getId())))
            .toList();
    List<AdminConsoleView.KeyRow> toolKeys =
        keys.ring().keys().stream()
            .map(
                k ->
                    new AdminConsoleView.KeyRow(
                        k.kid(),
                        k.activatesAt().toString(),
                        k.retiresAt() == null ? "" : k.retiresAt().toString()))
            .toList();
    return new AdminConsoleView(
        notice,
        problems == null ? List.of() : problems,
        form,
        newToken,
        newInviteUrl,
        views,
        new PlatformSetupValues(base).all(),
        invites.open(),
        toolKeys,
        launches.recent(RECENT_LAUNCHES).stream().map(AdminConsoleView.LaunchRow::of).toList(),
        apiTokens.live(),
        now);
  }
}
