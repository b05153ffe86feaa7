package org.rapport.lti.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.rapport.lti.testdata.ServiceRows;

/**
 * V18 and V19 move small text formats into rows and keep what was stored: data written before them
 * is read back in its new shape. The H2 and PostgreSQL tests name the database.
 */
abstract class DataShapesMigrationContract {
  private static final OffsetDateTime NOW =
      OffsetDateTime.of(2030, 1, 1, 8, 0, 0, 0, ZoneOffset.UTC);

  /** An empty database (or schema) to migrate. */
  abstract DataSource emptyDatabase() throws SQLException;

  /** Flyway on that database, as Rapport configures it, plus any schema the test needs. */
  FluentConfiguration flyway(DataSource ds) {
    return Flyway.configure(getClass().getClassLoader())
        .dataSource(ds)
        .locations(SchemaMigrator.LOCATION);
  }

  /** Migrates to the last version before {@code version}, whichever that is. */
  private void before(DataSource ds, int version) {
    MigrationVersion last = MigrationVersion.fromVersion("1");
    for (MigrationInfo info : flyway(ds).load().info().all()) {
      MigrationVersion v = info.getVersion();
      if (!v.isNewerThan(String.valueOf(version - 1)) && v.isNewerThan(last)) {
        last = v;
      }
    }
    flyway(ds).target(last).load().migrate();
  }

  @Test
  void alertsRaisedBeforeV18KeepTheirRecommendedModulesInOrder() throws SQLException {
    DataSource ds = emptyDatabase();
    before(ds, 18);
    try (Connection c = ds.getConnection()) {
      long tenant = tenantWithCohort(c);
      alert(c, 10, tenant, "total", "teach-back,opening-the-visit,why-empathy-erodes");
      alert(c, 11, tenant, "affective", "listening-without-interrupting");
      alert(c, 12, tenant, "cognitive", "");
    }

    flyway(ds).load().migrate();

    try (Connection c = ds.getConnection()) {
      assertEquals(
          List.of(
              "10:0:teach-back",
              "10:1:opening-the-visit",
              "10:2:why-empathy-erodes",
              "11:0:listening-without-interrupting"),
          rows(
              c,
              "SELECT alert_id, display_order, module_id FROM cohort_alert_module"
                  + " ORDER BY alert_id, display_order"));
    }
  }

  @Test
  void subscaleValuesKeptOnlyInTheOldTextBecomeRowsAndRowsAreKept() throws SQLException {
    DataSource ds = emptyDatabase();
    before(ds, 18);
    try (Connection c = ds.getConnection()) {
      long tenant = tenantWithCohort(c);
      waveAndStudent(c, tenant);
      run(
          c,
          "INSERT INTO assessment_response (id, student_id, wave_id, instrument_id,"
              + " instrument_version, status, started_at, updated_at, submitted_at,"
              + " score_version, answers) VALUES (10, 3, 2, 'jse-s', 1, 'SUBMITTED', ?, ?, ?, 1,"
              + " '')",
          NOW,
          NOW,
          NOW);
      run(
          c,
          "INSERT INTO assessment_score (response_id, scored_with_version, origin, status,"
              + " score_value, item_count, scored_at, subscale_values) VALUES (10, 1, 'IMPORTED',"
              + " 'GIVEN', 90, 0, ?, 'action=28.25;affective=30.0000;cognitive=31.5')",
          NOW);
      run(
          c,
          "INSERT INTO assessment_subscale_score (response_id, scored_with_version, subscale_id,"
              + " keyed_sum, score_value, item_count) VALUES (10, 1, 'affective', 12, 30, 6)");
    }

    flyway(ds).load().migrate();

    try (Connection c = ds.getConnection()) {
      assertEquals(
          List.of("action:28.2500:null:0", "affective:30.0000:12:6", "cognitive:31.5000:null:0"),
          rows(
              c,
              "SELECT subscale_id, score_value, keyed_sum, item_count"
                  + " FROM assessment_subscale_score WHERE response_id = 10 ORDER BY subscale_id"));
      assertFalse(column(c, "assessment_score", "subscale_values"), "the text column is gone");
    }
  }

