package org.rapport.lti.imports;

import java.io.StringReader;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.rapport.curriculum.cohorts.ScheduleTemplate;
import org.rapport.curriculum.imports.CsvReader;
import org.rapport.curriculum.imports.HistoricalResult;
import org.rapport.curriculum.imports.ResultFileValidator;
import org.rapport.curriculum.instruments.InstrumentCatalog;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.lti.testdata.ImportDatabase;

/**
 * Times the import of a large file of historical results the way the import job runs it: parse and
 * check every row, check against the tenant's data, write everything with JDBC batches in one
 * transaction. Prints the figures; asserts nothing.
 *
 * <pre>
 * mvn -q -pl lti-tool -am test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.rapport.lti.imports.ImportBenchmark -Dexec.args="100000"
 * # on PostgreSQL (a database that exists; the benchmark migrates it):
 *   -Dexec.args="100000 jdbc:postgresql://127.0.0.1:5432/rapport_bench postgres"
 * </pre>
 */
public final class ImportBenchmark {
  private ImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    DataSource ds;
    String where;
    if (args.length > 1) {
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setURL(args[1]);
      pg.setUser(args.length > 2 ? args[2] : "postgres");
      pg.setPassword(args.length > 3 ? args[3] : "");
      ImportDatabase.migrate(pg);
      ds = pg;
      where = args[1];
    } else {
      JdbcDataSource h2 = new JdbcDataSource();
      String file = "target/import-benchmark-" + System.currentTimeMillis();
      h2.setURL("jdbc:h2:file:./" + file + ";MODE=LEGACY");
      h2.setUser("sa");
      ImportDatabase.migrate(h2);
      ds = h2;
      where = "H2 file " + file;
    }
    long tenant = ImportDatabase.tenant(ds);
    String csv = file(rows);
    System.out.printf("Benchmark: %,d rows (%,d bytes) into %s%n", rows, csv.length(), where);

    long t0 = System.nanoTime();
    ResultFileValidator validator =
        new ResultFileValidator(InstrumentCatalog.shipped(), LocalDate.now());
    CsvReader reader = new CsvReader(new StringReader(csv));
    validator.header(reader.next());
    List<HistoricalResult> results = new ArrayList<>(rows);
    for (List<String> row = reader.next(); row != null; row = reader.next()) {
      ResultFileValidator.Outcome outcome = validator.row(reader.recordNumber(), row);
      if (outcome.result().isEmpty()) {
        throw new IllegalStateException(outcome.problems().toString());
      }
      results.add(outcome.result().get());
    }
    long t1 = System.nanoTime();
    ImportWriter.Written written;
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      TenantData known = TenantData.load(c, tenant);
      for (HistoricalResult r : results) {
        if (ExistingDataChecks.check(r, known).isPresent()) {
          throw new IllegalStateException("unexpected conflict");
        }
      }
      long t2 = System.nanoTime();
      written =
          new ImportWriter(
                  c,
                  tenant,
                  ImportDatabase.job(c, tenant),
                  "benchmark",
                  "benchmark.csv",
                  ScheduleTemplate.standard(InstrumentRef.of("rapport-empathy", 1)),
                  java.time.Clock.systemUTC())
              .write(results, known, n -> {});
      c.commit();
      long t3 = System.nanoTime();
      System.out.printf(
          "Parse and check rows: %.1f s; check against the tenant: %.1f s; write and commit:"
              + " %.1f s; total %.1f s. %s%n",
          (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t3 - t0) / 1e9, written);
    }
  }

  /** {@code rows} results: students of five cohorts, four stages each, 18 answers per row. */
  static String file(int rows) {
    StringBuilder csv =
        new StringBuilder("student_id,cohort,stage,instrument,version,completed_on");
    for (int i = 1; i <= 18; i++) {
      csv.append(",item_").append(i);
    }
    csv.append('\n');
    String[] stages = {"MATRICULATION", "Y1", "Y2", "Y3"};
    Random random = new Random(1);
    for (int i = 0; i < rows; i++) {
      int student = i / stages.length;
      int cohort = 2015 + student % 5;
      csv.append("B-")
          .append(student)
          .append(',')
          .append(cohort)
          .append(',')
          .append(stages[i % stages.length])
          .append(",rapport-empathy,1,")
          .append(cohort + i % stages.length)
          .append("-05-01");
      for (int item = 0; item < 18; item++) {
        csv.append(',').append(1 + random.nextInt(7));
      }
      csv.append('\n');
    }
    return csv.toString();
  }
}
