package org.rapport.lti.imports;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.rapport.curriculum.cohorts.ScheduleTemplate;
import org.rapport.curriculum.imports.CsvFormatException;
import org.rapport.curriculum.imports.CsvReader;
import org.rapport.curriculum.imports.HistoricalResult;
import org.rapport.curriculum.imports.ProblemList;
import org.rapport.curriculum.imports.ResultFileValidator;
import org.rapport.curriculum.imports.RowProblem;
import org.rapport.lti.alerts.AssessmentDataChanged;
import org.rapport.lti.cohorts.Schedules;
import org.rapport.lti.instruments.Instruments;
import org.rapport.lti.persistence.RapportDataSource;
import org.rapport.lti.settings.RapportSettings;

/**
 * Runs an import job in the background: checks every row (the file's own rules, then against what
 * the tenant holds) and, only when no row has a problem, writes all of them in one transaction with
 * JDBC batches. A file with any problem imports nothing; the problems are kept by row and column.
 * Progress is reported through {@link ImportProgress}. The file is read from its spool ({@link
 * ImportSpool}), not from memory.
 */
@ApplicationScoped
public class ImportRunner {
  @Inject Clock clock;
  private static final Logger LOG = Logger.getLogger(ImportRunner.class.getName());
  private static final int PROGRESS_EVERY = 1000;
  private static final int TRANSACTION_SECONDS = 1800;

  @Resource ManagedExecutorService executor;

