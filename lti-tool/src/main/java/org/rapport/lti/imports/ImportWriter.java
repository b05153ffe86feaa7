package org.rapport.lti.imports;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.rapport.curriculum.assessments.ScaleScore;
import org.rapport.curriculum.assessments.ScoringResult;
import org.rapport.curriculum.cohorts.MatriculationYear;
import org.rapport.curriculum.cohorts.ScheduleTemplate;
import org.rapport.curriculum.cohorts.ScheduledStage;
import org.rapport.curriculum.cohorts.WaveWindow;
import org.rapport.curriculum.imports.GivenScores;
import org.rapport.curriculum.imports.HistoricalResult;
import org.rapport.curriculum.instruments.SubscaleId;
import org.rapport.lti.assessment.ScoreStore;

/**
 * Writes checked historical results with JDBC batch inserts, on a connection whose transaction the
 * caller owns (so that a file is imported completely or not at all). Creates what the results need
 * and the tenant lacks: cohorts (with the waves of the tenant's schedule template), waves for
 * stages the template does not have (without dates), and pseudonymous students placed in their
 * cohort with a recorded move. Results already present with the same content are skipped.
 *
 * <p>Plain JDBC, no container: the import job uses it inside a JTA transaction, the benchmark on a
 * bare connection.
 */
public final class ImportWriter {
  static final int BATCH = 1000;

  private final Connection c;
  private final long registrationId;
  private final long jobId;
  private final String actor;
  private final String fileName;
  private final ScheduleTemplate template;
  private final OffsetDateTime now;

  /** What was written. */
  public record Written(int imported, int unchanged, int studentsCreated, int cohortsCreated) {}

  public ImportWriter(
      Connection connection,
      long registrationId,
      long jobId,
      String actor,
      String fileName,
      ScheduleTemplate template,
      Clock clock) {
    this.now = OffsetDateTime.now(clock);
    this.c = connection;
    this.registrationId = registrationId;
    this.jobId = jobId;
    this.actor = actor;
    this.fileName = fileName == null ? "an uploaded file" : fileName;
    this.template = template;
  }

  /**
   * @param progress told the number of results handled so far, every {@link #BATCH} rows
   */
  public Written write(List<HistoricalResult> results, TenantData known, LongConsumer progress)
      throws SQLException {
    int cohortsCreated = 0;
    for (HistoricalResult r : results) {
      if (!known.cohortByYear.containsKey(r.cohort().value())) {
        known.cohortByYear.put(r.cohort().value(), createCohort(r.cohort(), known));
        cohortsCreated++;
      }
    }
    for (HistoricalResult r : results) {
      long cohortId = known.cohortByYear.get(r.cohort().value());
      String key = TenantData.waveKey(cohortId, r.stage());
      if (!known.waveByCohortAndStage.containsKey(key)) {
        known.waveByCohortAndStage.put(key, createImportedWave(cohortId, r));
      }
    }
    int studentsCreated = createStudents(results, known);
    placeUnplacedStudents(results, known);

    int unchanged = 0;
    Map<HistoricalResult.Key, HistoricalResult> toInsert = new LinkedHashMap<>();
    for (HistoricalResult r : results) {
      if (known.responseByKey.containsKey(r.key())) {
        unchanged++;
      } else {
        toInsert.put(r.key(), r);
      }
    }
    insertResponses(toInsert, known, progress);
    Map<HistoricalResult.Key, Long> ids = responseIds();
    insertScores(toInsert, ids, progress, results.size());
    return new Written(toInsert.size(), unchanged, studentsCreated, cohortsCreated);
  }

