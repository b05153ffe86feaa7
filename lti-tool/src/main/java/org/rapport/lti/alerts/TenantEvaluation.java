package org.rapport.lti.alerts;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.modules.TrainingPhase;
import org.rapport.lti.analytics.CohortInfo;
import org.rapport.lti.analytics.ObservationQuery;
import org.rapport.lti.analytics.StoredSummaries;
import org.rapport.lti.analytics.TenantObservations;
import org.rapport.lti.analytics.WavePublication;
import org.rapport.lti.mail.MailOutbox;

/**
 * Evaluates one tenant: its rule, its observations (one query), the curriculum's statistics and
 * decline detector per instrument, the modules to suggest (those that address what fell and suit
 * the phase of training the cohort is in, {@link CohortStages}), then in one transaction the
 * cohorts' summaries stored for the dashboards ({@link StoredSummaries}), new alerts inserted (one
 * per {@link AlertRepository.Key}; a key already stored only refreshes the figures of an open
 * alert) and one mail queued per new alert and recipient. Findings that are history ({@link
 * AlertHistory}: a graduated cohort, an old wave) are stored as historical findings, not mailed and
 * not counted as raised. Running it again on unchanged data changes nothing but the evaluation time
 * of open alerts.
 *
 * <p>Plain JDBC on the caller's connection, outside any container transaction (it commits itself):
 * used by {@link AlertEvaluation} and by the benchmark.
 */
public final class TenantEvaluation {
  private final AlertVocabulary words;
  private final int installationMinimumGroupSize;
  private final LongFunction<String> dashboardUrl;
  private final ZoneId assessmentZone;
  private final Duration historyAge;
  private ObservedAlerts.Settings observed = ObservedAlerts.Settings.defaults();

  /** With the default age after which findings are history ({@link AlertHistory#DEFAULT_AGE}). */
  public TenantEvaluation(
      AlertVocabulary words,
      int installationMinimumGroupSize,
      LongFunction<String> dashboardUrl,
      ZoneId assessmentZone) {
    this(
        words,
        installationMinimumGroupSize,
        dashboardUrl,
        assessmentZone,
        AlertHistory.DEFAULT_AGE);
  }

  /**
   * @param dashboardUrl cohort id → the dashboard's address for the mail, or {@code null}
   * @param assessmentZone whose calendar days close waves: only closed waves are published
   * @param historyAge findings whose later wave is older than this are filed as history ({@link
   *     AlertHistory})
   */
  public TenantEvaluation(
      AlertVocabulary words,
      int installationMinimumGroupSize,
      LongFunction<String> dashboardUrl,
      ZoneId assessmentZone,
      Duration historyAge) {
    this.words = words;
    this.installationMinimumGroupSize = installationMinimumGroupSize;
    this.dashboardUrl = dashboardUrl;
    this.assessmentZone = assessmentZone;
    this.historyAge = historyAge;
  }

  /** Evaluates observed ratings with these settings (default: Rapport's observed defaults). */
  public TenantEvaluation withObserved(ObservedAlerts.Settings settings) {
    this.observed = settings;
    return this;
  }

  /** What one evaluation found and did. */
  public record Result(
      long registrationId, int cohorts, int findings, int raised, int mailsQueued) {}

  /**
   * Evaluates the tenant and records the run ({@link LastEvaluation}) in the same transaction,
   * which first locks the tenant's registration row: evaluations of one tenant on several nodes run
   * one after the other, never interleaved.
   *
   * @param reason why it runs, for administrators: the schedule, a closed wave, an import, a
   *     request
   */
  public Result run(Connection connection, long registrationId, Instant now, String reason)
      throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      lockTenant(connection, registrationId);
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

  /**
   * Publications of at least this many wave versions (a first evaluation, a large import) make
   * PostgreSQL's table statistics stale enough to pick a slow plan for the observation query.
   */
  static final int REFRESH_STATISTICS_AFTER = 50;

