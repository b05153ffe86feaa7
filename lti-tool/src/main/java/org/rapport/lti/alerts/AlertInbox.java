package org.rapport.lti.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import org.rapport.curriculum.cohorts.Programme;
import org.rapport.lti.analytics.PrivacySettings;
import org.rapport.lti.cohorts.StoredProgramme;
import org.rapport.lti.launch.LaunchedUser;
import org.rapport.lti.persistence.Database;

/**
 * The faculty's use of their institution's alerts: read them with the rule in words, acknowledge
 * one, resolve one with a note. Every method reads and changes only the launched user's tenant.
 */
@ApplicationScoped
@Transactional
public class AlertInbox {
  static final String NOT_OPEN =
      "This alert has already been acknowledged or resolved; the page shows its current state.";

  @Inject Database database;
  @Inject PrivacySettings privacy;
  @Inject Clock clock;

  /** The tenant's alerts, open first, its alert rule in sentences and its stages. */
  public record Inbox(List<StoredAlert> alerts, List<String> rule, Programme programme) {}

  /** The tenant's rule: as configured and in sentences. */
  public record Rule(AlertRuleView rule, List<String> summary) {}

  public Inbox inbox(LaunchedUser user) {
    return database.run(
        c -> {
          RuleSettings settings = AlertRules.load(c, user.registrationId());
          return new Inbox(
              AlertRepository.list(c, user.registrationId(), null),
              AlertRuleSummary.sentences(
                  settings, settings.effectiveRule(privacy.minimumGroupSize())),
              StoredProgramme.load(c, user.registrationId()));
        });
  }

  /** The rule as faculty may read it: the minimum group size never below the installation's. */
  public Rule rule(LaunchedUser user) {
    RuleSettings settings = database.run(c -> AlertRules.load(c, user.registrationId()));
    AlertRuleView view = AlertRuleView.of(settings);
    return new Rule(
        new AlertRuleView(
            view.comparisons(),
            view.minimumN(),
            view.effectSizeThreshold(),
            view.confidenceLevel(),
            view.measures(),
            Math.max(view.minimumGroupSize(), privacy.minimumGroupSize()),
            view.pairedEffectSize(),
            List.of(),
            view.mailFaculty(),
            view.usingDefaults(),
            view.validatedOnly()),
        AlertRuleSummary.sentences(settings, settings.effectiveRule(privacy.minimumGroupSize())));
  }

  /** Marks an open alert acknowledged; 404 when it is not the tenant's, 409 when not open. */
  public StoredAlert acknowledge(LaunchedUser user, long id) {
    return database.run(
        c -> {
          StoredAlert alert = owned(c, user, id);
          if (!AlertRepository.acknowledge(
              c, user.registrationId(), id, who(user), clock.instant())) {
            throw conflict();
          }
          return alert;
        });
  }

  /** Resolves an alert with a note; 404 when it is not the tenant's, 409 when already resolved. */
  public StoredAlert resolve(LaunchedUser user, long id, String note) {
    return database.run(
        c -> {
          StoredAlert alert = owned(c, user, id);
          if (!AlertRepository.resolve(
              c, user.registrationId(), id, who(user), note, clock.instant())) {
            throw conflict();
          }
          return alert;
        });
  }

  private static StoredAlert owned(java.sql.Connection c, LaunchedUser user, long id)
      throws java.sql.SQLException {
    return AlertRepository.find(c, user.registrationId(), id)
        .orElseThrow(() -> new NotFoundException("There is no such alert for your institution."));
  }

  private static ClientErrorException conflict() {
    return new ClientErrorException(NOT_OPEN, Response.Status.CONFLICT);
  }

  /** How the alert names who acknowledged or resolved it: their name, never an internal id. */
  static String who(LaunchedUser user) {
    String name = user.name() == null || user.name().isBlank() ? "" : user.name().strip();
    return name.isEmpty() ? "A faculty member of the course" : name;
  }
}