  @Resource(lookup = RapportDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject UserTransaction transaction;
  @Inject ImportJobs jobs;
  @Inject ImportProgress progress;
  @Inject Instruments instruments;
  @Inject Schedules schedules;
  @Inject RapportSettings settings;
  @Inject Event<AssessmentDataChanged> dataChanged;

  /** Starts the job in the background. */
  /** Starts the job in the background; the job deletes the spooled file when it ends. */
  public void start(
      long jobId, long registrationId, ImportSpool file, String fileName, String actor) {
    progress.update(jobId, ImportState.QUEUED, 0, 0);
    try {
      executor.submit(
          () -> {
            try {
              run(jobId, registrationId, file, fileName, actor);
            } finally {
              file.delete();
            }
          });
    } catch (RuntimeException notStarted) {
      file.delete();
      throw notStarted;
    }
  }

  void run(long jobId, long registrationId, ImportSpool file, String fileName, String actor) {
    int total = 0;
    int processed = 0;
    try {
      total = countRows(file);
      progress.update(jobId, ImportState.VALIDATING, 0, total);
      jobs.moveTo(jobId, ImportState.VALIDATING, total, 0);
      int rows = total;

      Checked checked;
      try (Reader in = reader(file)) {
        checked =
            check(
                in,
                registrationId,
                n -> {
                  if (n % PROGRESS_EVERY == 0) {
                    progress.update(jobId, ImportState.VALIDATING, n, rows);
                  }
                });
      }
      processed = checked.processed();
      if (checked.unreadable() != null) {
        jobs.failed(
            jobId,
            total,
            processed,
            List.of(checked.unreadable()),
            1,
            "Nothing was imported: the file is not readable as CSV.");
        return;
      }
      if (!checked.header().isEmpty()) {
        jobs.failed(
            jobId,
            total,
            0,
            checked.header(),
            checked.header().size(),
            "Nothing was imported: the header row has problems. Fix them and upload the file"
                + " again.");
        return;
      }
      ProblemList problems = checked.problems();
      List<HistoricalResult> results = checked.results();
      int problemRows = checked.problemRows();
      progress.update(jobId, ImportState.VALIDATING, processed, total);

      TenantData known;
      try (Connection c = dataSource.getConnection()) {
        known = TenantData.load(c, registrationId);
      }
      for (HistoricalResult r : results) {
        Optional<RowProblem> p = ExistingDataChecks.check(r, known);
        if (p.isPresent()) {
          problemRows++;
          problems.add(p.get());
        }
      }
      if (!problems.isEmpty()) {
        int problemCount = problems.distinct();
        jobs.failed(
            jobId,
            total,
            processed,
            problems.problems(),
            problemCount,
            "Nothing was imported: "
                + problemCount
                + (problemCount == 1 ? " problem" : " problems")
                + " in "
                + problemRows
                + (problemRows == 1 ? " row" : " rows")
                + ". Fix "
                + (problemCount == 1 ? "it" : "them")
                + " and upload the file again.");
        return;
      }
      write(jobId, registrationId, file, fileName, actor, results, total, processed);
    } catch (Exception e) {
      LOG.log(Level.SEVERE, "Import " + jobId + " failed", e);
      jobs.failed(
          jobId,
          total,
          processed,
          List.of(),
          0,
          "Nothing was imported: the results could not be written to the database ("
              + e.getClass().getSimpleName()
              + "). Try again; if it keeps failing, give your administrator the import number "
              + jobId
              + ".");
    } finally {
      progress.done(jobId);
    }
  }

  /**
   * What checking a file's rows found: the header's problems (then nothing else was read), or the
   * results of the rows without problems and the problems of the others; {@code unreadable} when
   * the file is not CSV.
   */
  private record Checked(
      List<RowProblem> header,
      List<HistoricalResult> results,
      ProblemList problems,
      int problemRows,
      int processed,
      RowProblem unreadable) {}

  /** Checks every row by the file's own rules; {@code onRow} is told each row's count. */
  private Checked check(Reader in, long registrationId, java.util.function.IntConsumer onRow)
      throws IOException {
    ProblemList problems = new ProblemList(ImportJobs.KEPT_PROBLEMS);
    List<HistoricalResult> results = new ArrayList<>();
    int problemRows = 0;
    int processed = 0;
    ResultFileValidator validator =
        new ResultFileValidator(
            instruments.catalog(), schedules.programme(registrationId), settings.today());
    try {
      CsvReader csv = new CsvReader(in);
      List<RowProblem> header = validator.header(csv.next());
      if (!header.isEmpty()) {
        return new Checked(header, results, problems, 0, 0, null);
      }
      for (List<String> fields = csv.next(); fields != null; fields = csv.next()) {
        processed++;
        if (ResultFileValidator.isBlank(fields)) {
          continue;
        }
        ResultFileValidator.Outcome outcome = validator.row(csv.recordNumber(), fields);
        if (outcome.result().isPresent()) {
          results.add(outcome.result().get());
        } else {
          problemRows++;
          problems.addAll(outcome.problems());
        }
        onRow.accept(processed);
      }
    } catch (CsvFormatException e) {
      return new Checked(
          List.of(),
          results,
          problems,
          problemRows,
          processed,
          new RowProblem(e.row(), RowProblem.WHOLE_FILE, e.problem()));
    }
    return new Checked(List.of(), results, problems, problemRows, processed, null);
  }

  /**
   * Imports a results file now, in the caller's transaction, by the same checks and the same writer
   * as an uploaded file's job: the job, the file's record, its rows and the audit entry commit or
   * roll back with the caller's other work. Development mode's demo data comes in this way. The
   * caller fires {@link AssessmentDataChanged} when it wants the tenant evaluated.
   *
   * @return what was written
   * @throws IllegalArgumentException naming the first problem when any row has one (nothing is
   *     written)
   */
  @jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.MANDATORY)
  public ImportWriter.Written importNow(
      long registrationId, String fileName, String csvText, String actor) throws IOException {
    Checked checked = check(new java.io.StringReader(csvText), registrationId, n -> {});
    try (Connection c = dataSource.getConnection()) {
      TenantData known = TenantData.load(c, registrationId);
      List<RowProblem> problems = new ArrayList<>(checked.header());
      if (checked.unreadable() != null) {
        problems.add(checked.unreadable());
      }
      problems.addAll(checked.problems().problems());
      for (HistoricalResult r : checked.results()) {
        ExistingDataChecks.check(r, known).ifPresent(problems::add);
      }
      if (!problems.isEmpty()) {
        RowProblem first = problems.get(0);
        throw new IllegalArgumentException(
            fileName + " row " + first.row() + ", " + first.column() + ": " + first.message());
      }
      String sha = ImportSpool.sha256(csvText);
      long jobId = jobs.createWithin(registrationId, fileName, sha, actor);
      if (!recordFile(c, registrationId, sha, jobId)) {
        throw new IllegalArgumentException(fileName + " is in this tenant already.");
      }
      ImportWriter.Written written =
          new ImportWriter(
                  c,
                  registrationId,
                  jobId,
                  actor,
                  fileName,
                  schedules.forTenant(registrationId).template(),
                  clock)
              .write(checked.results(), known, n -> {});
      finish(c, jobId, checked.processed(), written);
      audit(c, actor, registrationId, jobId, fileName, written);
      return written;
    } catch (SQLException e) {
      throw new IllegalStateException(fileName + " could not be written to the database.", e);
    }
  }

