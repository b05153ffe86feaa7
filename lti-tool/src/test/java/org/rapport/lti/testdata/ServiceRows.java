package org.rapport.lti.testdata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

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
