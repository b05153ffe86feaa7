package org.rapport.lti.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.rapport.curriculum.cohorts.ScheduleTemplate;
import org.rapport.curriculum.imports.CsvReader;
import org.rapport.curriculum.imports.HistoricalResult;
import org.rapport.curriculum.imports.ResultFileValidator;
import org.rapport.curriculum.imports.RowProblem;
import org.rapport.curriculum.instruments.InstrumentCatalog;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.lti.testdata.ImportDatabase;

/** The JDBC writer on the real schema (embedded H2), outside the container. */
class ImportWriterTest {
  private static final java.time.Clock CLOCK =
      java.time.Clock.fixed(
          java.time.Instant.parse("2026-05-04T10:00:00Z"), java.time.ZoneOffset.UTC);

  private static final ScheduleTemplate TEMPLATE =
      ScheduleTemplate.standard(InstrumentRef.of("rapport-empathy", 1));

  static final String CSV =
      "student_id,cohort,stage,instrument,version,completed_on,item_1,item_2,item_3,item_4,item_5,"
          + "item_6,item_7,item_8,item_9,item_10,item_11,item_12,item_13,item_14,item_15,item_16,"
          + "item_17,item_18,total,subscale_cognitive\n"
          + "W-1,2020,MATRICULATION,rapport-empathy,1,2020-08-20,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,,\n"
          + "W-1,2020,Y1,rapport-empathy,1,,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,,,\n"
          + "W-2,2020,Y1,rapport-empathy,1,,,,,,,,,,,,,,,,,,,,70.5,23\n";

  static List<HistoricalResult> results(String csv) throws IOException {
    ResultFileValidator validator =
        new ResultFileValidator(InstrumentCatalog.shipped(), LocalDate.of(2026, 11, 26));
    CsvReader reader = new CsvReader(new StringReader(csv));
    assertEquals(List.of(), validator.header(reader.next()));
    List<HistoricalResult> results = new ArrayList<>();
    for (List<String> row = reader.next(); row != null; row = reader.next()) {
      ResultFileValidator.Outcome outcome = validator.row(reader.recordNumber(), row);
      assertEquals(List.of(), outcome.problems());
      results.add(outcome.result().orElseThrow());
    }
    return results;
  }

  @Test
  void writesCohortsWavesStudentsResponsesAnswersAndScoresThenChangesNothingTheSecondTime()
      throws Exception {
    JdbcDataSource ds = ImportDatabase.freshH2("writer");
    long tenant = ImportDatabase.tenant(ds);
    List<HistoricalResult> results = results(CSV);
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      TenantData known = TenantData.load(c, tenant);
      ImportWriter.Written written =
          new ImportWriter(
                  c, tenant, ImportDatabase.job(c, tenant), "admin test", "w.csv", TEMPLATE, CLOCK)
              .write(results, known, n -> {});
      c.commit();
      assertEquals(new ImportWriter.Written(3, 0, 2, 1), written);
      assertEquals(9, count(c, "SELECT COUNT(*) FROM wave"), "the standard schedule's waves");
      assertEquals(2, count(c, "SELECT COUNT(*) FROM student"));
      assertEquals(2, count(c, "SELECT COUNT(*) FROM cohort_move WHERE source = 'IMPORT'"));
      assertEquals(
          3, count(c, "SELECT COUNT(*) FROM assessment_response WHERE status = 'IMPORTED'"));
      assertEquals(
          1,
          count(
              c,
              "SELECT COUNT(*) FROM assessment_response r WHERE NOT EXISTS (SELECT 1 FROM"
                  + " assessment_answer a WHERE a.response_id = r.id)"),
          "W-2: scores only");
      assertEquals(18 + 17, count(c, "SELECT COUNT(*) FROM assessment_answer"), "a row per item");
      assertEquals(
          18 * 4 + 17 * 5, count(c, "SELECT SUM(answer) FROM assessment_answer"), "as given");
      assertEquals(
          0,
          count(c, "SELECT COUNT(*) FROM assessment_answer WHERE item < 1 OR item > 18"),
          "items by number");
      assertEquals(3, count(c, "SELECT COUNT(*) FROM assessment_score"));
      assertEquals(3 + 3 + 1, count(c, "SELECT COUNT(*) FROM assessment_subscale_score"));
      assertEquals(
          72,
          count(
              c,
              "SELECT s.keyed_sum FROM assessment_score s JOIN assessment_response r ON r.id ="
                  + " s.response_id JOIN wave w ON w.id = r.wave_id WHERE w.stage ="
                  + " 'MATRICULATION'"));
      assertEquals(
          1,
          count(c, "SELECT COUNT(*) FROM assessment_score WHERE status = 'PRORATED'"),
          "W-1's Y1 misses item 18");

      TenantData again = TenantData.load(c, tenant);
      for (HistoricalResult r : results) {
        assertEquals(Optional.empty(), ExistingDataChecks.check(r, again), r.toString());
      }
      ImportWriter.Written second =
          new ImportWriter(
                  c, tenant, ImportDatabase.job(c, tenant), "admin test", "w.csv", TEMPLATE, CLOCK)
              .write(results, again, n -> {});
      c.commit();
      assertEquals(new ImportWriter.Written(0, 3, 0, 0), second);
      assertEquals(3, count(c, "SELECT COUNT(*) FROM assessment_response"));

      List<HistoricalResult> changed = results(CSV.replace(",70.5,23", ",71.5,23"));
      Optional<RowProblem> problem = ExistingDataChecks.check(changed.get(2), again);
      assertTrue(problem.isPresent());
      assertEquals(4, problem.get().row());
      assertEquals("student_id", problem.get().column());
    }
  }

  @Test
  void anImportThatFailsAfterWritingLeavesNoRowsOnceRolledBack() throws Exception {
    JdbcDataSource ds = ImportDatabase.freshH2("writer-fails");
    long tenant = ImportDatabase.tenant(ds);
    List<HistoricalResult> results = results(CSV);
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      long job = ImportDatabase.job(c, tenant);
      c.commit();
      TenantData known = TenantData.load(c, tenant);
      IllegalStateException failure =
          assertThrows(
              IllegalStateException.class,
              () ->
                  new ImportWriter(c, tenant, job, "admin test", "w.csv", TEMPLATE, CLOCK)
                      .write(
                          results,
                          known,
                          n -> {
                            if (n == results.size()) {
                              throw new IllegalStateException("the node stopped");
                            }
                          }));
      assertEquals("the node stopped", failure.getMessage());
      assertEquals(
          18 + 17,
          count(c, "SELECT COUNT(*) FROM assessment_answer"),
          "it failed after writing every answer");
      c.rollback();
      for (String table :
          List.of(
              "assessment_answer",
              "assessment_subscale_score",
              "assessment_score",
              "assessment_response",
              "cohort_move",
              "student",
              "wave",
              "cohort")) {
        assertEquals(0, count(c, "SELECT COUNT(*) FROM " + table), table);
      }
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