  private void write(
      long jobId,
      long registrationId,
      ImportSpool file,
      String fileName,
      String actor,
      List<HistoricalResult> results,
      int total,
      int processed)
      throws Exception {
    progress.update(jobId, ImportState.IMPORTING, 0, results.size());
    jobs.moveTo(jobId, ImportState.IMPORTING, total, processed);
    ScheduleTemplate template = schedules.forTenant(registrationId).template();
    transaction.setTransactionTimeout(TRANSACTION_SECONDS);
    transaction.begin();
    try {
      ImportWriter.Written written;
      try (Connection c = dataSource.getConnection()) {
        if (!recordFile(c, registrationId, file.sha256(), jobId)) {
          transaction.rollback();
          jobs.unchanged(
              jobId,
              total,
              "This file was imported by another upload while this one was being checked;"
                  + " nothing changed.");
          return;
        }
        // Check again inside the transaction: the tenant may have changed since the first check.
        TenantData known = TenantData.load(c, registrationId);
        for (HistoricalResult r : results) {
          Optional<RowProblem> p = ExistingDataChecks.check(r, known);
          if (p.isPresent()) {
            transaction.rollback();
            jobs.failed(
                jobId,
                total,
                processed,
                List.of(p.get()),
                1,
                "Nothing was imported: the data changed while the file was being checked.");
            return;
          }
        }
        written =
            new ImportWriter(c, registrationId, jobId, actor, fileName, template, clock)
                .write(
                    results,
                    known,
                    n -> progress.update(jobId, ImportState.IMPORTING, n, results.size()));
        finish(c, jobId, processed, written);
        audit(c, actor, registrationId, jobId, fileName, written);
      }
      transaction.commit();
      LOG.info(
          () ->
              "Import "
                  + jobId
                  + ": "
                  + written.imported()
                  + " results imported, "
                  + written.unchanged()
                  + " already present.");
      if (written.imported() > 0) {
        dataChanged.fireAsync(
            new AssessmentDataChanged(
                registrationId, "import " + jobId + " finished (" + fileName + ")"));
      }
    } catch (Exception e) {
      rollbackQuietly();
      throw e;
    }
  }

  /** Records that this file is in the tenant; false when another job did so first. */
  private boolean recordFile(Connection c, long registrationId, String sha, long jobId)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT job_id FROM import_file WHERE registration_id = ? AND file_sha256 = ?")) {
      s.setLong(1, registrationId);
      s.setString(2, sha);
      if (s.executeQuery().next()) {
        return false;
      }
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO import_file (registration_id, file_sha256, job_id, imported_at) VALUES"
                + " (?, ?, ?, ?)")) {
      s.setLong(1, registrationId);
      s.setString(2, sha);
      s.setLong(3, jobId);
      s.setObject(4, OffsetDateTime.now(clock));
      s.executeUpdate();
    }
    return true;
  }

  private void finish(Connection c, long jobId, int processed, ImportWriter.Written w)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE import_job SET state = ?, rows_processed = ?, rows_imported = ?,"
                + " rows_unchanged = ?, problem_count = 0, message = ?, finished_at = ? WHERE id ="
                + " ?")) {
      s.setString(1, ImportState.COMPLETED.name());
      s.setInt(2, processed);
      s.setInt(3, w.imported());
      s.setInt(4, w.unchanged());
      s.setString(
          5,
          w.imported()
              + " results imported"
              + (w.unchanged() > 0 ? ", " + w.unchanged() + " were already in Rapport" : "")
              + "; "
              + w.studentsCreated()
              + " new pseudonymous students, "
              + w.cohortsCreated()
              + " new cohorts.");
      s.setObject(6, OffsetDateTime.now(clock));
      s.setLong(7, jobId);
      s.executeUpdate();
    }
  }

  private void audit(
      Connection c,
      String actor,
      long registrationId,
      long jobId,
      String fileName,
      ImportWriter.Written w)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO audit_log (occurred_at, actor_kind, actor, action, registration_id,"
                + " student_id, detail) VALUES (?, 'ADMIN', ?, 'RESULTS_IMPORTED', ?, NULL, ?)")) {
      s.setObject(1, OffsetDateTime.now(clock));
      s.setString(2, actor);
      s.setLong(3, registrationId);
      String detail =
          "import "
              + jobId
              + " ("
              + (fileName == null ? "no name" : fileName)
              + "): "
              + w.imported()
              + " results";
      s.setString(4, detail.length() > 1000 ? detail.substring(0, 1000) : detail);
      s.executeUpdate();
    }
  }

  private void rollbackQuietly() {
    try {
      if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
        transaction.rollback();
      }
    } catch (SystemException | IllegalStateException | SecurityException e) {
      LOG.log(Level.WARNING, "Rollback of an import failed", e);
    }
  }

  static int countRows(ImportSpool file) throws IOException {
    int rows = 0;
    try (Reader in = reader(file)) {
      CsvReader csv = new CsvReader(in);
      if (csv.next() == null) {
        return 0;
      }
      while (csv.next() != null) {
        rows++;
      }
    } catch (CsvFormatException e) {
      return rows;
    }
    return rows;
  }

  static Reader reader(ImportSpool file) throws IOException {
    return new InputStreamReader(
        file.open(),
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE));
  }
}
