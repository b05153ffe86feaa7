package org.rapport.lti.alerts;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.rapport.curriculum.alerts.AlertRule;
import org.rapport.curriculum.alerts.CohortAnalytics;
import org.rapport.curriculum.alerts.CohortEvaluation;
import org.rapport.curriculum.alerts.DeclineFinding;
import org.rapport.curriculum.analytics.CohortReport;
import org.rapport.curriculum.analytics.Dataset;
import org.rapport.lti.analytics.CohortInfo;
import org.rapport.lti.analytics.ObservationQuery;
import org.rapport.lti.analytics.StoredSummaries;
import org.rapport.lti.analytics.TenantObservations;
import org.rapport.lti.mail.MailOutbox;

/**
 * Evaluates one tenant: its rule, its observations (one query), the curriculum's statistics and
 * decline detector per instrument, then in one transaction the cohorts' summaries stored for the
 * dashboards ({@link StoredSummaries}), new alerts inserted (one per {@link AlertRepository.Key}; a
 * key already stored only refreshes the figures of an open alert) and one mail queued per new alert
 * and recipient. Running it again on unchanged data changes nothing but the evaluation time of open
 * alerts.
 *
 * <p>Plain JDBC on the caller's connection, outside any container transaction (it commits itself):
 * used by {@link AlertEvaluation} and by the benchmark.
 */
public final class TenantEvaluation {
  private final AlertVocabulary words;
  private final int installationMinimumGroupSize;
  private final LongFunction<String> dashboardUrl;

  /**
   * @param dashboardUrl cohort id → the dashboard's address for the mail, or {@code null}
   */
  public TenantEvaluation(
      AlertVocabulary words, int installationMinimumGroupSize, LongFunction<String> dashboardUrl) {
    this.words = words;
    this.installationMinimumGroupSize = installationMinimumGroupSize;
    this.dashboardUrl = dashboardUrl;
  }

  /** What one evaluation found and did. */
  public record Result(
      long registrationId, int cohorts, int findings, int raised, int mailsQueued) {}

  /**
   * Evaluates the tenant and records the run ({@link LastEvaluation}) in the same transaction.
   *
   * @param reason why it runs, for administrators: the schedule, a closed wave, an import, a
   *     request
   */
  public Result run(Connection connection, long registrationId, Instant now, String reason)
      throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      Result result = evaluate(connection, registrationId, now);
      LastEvaluation.record(connection, result, reason, now);
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private Result evaluate(Connection connection, long registrationId, Instant now)
      throws SQLException {
    RuleSettings settings = AlertRules.load(connection, registrationId);
    AlertRule rule = settings.effectiveRule(installationMinimumGroupSize);
    TenantObservations observations = ObservationQuery.load(connection, registrationId);
    Map<AlertRepository.Key, long[]> existing = AlertRepository.keys(connection, registrationId);
    int findings = 0;
    List<Long> raised = new ArrayList<>();
    Map<String, CohortReport> reports = new HashMap<>();
    for (Map.Entry<String, Dataset> e : observations.datasets().entrySet()) {
      CohortEvaluation evaluation = CohortAnalytics.evaluate(e.getValue(), rule);
      reports.put(e.getKey(), evaluation.report());
      for (DeclineFinding finding : evaluation.findings()) {
        CohortInfo cohort = observations.cohort(finding.key().cohort()).orElse(null);
        if (cohort == null) {
          continue;
        }
        findings++;
        AlertRepository.Key key =
            new AlertRepository.Key(
                cohort.id(),
                e.getKey(),
                finding.key().from().value(),
                finding.key().to().value(),
                finding.key().measure(),
                finding.key().comparison());
        long[] known = existing.get(key);
        if (known == null) {
          long id =
              AlertRepository.insert(
                  connection,
                  registrationId,
                  key,
                  finding,
                  words.recommended(finding.measure()),
                  now);
          existing.put(key, new long[] {id, AlertState.OPEN.ordinal()});
          raised.add(id);
        } else if (known[1] == AlertState.OPEN.ordinal()) {
          AlertRepository.refresh(connection, known[0], finding, now);
        }
      }
    }
    StoredSummaries.replace(connection, registrationId, reports, observations);
    int queued = 0;
    if (!raised.isEmpty()) {
      Set<String> recipients = AlertRecipients.of(connection, registrationId, settings);
      for (long id : raised) {
        StoredAlert alert = AlertRepository.find(connection, registrationId, id).orElseThrow();
        String subject = AlertMail.subject(alert, words);
        String body = AlertMail.body(alert, words, dashboardUrl.apply(alert.cohortId()));
        for (String recipient : recipients) {
          if (MailOutbox.enqueue(connection, registrationId, id, recipient, subject, body, now)) {
            queued++;
          }
        }
      }
    }
    return new Result(
        registrationId, observations.cohorts().size(), findings, raised.size(), queued);
  }
}
