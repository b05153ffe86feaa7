package org.rapport.lti.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.rapport.lti.assessment.SubscaleValues;
import org.rapport.lti.testdata.ServiceRows;

/** V8 fills the new per-score subscale text from the subscale rows already stored. */
class SubscaleValuesMigrationTest {
  private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);

  @Test
  void scoresStoredBeforeV8GetTheirSubscaleValues() throws SQLException {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:v8-backfill;MODE=LEGACY;DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    Flyway.configure(getClass().getClassLoader())
        .dataSource(ds)
        .locations(SchemaMigrator.LOCATION)
        .target("7")
        .load()
        .migrate();
    try (Connection c = ds.getConnection()) {
      long tenant = new ServiceRows(c).registration("https://lms.example.edu");
      run(c, "INSERT INTO cohort VALUES (1, ?, 2030, 'Class of 2034', ?)", tenant, NOW);
      run(
          c,
          "INSERT INTO wave (id, cohort_id, stage, instrument_id, instrument_version, origin,"
              + " created_at, updated_at) VALUES (2, 1, 'Y1', 'jse-s', 1, 'ADMIN', ?, ?)",
          NOW,
          NOW);
      for (long student = 3; student <= 4; student++) {
        run(
            c,
            "INSERT INTO student (id, registration_id, pseudonym, cohort_id, cohort_source,"
                + " created_at) VALUES (?, ?, ?, 1, 'ADMIN', ?)",
            student,
            tenant,
            "s-" + student,
            NOW);
      }
      for (long response = 10; response <= 11; response++) {
        run(
            c,
            "INSERT INTO assessment_response (id, student_id, wave_id, instrument_id,"
                + " instrument_version, status, started_at, updated_at, submitted_at,"
                + " score_version, answers) VALUES (?, ?, 2, 'jse-s', 1, 'SUBMITTED', ?, ?, ?, 1,"
                + " '')",
            response,
            response - 7,
            NOW,
            NOW,
            NOW);
        run(
            c,
            "INSERT INTO assessment_score (response_id, scored_with_version, origin, status,"
                + " score_value, item_count, scored_at) VALUES (?, 1, 'IMPORTED', 'GIVEN', 90, 0,"
                + " ?)",
            response,
            NOW);
      }
      String[][] subscales = {{"cognitive", "31.5"}, {"affective", "30"}, {"action", "28.25"}};
      for (String[] s : subscales) {
        run(
            c,
            "INSERT INTO assessment_subscale_score (response_id, scored_with_version, subscale_id,"
                + " score_value, item_count) VALUES (10, 1, ?, ?, 0)",
            s[0],
            new java.math.BigDecimal(s[1]));
      }
    }

    assertEquals("8", new SchemaMigrator().migrate(ds));
    try (Connection c = ds.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT response_id, subscale_values FROM assessment_score ORDER BY response_id");
        ResultSet rs = select.executeQuery()) {
      rs.next();
      Map<String, Double> values = new HashMap<>();
      SubscaleValues.read(rs.getString(2), values::put);
      assertEquals(Map.of("cognitive", 31.5, "affective", 30.0, "action", 28.25), values);
      rs.next();
      assertNull(rs.getString(2), "a score without subscale rows has none");
    }
  }

  private static void run(Connection c, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    }
  }
}
