package org.rapport.lti.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * A tenant's last alert evaluation: when it ran, why (the hourly schedule, a wave that closed, an
 * import that finished, an administrator's request) and what it found. Shown to administrators so
 * they can tell whether alerts are up to date.
 */
public record LastEvaluation(
    long registrationId,
    Instant evaluatedAt,
    String reason,
    int cohorts,
    int findings,
    int raised) {
  private static final int REASON_LENGTH = 200;

  /** Records {@code result} as the tenant's last evaluation, on the evaluation's connection. */
  static void record(Connection c, TenantEvaluation.Result result, String reason, Instant now)
      throws SQLException {
    String why = reason.length() > REASON_LENGTH ? reason.substring(0, REASON_LENGTH) : reason;
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE alert_evaluation SET evaluated_at = ?, reason = ?, cohorts = ?, findings = ?,"
                + " raised = ? WHERE registration_id = ?")) {
      bind(update, result, why, now);
      update.setLong(6, result.registrationId());
      if (update.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO alert_evaluation (evaluated_at, reason, cohorts, findings, raised,"
                + " registration_id) VALUES (?, ?, ?, ?, ?, ?)")) {
      bind(insert, result, why, now);
      insert.setLong(6, result.registrationId());
      insert.executeUpdate();
    }
  }

  private static void bind(
      PreparedStatement s, TenantEvaluation.Result result, String reason, Instant now)
      throws SQLException {
    s.setTimestamp(1, Timestamp.from(now));
    s.setString(2, reason);
    s.setInt(3, result.cohorts());
    s.setInt(4, result.findings());
    s.setInt(5, result.raised());
  }

  /** The tenant's last evaluation; empty before the first. */
  public static Optional<LastEvaluation> find(Connection c, long registrationId)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT evaluated_at, reason, cohorts, findings, raised FROM alert_evaluation"
                + " WHERE registration_id = ?")) {
      s.setLong(1, registrationId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new LastEvaluation(
                registrationId,
                rs.getTimestamp(1).toInstant(),
                rs.getString(2),
                rs.getInt(3),
                rs.getInt(4),
                rs.getInt(5)));
      }
    }
  }

  /** When any tenant was last evaluated; empty before the first evaluation. */
  public static Optional<Instant> latest(Connection c) throws SQLException {
    try (PreparedStatement s =
            c.prepareStatement("SELECT MAX(evaluated_at) FROM alert_evaluation");
        ResultSet rs = s.executeQuery()) {
      Timestamp at = rs.next() ? rs.getTimestamp(1) : null;
      return Optional.ofNullable(at).map(Timestamp::toInstant);
    }
  }
}