  /**
   * On PostgreSQL, refreshes the statistics of the tables the observation query joins, in this
   * transaction (ANALYZE counts the rows it has just written), instead of waiting for autovacuum:
   * with the rows of thousands of new publications unknown to the planner, the query for 1,000
   * cohorts chose nested loops over a million index lookups and took twice as long. A user that
   * does not own the tables only gets a warning.
   */
  private static void refreshPlannerStatistics(Connection connection) throws SQLException {
    if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
      return;
    }
    try (java.sql.Statement analyze = connection.createStatement()) {
      analyze.execute("ANALYZE published_wave, assessment_response, assessment_score");
    }
  }

  private static void lockTenant(Connection connection, long registrationId) throws SQLException {
    try (java.sql.PreparedStatement lock =
        connection.prepareStatement("SELECT id FROM registration WHERE id = ? FOR UPDATE")) {
      lock.setLong(1, registrationId);
      lock.executeQuery().close();
    }
  }

  private Result evaluate(Connection connection, long registrationId, Instant now)
      throws SQLException {
    RuleSettings settings = AlertRules.load(connection, registrationId);
    AlertRule rule = settings.effectiveRule(installationMinimumGroupSize);
    // Publish what closed since the last run first: everything below, alerts and their mail
    // included, reads only published responses.
    List<WavePublication.NewVersion> published =
        WavePublication.prepare(
            connection,
            registrationId,
            LocalDate.ofInstant(now, assessmentZone),
            now,
            rule.minimumGroupSize());
    if (published.size() >= REFRESH_STATISTICS_AFTER) {
      refreshPlannerStatistics(connection);
    }
    TenantObservations observations = ObservationQuery.load(connection, registrationId);
    Map<Long, TrainingStage> reached =
        CohortStages.reached(
            connection,
            registrationId,
            LocalDate.ofInstant(now, assessmentZone),
            observations.programme());
    AlertHistory history =
        AlertHistory.load(
            connection,
            registrationId,
            LocalDate.ofInstant(now, assessmentZone),
            historyAge,
            observations.programme());
    Map<AlertRepository.Key, long[]> existing = AlertRepository.keys(connection, registrationId);
    int findings = 0;
    List<Long> raised = new ArrayList<>();
    Map<String, CohortReport> reports = new HashMap<>();
    for (Map.Entry<String, Dataset> e : observations.datasets().entrySet()) {
      CohortEvaluation evaluation = CohortAnalytics.evaluate(e.getValue(), rule);
      reports.put(e.getKey(), evaluation.report());
      if (!rule.judges(words.kind(e.getKey()))) {
        continue; // the rule watches validated instruments only; the dashboard still shows these
      }
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
          boolean historical = history.historical(cohort.id(), key.toStage());
          long id =
              AlertRepository.insert(
                  connection,
                  registrationId,
                  key,
                  finding,
                  words.recommended(
                      finding.measure(), phaseOf(cohort, key.toStage(), reached, observations)),
                  historical,
                  now);
          existing.put(key, new long[] {id, AlertState.OPEN.ordinal()});
          if (!historical) {
            raised.add(id); // history is filed, not mailed
          }
        } else if (known[1] == AlertState.OPEN.ordinal()) {
          AlertRepository.refresh(connection, known[0], finding, now);
        }
      }
    }
    findings +=
        ObservedAlerts.raise(
            connection,
            registrationId,
            now,
            observed,
            rule,
            words,
            observations.programme(),
            reached,
            history,
            existing,
            raised);
    StoredSummaries.replace(connection, registrationId, reports, observations);
    WavePublication.record(connection, published, reports);
    int queued = 0;
    if (!raised.isEmpty()) {
      Set<String> recipients = AlertRecipients.of(connection, registrationId, settings);
      for (long id : raised) {
        StoredAlert alert = AlertRepository.find(connection, registrationId, id).orElseThrow();
        String subject = AlertMail.subject(alert, words, observations.programme());
        String body =
            AlertMail.body(
                alert, words, observations.programme(), dashboardUrl.apply(alert.cohortId()));
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

  /**
   * The phase of training the cohort is in: the one following the later of the latest stage it has
   * reached and the wave that fell.
   */
  private static TrainingPhase phaseOf(
      CohortInfo cohort,
      String toStage,
      Map<Long, TrainingStage> reached,
      TenantObservations observations) {
    TrainingStage fell = observations.programme().stage(toStage);
    TrainingStage latest = reached.getOrDefault(cohort.id(), fell);
    return (latest.compareTo(fell) >= 0 ? latest : fell).phaseAfter();
  }
}
