package org.rapport.lti.testdata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Rows for tests that work on the services tables directly through JDBC: a registration, a course,
 * learners and resource links with an AGS grant, and completions queued straight into the score
 * outbox (the table the worker delivers from).
 */
public final class ServiceRows {
  private final Connection c;

  public ServiceRows(Connection connection) {
    this.c = connection;
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }

  public long registration(String issuer) throws SQLException {
    return insert(
        "INSERT INTO registration (issuer, client_id, name, platform_kind, auth_endpoint,"
            + " token_endpoint, jwks_uri, deployment_policy, enabled, created_at, updated_at)"
            + " VALUES (?, 'c', 'Test', 'OTHER', ?, ?, ?, 'ACCEPT_ON_FIRST_SIGHT', TRUE, ?, ?)",
        issuer,
        issuer + "/auth",
        issuer + "/token",
        issuer + "/jwks",
        now(),
        now());
  }

  public long course(long registrationId, String contextId) throws SQLException {
    return insert(
        "INSERT INTO course (registration_id, context_id, title, created_at) VALUES (?, ?, ?, ?)",
        registrationId,
        contextId,
        "Course " + contextId,
        now());
  }

  public long learner(long registrationId, String subject) throws SQLException {
    return insert(
        "INSERT INTO learner (registration_id, subject, name, created_at, last_seen_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        registrationId,
        subject,
        "Learner " + subject,
        now(),
        now());
  }

  public long link(long courseId, String linkId, String target, String scopes, String lineItems)
      throws SQLException {
    return insert(
        "INSERT INTO resource_link (course_id, link_id, title, target, ags_lineitems_url,"
            + " ags_scopes, services_updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        courseId,
        linkId,
        "Link " + linkId,
        target,
        lineItems,
        scopes,
        now());
  }

  /** The id of Rapport's learner with this platform user id in the registration. */
  public long learnerId(long registrationId, String subject) throws SQLException {
    return single(
        "SELECT id FROM learner WHERE registration_id = ? AND subject = ?",
        registrationId,
        subject);
  }

  public long linkId(long courseId, String linkId) throws SQLException {
    return single(
        "SELECT id FROM resource_link WHERE course_id = ? AND link_id = ?", courseId, linkId);
  }

  /**
   * Queues a module completion (1 of 1, Completed, FullyGraded) the way the completion observer
   * does, straight into the outbox.
   */
  public void queueCompletion(
      long registrationId, long linkRowId, long learnerId, String moduleId, OffsetDateTime at)
      throws SQLException {
    insert(
        "INSERT INTO score_outbox (registration_id, resource_link_id, learner_id, resource_id,"
            + " tag, label, score_given, score_maximum, activity_progress, grading_progress,"
            + " score_timestamp, status, attempts, next_attempt_at, created_at)"
            + " VALUES (?, ?, ?, ?, 'completion', ?, 1, 1, 'Completed', 'FullyGraded', ?,"
            + " 'QUEUED', 0, ?, ?)",
        registrationId,
        linkRowId,
        learnerId,
        moduleId,
        "Module " + moduleId,
        at,
        now(),
        now());
  }

  public long single(String sql, Object... parameters) throws SQLException {
    try (PreparedStatement select = c.prepareStatement(sql)) {
      bind(select, parameters);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          throw new AssertionError("No row for " + sql);
        }
        return rs.getLong(1);
      }
    }
  }

  /**
   * An open alert (total score fell from matriculation to Y1) on a new cohort of the registration,
   * and one alert mail queued per recipient, the n-th due at {@code firstDue} plus n−1 times {@code
   * spacing}; answers the alert's id.
   */
  public long alertMail(
      long registrationId,
      int matriculationYear,
      OffsetDateTime at,
      List<String> recipients,
      OffsetDateTime firstDue,
      Duration spacing)
      throws SQLException {
    String label = "Class of " + (matriculationYear + 6);
    long cohort =
        insert(
            "INSERT INTO cohort (registration_id, matriculation_year, label, created_at)"
                + " VALUES (?, ?, ?, ?)",
            registrationId,
            matriculationYear,
            label,
            at);
    long alert =
        insert(
            "INSERT INTO cohort_alert (registration_id, cohort_id, instrument_id, from_stage,"
                + " to_stage, measure, comparison, state, reference_n, reference_mean,"
                + " reference_sd, current_n, current_mean, current_sd, change_value, ci_level,"
                + " ci_lower, ci_upper, t_value, df, p_value, effect_size, effect_size_measure,"
                + " raised_at, evaluated_at) VALUES (?, ?, 'rapport-empathy', 'MATRICULATION',"
                + " 'Y1', 'total', 'PREVIOUS_WAVE', 'OPEN', 40, 80, 8, 40, 75, 8, -5, 0.95, -7,"
                + " -3, -4.5, 39, 0.0001, -0.6, 'DZ', ?, ?)",
            registrationId,
            cohort,
            at,
            at);
    OffsetDateTime due = firstDue;
    for (String recipient : recipients) {
      insert(
          "INSERT INTO mail_outbox (registration_id, alert_id, recipient, subject, body,"
              + " created_at, attempts, next_attempt_at) VALUES (?, ?, ?, 'Empathy scores fell',"
              + " ?, ?, 0, ?)",
          registrationId,
          alert,
          recipient,
          "The " + label.toLowerCase(java.util.Locale.ROOT) + " scored lower than a year ago.",
          at,
          due);
      due = due.plus(spacing);
    }
    return alert;
  }

  private long insert(String sql, Object... parameters) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      bind(insert, parameters);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        return keys.next() ? keys.getLong(1) : -1;
      }
    }
  }

  private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
  }
}