  @Test
  void answersGivenBeforeV19BecomeOneRowPerItemAndTheTextGoes() throws SQLException {
    DataSource ds = emptyDatabase();
    before(ds, 19);
    try (Connection c = ds.getConnection()) {
      long tenant = tenantWithCohort(c);
      waveAndStudent(c, tenant);
      student(c, 4, tenant);
      student(c, 5, tenant);
      response(c, 20, 3, "SUBMITTED", "1:5,2:3,4:7,10:1,18:6");
      response(c, 21, 4, "DRAFT", "3:2");
      response(c, 22, 5, "IMPORTED", "");
    }

    flyway(ds).load().migrate();

    try (Connection c = ds.getConnection()) {
      assertEquals(
          List.of("20:1:5", "20:2:3", "20:4:7", "20:10:1", "20:18:6", "21:3:2"),
          rows(
              c,
              "SELECT response_id, item, answer FROM assessment_answer ORDER BY response_id,"
                  + " item"));
      assertFalse(column(c, "assessment_response", "answers"), "the text column is gone");

      run(c, "DELETE FROM student WHERE id = 3");
      assertEquals(
          List.of("21:3:2"),
          rows(c, "SELECT response_id, item, answer FROM assessment_answer"),
          "a student's answers go with their data");
    }
  }

  private static void response(Connection c, long id, long student, String status, String answers)
      throws SQLException {
    run(
        c,
        "INSERT INTO assessment_response (id, student_id, wave_id, instrument_id,"
            + " instrument_version, status, started_at, updated_at, answers) VALUES (?, ?, 2,"
            + " 'jse-s', 1, ?, ?, ?, ?)",
        id,
        student,
        status,
        NOW,
        NOW,
        answers);
  }

  /** Wave 2 of cohort 1 and student 3 in that cohort. */
  private static void waveAndStudent(Connection c, long tenant) throws SQLException {
    run(
        c,
        "INSERT INTO wave (id, cohort_id, stage, instrument_id, instrument_version, origin,"
            + " created_at, updated_at) VALUES (2, 1, 'Y1', 'jse-s', 1, 'ADMIN', ?, ?)",
        NOW,
        NOW);
    student(c, 3, tenant);
  }

  /** A student of cohort 1. */
  private static void student(Connection c, long id, long tenant) throws SQLException {
    run(
        c,
        "INSERT INTO student (id, registration_id, pseudonym, cohort_id, cohort_source,"
            + " created_at) VALUES (?, ?, ?, 1, 'ADMIN', ?)",
        id,
        tenant,
        "s-" + id,
        NOW);
  }

  /** Whether the table of the connection's schema has the column, spelt in either case. */
  private static boolean column(Connection c, String table, String column) throws SQLException {
    try (ResultSet columns = c.getMetaData().getColumns(null, c.getSchema(), null, null)) {
      while (columns.next()) {
        if (columns.getString("TABLE_NAME").equalsIgnoreCase(table)
            && columns.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A tenant with cohort 1; answers the tenant's id. */
  private static long tenantWithCohort(Connection c) throws SQLException {
    long tenant = new ServiceRows(c).registration("https://lms.example.edu");
    run(
        c,
        "INSERT INTO cohort (id, registration_id, matriculation_year, label, created_at)"
            + " VALUES (1, ?, 2030, 'Class of 2034', ?)",
        tenant,
        NOW);
    return tenant;
  }

  private static void alert(Connection c, long id, long tenant, String measure, String modules)
      throws SQLException {
    run(
        c,
        "INSERT INTO cohort_alert (id, registration_id, cohort_id, instrument_id, from_stage,"
            + " to_stage, measure, comparison, state, reference_n, reference_mean, reference_sd,"
            + " current_n, current_mean, current_sd, change_value, ci_level, ci_lower, ci_upper,"
            + " t_value, df, p_value, effect_size, effect_size_measure, recommended_modules,"
            + " raised_at, evaluated_at) VALUES (?, ?, 1, 'rapport-empathy', 'MATRICULATION',"
            + " 'Y1', ?, 'PREVIOUS_WAVE', 'OPEN', 40, 80, 8, 40, 75, 8, -5, 0.95, -7, -3, -4.5,"
            + " 39, 0.0001, -0.6, 'DZ', ?, ?, ?)",
        id,
        tenant,
        measure,
        modules,
        NOW,
        NOW);
  }

  private static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i > 1 ? ":" : "").append(rs.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  static void run(Connection c, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    }
  }
}