  /** Identifies a result's content; equal rows give equal fingerprints. */
  public static String fingerprint(HistoricalResult r) {
    StringBuilder s = new StringBuilder();
    s.append(r.cohort())
        .append('|')
        .append(r.stage())
        .append('|')
        .append(r.instrument())
        .append('|');
    s.append(r.completedOn().map(Object::toString).orElse("")).append('|');
    r.answers()
        .ifPresent(
            a -> a.byItem().forEach((k, v) -> s.append(k).append('=').append(v).append(',')));
    r.given()
        .ifPresent(
            g -> {
              s.append("total=").append(g.total().stripTrailingZeros().toPlainString());
              g.subscales()
                  .forEach(
                      (k, v) ->
                          s.append(',')
                              .append(k)
                              .append('=')
                              .append(v.stripTrailingZeros().toPlainString()));
            });
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(s.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private long createCohort(MatriculationYear year, TenantData known) throws SQLException {
    long cohortId;
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO cohort (registration_id, matriculation_year, label, created_at) VALUES (?,"
                + " ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      s.setLong(1, registrationId);
      s.setInt(2, year.value());
      s.setString(3, year.cohortLabel());
      s.setObject(4, now);
      s.executeUpdate();
      cohortId = generatedId(s);
    }
    for (ScheduledStage stage : template.stages()) {
      WaveWindow window = template.window(year, stage);
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO wave (cohort_id, stage, opens_on, closes_on, instrument_id,"
                  + " instrument_version, origin, created_at, updated_at, close_noticed) VALUES (?,"
                  + " ?, ?, ?, ?, ?, 'TEMPLATE', ?, ?, ?)",
              Statement.RETURN_GENERATED_KEYS)) {
        s.setLong(1, cohortId);
        s.setString(2, stage.stage().name());
        s.setDate(3, Date.valueOf(window.opens()));
        s.setDate(4, Date.valueOf(window.closes()));
        s.setString(5, stage.instrument().id().value());
        s.setInt(6, stage.instrument().version());
        s.setObject(7, now);
        s.setObject(8, now);
        // A window that closed before the import needs no closing evaluation: the import's own
        // evaluation covers it.
        s.setDate(
            9, window.closes().isBefore(now.toLocalDate()) ? Date.valueOf(window.closes()) : null);
        s.executeUpdate();
        known.waveByCohortAndStage.put(TenantData.waveKey(cohortId, stage.stage()), generatedId(s));
      }
    }
    return cohortId;
  }

  private long createImportedWave(long cohortId, HistoricalResult r) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO wave (cohort_id, stage, opens_on, closes_on, instrument_id,"
                + " instrument_version, origin, created_at, updated_at) VALUES (?, ?, NULL, NULL,"
                + " ?, ?, 'IMPORT', ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      s.setLong(1, cohortId);
      s.setString(2, r.stage().name());
      s.setString(3, r.instrument().id().value());
      s.setInt(4, r.instrument().version());
      s.setObject(5, now);
      s.setObject(6, now);
      s.executeUpdate();
      return generatedId(s);
    }
  }

