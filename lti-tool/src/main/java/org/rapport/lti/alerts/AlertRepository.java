package org.rapport.lti.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rapport.curriculum.alerts.ComparisonKind;
import org.rapport.curriculum.alerts.DeclineFinding;
import org.rapport.curriculum.analytics.MixedModelContrast;

/** Table {@code cohort_alert} in plain JDBC on the caller's connection. */
public final class AlertRepository {
  private static final String COLUMNS =
      "a.id, a.registration_id, a.cohort_id, c.label, c.matriculation_year, a.instrument_id,"
          + " a.from_stage, a.to_stage, a.measure, a.comparison, a.state, a.reference_n,"
          + " a.reference_mean, a.reference_sd, a.reference_response_rate, a.current_n,"
          + " a.current_mean, a.current_sd, a.current_response_rate, a.change_value,"
          + " a.sd_of_change, a.ci_level, a.ci_lower, a.ci_upper, a.t_value, a.df, a.p_value,"
          + " a.effect_size, a.effect_size_measure, a.all_students_n, a.all_students_estimate,"
          + " a.all_students_ci_lower, a.all_students_ci_upper, a.all_students_p,"
          + " a.raised_at, a.evaluated_at, a.acknowledged_at,"
          + " a.acknowledged_by, a.resolved_at, a.resolved_by, a.resolution_note, a.historical";
  private static final String FROM = " FROM cohort_alert a JOIN cohort c ON c.id = a.cohort_id";

  private AlertRepository() {}

  /** The deduplication key of a stored alert or of a finding about to be stored. */
  public record Key(
      long cohortId,
      String instrumentId,
      String fromStage,
      String toStage,
      String measure,
      ComparisonKind comparison) {}

