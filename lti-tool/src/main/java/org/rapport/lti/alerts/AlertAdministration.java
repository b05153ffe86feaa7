package org.rapport.lti.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.rapport.lti.analytics.PrivacySettings;
import org.rapport.lti.mail.MailOutbox;
import org.rapport.lti.mail.OutboxEntryView;
import org.rapport.lti.persistence.Database;
import org.rapport.lti.persistence.DatabaseException;
import org.rapport.lti.web.ConflictException;
import org.rapport.lti.web.InvalidRequestException;
import org.rapport.lti.web.MissingException;

/**
 * What an administrator does with a tenant's alerts: read and change its rule, read its alerts, its
 * last evaluation and its alert mail, evaluate it now. Every method answers 404 for a tenant that
 * does not exist.
 */
@ApplicationScoped
@Transactional
public class AlertAdministration {
  @Inject Database database;
  @Inject AlertEvaluation evaluation;
  @Inject PrivacySettings privacy;
  @Inject Clock clock;

  /** A rule as stored and in sentences. */
  public record Rule(AlertRuleView rule, List<String> summary) {}

  public Rule rule(long tenant) {
    return database.run(
        c -> {
          requireTenant(c, tenant);
          return answer(AlertRules.load(c, tenant));
        });
  }

  /** Merges the change into the rule (fields left out keep their value) and saves it. */
  public Rule changeRule(long tenant, AlertRuleView change, String by) {
    return database.run(
        c -> {
          requireTenant(c, tenant);
          RuleSettings merged;
          try {
            merged =
                AlertRules.merge(AlertRules.load(c, tenant), change, privacy.minimumGroupSize());
          } catch (AlertRules.InvalidRule e) {
            throw new InvalidRequestException(e.fieldProblems());
          }
          AlertRules.save(c, tenant, merged, by, clock.instant());
          return answer(merged);
        });
  }

  public List<AlertView> alerts(long tenant) {
    AlertVocabulary words = evaluation.vocabulary();
    return database.run(
        c -> {
          requireTenant(c, tenant);
          return AlertRepository.list(c, tenant, null).stream()
              .map(a -> AlertView.of(a, words))
              .toList();
        });
  }

  /**
   * Evaluates the tenant now. Outside a transaction: the evaluation commits its alerts and mail as
   * it goes, like the hourly run.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public TenantEvaluation.Result evaluate(long tenant) {
    database.run(
        c -> {
          requireTenant(c, tenant);
          return null;
        });
    try {
      return evaluation.evaluate(tenant, "requested by an administrator");
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
  }

  public LastEvaluation lastEvaluation(long tenant) {
    return database.run(
        c -> {
          requireTenant(c, tenant);
          return LastEvaluation.find(c, tenant)
              .orElseThrow(
                  () ->
                      new MissingException(
                          "Tenant "
                              + tenant
                              + " has not been evaluated yet; the hourly run, a closing wave, an"
                              + " import or POST .../evaluate will evaluate it."));
        });
  }

  public List<OutboxEntryView> mail(long tenant) {
    return database.run(
        c -> {
          requireTenant(c, tenant);
          return MailOutbox.list(c, tenant);
        });
  }

  /**
   * Queues a mail of the tenant that Rapport gave up on again, to be sent now.
   *
   * @throws ConflictException when the tenant has no such mail given up on
   */
  public void resendMail(long tenant, long mailId) {
    database.run(
        c -> {
          requireTenant(c, tenant);
          if (!MailOutbox.resend(c, tenant, mailId, clock.instant())) {
            throw new ConflictException(
                "Mail "
                    + mailId
                    + " of tenant "
                    + tenant
                    + " is not one Rapport gave up on; only such mail can be resent.");
          }
          return null;
        });
  }

  private Rule answer(RuleSettings settings) {
    return new Rule(
        AlertRuleView.of(settings),
        AlertRuleSummary.sentences(settings, settings.effectiveRule(privacy.minimumGroupSize())));
  }

  private static void requireTenant(Connection c, long id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM registration WHERE id = ?")) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new MissingException("There is no registration with id " + id + ".");
        }
      }
    }
  }
}