  private int createStudents(List<HistoricalResult> results, TenantData known) throws SQLException {
    Map<String, Integer> newStudents = new LinkedHashMap<>();
    for (HistoricalResult r : results) {
      if (!known.studentByPseudonym.containsKey(r.studentId())) {
        newStudents.putIfAbsent(r.studentId(), r.cohort().value());
      }
    }
    if (newStudents.isEmpty()) {
      return 0;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO student (registration_id, pseudonym, cohort_id, cohort_source, created_at)"
                + " VALUES (?, ?, ?, 'IMPORT', ?)")) {
      int n = 0;
      for (Map.Entry<String, Integer> e : newStudents.entrySet()) {
        s.setLong(1, registrationId);
        s.setString(2, e.getKey());
        s.setLong(3, known.cohortByYear.get(e.getValue()));
        s.setObject(4, now);
        s.addBatch();
        if (++n % BATCH == 0) {
          s.executeBatch();
        }
      }
      s.executeBatch();
    }
    Map<String, Long> ids = new HashMap<>();
    try (PreparedStatement s =
        c.prepareStatement("SELECT id, pseudonym FROM student WHERE registration_id = ?")) {
      s.setLong(1, registrationId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.put(rs.getString(2), rs.getLong(1));
        }
      }
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO cohort_move (student_id, from_cohort_id, to_cohort_id, source, moved_by,"
                + " reason, moved_at) VALUES (?, NULL, ?, 'IMPORT', ?, ?, ?)")) {
      int n = 0;
      for (Map.Entry<String, Integer> e : newStudents.entrySet()) {
        long id = ids.get(e.getKey());
        known.studentByPseudonym.put(e.getKey(), new TenantData.KnownStudent(id, e.getValue()));
        s.setLong(1, id);
        s.setLong(2, known.cohortByYear.get(e.getValue()));
        s.setString(3, actor);
        s.setString(4, reason());
        s.setObject(5, now);
        s.addBatch();
        if (++n % BATCH == 0) {
          s.executeBatch();
        }
      }
      s.executeBatch();
    }
    return newStudents.size();
  }

  /** Known students without a cohort (linked, but never placed) join the cohort the file names. */
  private void placeUnplacedStudents(List<HistoricalResult> results, TenantData known)
      throws SQLException {
    Map<String, Integer> unplaced = new LinkedHashMap<>();
    for (HistoricalResult r : results) {
      TenantData.KnownStudent s = known.studentByPseudonym.get(r.studentId());
      if (s != null && s.cohortYear() == null) {
        unplaced.putIfAbsent(r.studentId(), r.cohort().value());
      }
    }
    for (Map.Entry<String, Integer> e : unplaced.entrySet()) {
      TenantData.KnownStudent s = known.studentByPseudonym.get(e.getKey());
      long cohortId = known.cohortByYear.get(e.getValue());
      try (PreparedStatement u =
          c.prepareStatement(
              "UPDATE student SET cohort_id = ?, cohort_source = 'IMPORT' WHERE id = ? AND"
                  + " cohort_id IS NULL")) {
        u.setLong(1, cohortId);
        u.setLong(2, s.id());
        if (u.executeUpdate() == 0) {
          continue;
        }
      }
      try (PreparedStatement m =
          c.prepareStatement(
              "INSERT INTO cohort_move (student_id, from_cohort_id, to_cohort_id, source,"
                  + " moved_by, reason, moved_at) VALUES (?, NULL, ?, 'IMPORT', ?, ?, ?)")) {
        m.setLong(1, s.id());
        m.setLong(2, cohortId);
        m.setString(3, actor);
        m.setString(4, reason());
        m.setObject(5, now);
        m.executeUpdate();
      }
      known.studentByPseudonym.put(e.getKey(), new TenantData.KnownStudent(s.id(), e.getValue()));
    }
  }

  private void insertResponses(
      Map<HistoricalResult.Key, HistoricalResult> results, TenantData known, LongConsumer progress)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO assessment_response (student_id, wave_id, instrument_id,"
                + " instrument_version, status, started_at, updated_at, submitted_at,"
                + " completed_on, score_version, import_job_id, import_fingerprint) VALUES"
                + " (?, ?, ?, ?, 'IMPORTED', ?, ?, NULL, ?, ?, ?, ?)")) {
      int n = 0;
      for (HistoricalResult r : results.values()) {
        long cohortId = known.cohortByYear.get(r.cohort().value());
        s.setLong(1, known.studentByPseudonym.get(r.studentId()).id());
        s.setLong(2, known.waveByCohortAndStage.get(TenantData.waveKey(cohortId, r.stage())));
        s.setString(3, r.instrument().id().value());
        s.setInt(4, r.instrument().version());
        s.setObject(5, now);
        s.setObject(6, now);
        if (r.completedOn().isPresent()) {
          s.setDate(7, Date.valueOf(r.completedOn().get()));
        } else {
          s.setNull(7, Types.DATE);
        }
        s.setInt(8, r.instrument().version());
        s.setLong(9, jobId);
        s.setString(10, fingerprint(r));
        s.addBatch();
        if (++n % BATCH == 0) {
          s.executeBatch();
          progress.accept(n / 2);
        }
      }
      s.executeBatch();
    }
  }

  private Map<HistoricalResult.Key, Long> responseIds() throws SQLException {
    Map<HistoricalResult.Key, Long> ids = new HashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT r.id, s.pseudonym, w.stage, r.instrument_id FROM assessment_response r JOIN"
                + " student s ON s.id = r.student_id JOIN wave w ON w.id = r.wave_id WHERE"
                + " r.import_job_id = ?")) {
      s.setLong(1, jobId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.put(
              new HistoricalResult.Key(rs.getString(2), rs.getString(3), rs.getString(4)),
              rs.getLong(1));
        }
      }
    }
    return ids;
  }

  private void insertScores(
      Map<HistoricalResult.Key, HistoricalResult> results,
      Map<HistoricalResult.Key, Long> ids,
      LongConsumer progress,
      int total)
      throws SQLException {
    try (PreparedStatement scores =
            c.prepareStatement(
                "INSERT INTO assessment_score (response_id, scored_with_version, origin, status,"
                    + " keyed_sum, score_value, answered_count, item_count, rescore_run_id,"
                    + " scored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)");
        PreparedStatement subscales =
            c.prepareStatement(
                "INSERT INTO assessment_subscale_score (response_id, scored_with_version,"
                    + " subscale_id, keyed_sum, score_value, answered_count, item_count) VALUES"
                    + " (?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement answers =
            c.prepareStatement(
                "INSERT INTO assessment_answer (response_id, item, answer) VALUES (?, ?, ?)")) {
      int n = 0;
      for (Map.Entry<HistoricalResult.Key, HistoricalResult> e : results.entrySet()) {
        HistoricalResult r = e.getValue();
        long id = ids.get(e.getKey());
        int version = r.instrument().version();
        if (r.answers().isPresent()) {
          answers(answers, id, r.answers().get().byItem());
          ScoringResult score = r.score().orElseThrow();
          ScaleScore t = score.total().orElseThrow();
          score(
              scores,
              id,
              version,
              "SCORED",
              score.status().name(),
              t.keyedSum(),
              ScoreStore.decimal(t.value()),
              t.answered(),
              t.items());
          for (Map.Entry<SubscaleId, ScaleScore> s : score.subscales().entrySet()) {
            subscale(
                subscales,
                id,
                version,
                s.getKey().value(),
                s.getValue().keyedSum(),
                ScoreStore.decimal(s.getValue().value()),
                s.getValue().answered(),
                s.getValue().items());
          }
        } else {
          GivenScores given = r.given().orElseThrow();
          int items = 0;
          score(
              scores,
              id,
              version,
              "GIVEN",
              "GIVEN",
              null,
              ScoreStore.scale(given.total()),
              null,
              items);
          for (Map.Entry<SubscaleId, BigDecimal> s : given.subscales().entrySet()) {
            subscale(
                subscales,
                id,
                version,
                s.getKey().value(),
                null,
                ScoreStore.scale(s.getValue()),
                null,
                0);
          }
        }
        if (++n % BATCH == 0) {
          scores.executeBatch();
          subscales.executeBatch();
          answers.executeBatch();
          progress.accept((results.size() + n) / 2);
        }
      }
      scores.executeBatch();
      subscales.executeBatch();
      answers.executeBatch();
      progress.accept(total);
    }
  }

  /** The raw answers of a result, one row per answered item. */
  private static void answers(PreparedStatement s, long responseId, Map<Integer, Integer> byItem)
      throws SQLException {
    for (Map.Entry<Integer, Integer> answer : byItem.entrySet()) {
      s.setLong(1, responseId);
      s.setInt(2, answer.getKey());
      s.setInt(3, answer.getValue());
      s.addBatch();
    }
  }

  private void score(
      PreparedStatement s,
      long responseId,
      int version,
      String origin,
      String status,
      Integer keyedSum,
      BigDecimal value,
      Integer answered,
      int items)
      throws SQLException {
    s.setLong(1, responseId);
    s.setInt(2, version);
    s.setString(3, origin);
    s.setString(4, status);
    setInteger(s, 5, keyedSum);
    s.setBigDecimal(6, value);
    setInteger(s, 7, answered);
    s.setInt(8, items);
    s.setObject(9, now);
    s.addBatch();
  }

  private void subscale(
      PreparedStatement s,
      long responseId,
      int version,
      String subscale,
      Integer keyedSum,
      BigDecimal value,
      Integer answered,
      int items)
      throws SQLException {
    s.setLong(1, responseId);
    s.setInt(2, version);
    s.setString(3, subscale);
    setInteger(s, 4, keyedSum);
    s.setBigDecimal(5, value);
    setInteger(s, 6, answered);
    s.setInt(7, items);
    s.addBatch();
  }

  private static void setInteger(PreparedStatement s, int index, Integer value)
      throws SQLException {
    if (value == null) {
      s.setNull(index, Types.INTEGER);
    } else {
      s.setInt(index, value);
    }
  }

  private String reason() {
    String r = "Placed by historical import " + jobId + " (" + fileName + ").";
    return r.length() > 1000 ? r.substring(0, 1000) : r;
  }

  private static long generatedId(Statement s) throws SQLException {
    try (ResultSet keys = s.getGeneratedKeys()) {
      if (!keys.next()) {
        throw new SQLException("The database returned no generated id.");
      }
      return keys.getLong(1);
    }
  }
}