  /** Key → id and state of every alert of the tenant. */
  static Map<Key, long[]> keys(Connection connection, long registrationId) throws SQLException {
    Map<Key, long[]> keys = new HashMap<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT id, cohort_id, instrument_id, from_stage, to_stage, measure, comparison, state"
                + " FROM cohort_alert WHERE registration_id = ?")) {
      s.setLong(1, registrationId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          keys.put(
              new Key(
                  rs.getLong(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  ComparisonKind.valueOf(rs.getString(7))),
              new long[] {rs.getLong(1), AlertState.valueOf(rs.getString(8)).ordinal()});
        }
      }
    }
    return keys;
  }

  /** Inserts a new open alert and returns its id. */
  static long insert(
      Connection connection,
      long registrationId,
      Key key,
      DeclineFinding finding,
      List<String> modules,
      boolean historical,
      Instant now)
      throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO cohort_alert (registration_id, cohort_id, instrument_id, from_stage,"
                + " to_stage, measure, comparison, state, reference_n, reference_mean,"
                + " reference_sd, reference_response_rate, current_n, current_mean, current_sd,"
                + " current_response_rate, change_value, sd_of_change, ci_level, ci_lower,"
                + " ci_upper, t_value, df, p_value, effect_size, effect_size_measure,"
                + " all_students_n, all_students_estimate, all_students_ci_lower,"
                + " all_students_ci_upper, all_students_p, raised_at,"
                + " evaluated_at, historical) VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            new String[] {"id"})) {
      s.setLong(1, registrationId);
      s.setLong(2, key.cohortId());
      s.setString(3, key.instrumentId());
      s.setString(4, key.fromStage());
      s.setString(5, key.toStage());
      s.setString(6, key.measure());
      s.setString(7, key.comparison().name());
      int i = figures(s, 8, finding);
      s.setTimestamp(i++, Timestamp.from(now));
      s.setTimestamp(i++, Timestamp.from(now));
      s.setBoolean(i, historical);
      s.executeUpdate();
      long id;
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        id = keys.getLong(1);
      }
      insertModules(connection, id, modules);
      return id;
    }
  }

  /** The alert's recommended modules, one row each in display order. */
  private static void insertModules(Connection connection, long alertId, List<String> modules)
      throws SQLException {
    if (modules.isEmpty()) {
      return;
    }
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO cohort_alert_module (alert_id, display_order, module_id)"
                + " VALUES (?, ?, ?)")) {
      for (int order = 0; order < modules.size(); order++) {
        s.setLong(1, alertId);
        s.setInt(2, order);
        s.setString(3, modules.get(order));
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /**
   * Alert id → recommended modules in display order, of the tenant's alerts (or of one alert): one
   * query for all the alerts a page lists.
   */
  private static Map<Long, List<String>> modules(
      Connection connection, long registrationId, Long alertId) throws SQLException {
    Map<Long, List<String>> modules = new HashMap<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT m.alert_id, m.module_id FROM cohort_alert_module m"
                + " JOIN cohort_alert a ON a.id = m.alert_id WHERE a.registration_id = ?"
                + (alertId == null ? "" : " AND a.id = ?")
                + " ORDER BY m.alert_id, m.display_order")) {
      s.setLong(1, registrationId);
      if (alertId != null) {
        s.setLong(2, alertId);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          modules.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
        }
      }
    }
    return modules;
  }

  /** Refreshes the figures of an alert that is still open; answered alerts keep theirs. */
  static void refresh(Connection connection, long id, DeclineFinding finding, Instant now)
      throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "UPDATE cohort_alert SET reference_n = ?, reference_mean = ?, reference_sd = ?,"
                + " reference_response_rate = ?, current_n = ?, current_mean = ?, current_sd = ?,"
                + " current_response_rate = ?, change_value = ?, sd_of_change = ?, ci_level = ?,"
                + " ci_lower = ?, ci_upper = ?, t_value = ?, df = ?, p_value = ?, effect_size = ?,"
                + " effect_size_measure = ?, all_students_n = ?, all_students_estimate = ?,"
                + " all_students_ci_lower = ?, all_students_ci_upper = ?, all_students_p = ?,"
                + " evaluated_at = ? WHERE id = ? AND state = 'OPEN'")) {
      int i = figures(s, 1, finding);
      s.setTimestamp(i++, Timestamp.from(now));
      s.setLong(i, id);
      s.executeUpdate();
    }
  }

  private static int figures(PreparedStatement s, int i, DeclineFinding f) throws SQLException {
    s.setInt(i++, f.reference().n());
    s.setDouble(i++, f.reference().mean());
    s.setDouble(i++, f.reference().sd());
    setDouble(s, i++, f.reference().responseRate());
    s.setInt(i++, f.current().n());
    s.setDouble(i++, f.current().mean());
    s.setDouble(i++, f.current().sd());
    setDouble(s, i++, f.current().responseRate());
    s.setDouble(i++, f.change());
    setDouble(s, i++, f.sdOfChange());
    s.setDouble(i++, f.ci().level());
    s.setDouble(i++, f.ci().lower());
    s.setDouble(i++, f.ci().upper());
    s.setDouble(i++, finite(f.t()));
    s.setDouble(i++, f.df());
    s.setDouble(i++, f.p());
    s.setDouble(i++, finite(f.effectSize()));
    s.setString(i++, f.effectSizeMeasure().name());
    MixedModelContrast all = f.allStudents();
    if (all == null || all.suppressed()) {
      for (int k = 0; k < 5; k++) {
        s.setNull(i++, k == 0 ? Types.INTEGER : Types.DOUBLE);
      }
    } else {
      MixedModelContrast.Figures m = all.figures();
      s.setInt(i++, m.students());
      s.setDouble(i++, m.estimate());
      s.setDouble(i++, m.ci().lower());
      s.setDouble(i++, m.ci().upper());
      s.setDouble(i++, m.p());
    }
    return i;
  }

  /** Degenerate groups (no variation at all) give infinite statistics; stored as ±1e9. */
  private static double finite(double v) {
    return Double.isInfinite(v) ? Math.copySign(1e9, v) : v;
  }

  private static void setDouble(PreparedStatement s, int i, Double v) throws SQLException {
    if (v == null || v.isNaN()) {
      s.setNull(i, Types.DOUBLE);
    } else {
      s.setDouble(i, v);
    }
  }

  /**
   * Cohort id → how many of its alerts need attention (open and not historical), of the tenant's
   * cohorts that have any.
   */
  public static Map<Long, Integer> openCounts(Connection connection, long registrationId)
      throws SQLException {
    Map<Long, Integer> counts = new HashMap<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT cohort_id, COUNT(*) FROM cohort_alert WHERE registration_id = ?"
                + " AND state = 'OPEN' AND historical = FALSE GROUP BY cohort_id")) {
      s.setLong(1, registrationId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          counts.put(rs.getLong(1), rs.getInt(2));
        }
      }
    }
    return counts;
  }

  /** The tenant's alerts, open first, newest first; optionally of one cohort. */
  public static List<StoredAlert> list(Connection connection, long registrationId, Long cohortId)
      throws SQLException {
    String sql =
        "SELECT "
            + COLUMNS
            + FROM
            + " WHERE a.registration_id = ?"
            + (cohortId == null ? "" : " AND a.cohort_id = ?")
            + " ORDER BY a.historical, CASE a.state WHEN 'OPEN' THEN 0 WHEN 'ACKNOWLEDGED' THEN 1 ELSE 2 END,"
            + " a.raised_at DESC, a.id DESC";
    Map<Long, List<String>> modules = modules(connection, registrationId, null);
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      s.setLong(1, registrationId);
      if (cohortId != null) {
        s.setLong(2, cohortId);
      }
      List<StoredAlert> alerts = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          alerts.add(read(rs, modules));
        }
      }
      return alerts;
    }
  }

  /** One alert, only when it belongs to the tenant. */
  public static Optional<StoredAlert> find(Connection connection, long registrationId, long id)
      throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT " + COLUMNS + FROM + " WHERE a.registration_id = ? AND a.id = ?")) {
      s.setLong(1, registrationId);
      s.setLong(2, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next()
            ? Optional.of(read(rs, modules(connection, registrationId, id)))
            : Optional.empty();
      }
    }
  }

  /** OPEN → ACKNOWLEDGED; false when the alert was not open. */
  public static boolean acknowledge(
      Connection connection, long registrationId, long id, String by, Instant now)
      throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "UPDATE cohort_alert SET state = 'ACKNOWLEDGED', acknowledged_at = ?,"
                + " acknowledged_by = ? WHERE id = ? AND registration_id = ? AND state = 'OPEN'")) {
      s.setTimestamp(1, Timestamp.from(now));
      s.setString(2, by);
      s.setLong(3, id);
      s.setLong(4, registrationId);
      return s.executeUpdate() == 1;
    }
  }

  /**
   * OPEN or ACKNOWLEDGED → RESOLVED with a note; an open alert is acknowledged at the same time.
   * False when the alert was already resolved.
   */
  public static boolean resolve(
      Connection connection, long registrationId, long id, String by, String note, Instant now)
      throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "UPDATE cohort_alert SET state = 'RESOLVED', resolved_at = ?, resolved_by = ?,"
                + " resolution_note = ?, acknowledged_at = COALESCE(acknowledged_at, ?),"
                + " acknowledged_by = COALESCE(acknowledged_by, ?)"
                + " WHERE id = ? AND registration_id = ? AND state <> 'RESOLVED'")) {
      Timestamp at = Timestamp.from(now);
      s.setTimestamp(1, at);
      s.setString(2, by);
      s.setString(3, note);
      s.setTimestamp(4, at);
      s.setString(5, by);
      s.setLong(6, id);
      s.setLong(7, registrationId);
      return s.executeUpdate() == 1;
    }
  }

  private static StoredAlert read(ResultSet rs, Map<Long, List<String>> modules)
      throws SQLException {
    Integer allN = (Integer) rs.getObject(30, Integer.class);
    StoredAlert.AllStudents all =
        allN == null
            ? null
            : new StoredAlert.AllStudents(
                allN, rs.getDouble(31), rs.getDouble(32), rs.getDouble(33), rs.getDouble(34));
    return new StoredAlert(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        rs.getString(4),
        rs.getInt(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        ComparisonKind.valueOf(rs.getString(10)),
        AlertState.valueOf(rs.getString(11)),
        new StoredAlert.Group(rs.getInt(12), rs.getDouble(13), rs.getDouble(14), dbl(rs, 15)),
        new StoredAlert.Group(rs.getInt(16), rs.getDouble(17), rs.getDouble(18), dbl(rs, 19)),
        rs.getDouble(20),
        dbl(rs, 21),
        rs.getDouble(22),
        rs.getDouble(23),
        rs.getDouble(24),
        rs.getDouble(25),
        rs.getDouble(26),
        rs.getDouble(27),
        rs.getDouble(28),
        rs.getString(29),
        all,
        modules.getOrDefault(rs.getLong(1), List.of()),
        time(rs, 35),
        time(rs, 36),
        time(rs, 37),
        rs.getString(38),
        time(rs, 39),
        rs.getString(40),
        rs.getString(41),
        rs.getBoolean(42));
  }

  private static Double dbl(ResultSet rs, int column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  private static OffsetDateTime time(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant().atOffset(ZoneOffset.UTC);
  }
}
