package org.rapport.lti.testdata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Writes synthetic cohorts straight into the assessment tables (V3) with JDBC batches, for the
 * integration tests and the dashboard benchmark: cohorts, waves, students, submitted responses of
 * Rapport's own instrument and their total and subscale scores. Ids are given explicitly from
 * {@code firstId} on (a range far above anything the application's identity columns reach), so no
 * generated key has to be read back.
 *
 * <p>Scores follow {@link #SUBSCALES}: per subscale a random student intercept plus wave noise,
 * rounded to whole points and kept in the subscale's range 6–42; the total is their sum. A {@link
 * Decline} lowers one subscale from one wave on, so it persists at later waves.
 */
public final class AssessmentSeeder implements AutoCloseable {
  public static final String INSTRUMENT = "rapport-empathy";
  public static final List<String> STAGES =
      List.of("MATRICULATION", "Y1", "Y2", "Y3", "Y4", "GRADUATION");

  /** Subscale id, mean, between-student SD, within-student SD. */
  public static final List<String> SUBSCALES =
      List.of("cognitive", "affective", "compassionate-action");

  private static final double[][] PARAMETERS = {{32, 4, 2}, {30, 4, 2}, {28, 4, 2}};
  private static final int BATCH = 5000;

  /** Lowers {@code subscale} by {@code points} from wave index {@code fromWave} on. */
  public record Decline(String subscale, int fromWave, double points) {}

  /**
   * A cohort to write.
   *
   * @param waves how many of {@link #STAGES} it has reached
   * @param missing chance that a student skips a wave
   */
  public record CohortSpec(
      int year, String label, int size, int waves, double missing, List<Decline> declines) {

    public CohortSpec(int year, int size, int waves, double missing, Decline... declines) {
      this(
          year,
          "Class of " + (year + 4) + " (synthetic " + year + ")",
          size,
          waves,
          missing,
          List.of(declines));
    }
  }

  private final Connection connection;
  private final Timestamp now = Timestamp.from(Instant.now());
  private final PreparedStatement cohort;
  private final PreparedStatement wave;
  private final PreparedStatement student;
  private final PreparedStatement response;
  private final PreparedStatement score;
  private final PreparedStatement subscale;
  private long nextId;
  private int pending;

  public AssessmentSeeder(Connection connection, long firstId) throws SQLException {
    this.connection = connection;
    this.nextId = firstId;
    cohort =
        connection.prepareStatement(
            "INSERT INTO cohort (id, registration_id, matriculation_year, label, created_at)"
                + " VALUES (?, ?, ?, ?, ?)");
    wave =
        connection.prepareStatement(
            "INSERT INTO wave (id, cohort_id, stage, instrument_id, instrument_version, origin,"
                + " created_at, updated_at) VALUES (?, ?, ?, ?, 1, 'ADMIN', ?, ?)");
    student =
        connection.prepareStatement(
            "INSERT INTO student (id, registration_id, pseudonym, cohort_id, cohort_source,"
                + " created_at) VALUES (?, ?, ?, ?, 'ADMIN', ?)");
    response =
        connection.prepareStatement(
            "INSERT INTO assessment_response (id, student_id, wave_id, instrument_id,"
                + " instrument_version, status, started_at, updated_at, submitted_at,"
                + " score_version) VALUES (?, ?, ?, ?, 1, 'SUBMITTED', ?, ?, ?, 1)");
    score =
        connection.prepareStatement(
            "INSERT INTO assessment_score (id, response_id, scored_with_version, origin, status,"
                + " keyed_sum, score_value, answered_count, item_count, scored_at)"
                + " VALUES (?, ?, 1, 'SCORED', 'COMPLETE', ?, ?, 18, 18, ?)");
    subscale =
        connection.prepareStatement(
            "INSERT INTO assessment_subscale_score (response_id, scored_with_version,"
                + " subscale_id, keyed_sum, score_value, answered_count, item_count)"
                + " VALUES (?, 1, ?, ?, ?, 6, 6)");
  }

  /** A start for {@code firstId} that no identity column of a test database reaches. */
  public static long randomFirstId() {
    return 1_000_000_000_000L + (long) (Math.random() * 1_000_000) * 10_000_000L;
  }

  /** Writes a cohort with its waves, students and responses; returns the cohort's id. */
  public long cohort(long registrationId, CohortSpec spec, Random random) throws SQLException {
    long cohortId = nextId++;
    cohort.setLong(1, cohortId);
    cohort.setLong(2, registrationId);
    cohort.setInt(3, spec.year());
    cohort.setString(4, spec.label());
    cohort.setTimestamp(5, now);
    cohort.executeUpdate();
    long[] waveIds = new long[spec.waves()];
    for (int w = 0; w < spec.waves(); w++) {
      waveIds[w] = nextId++;
      wave.setLong(1, waveIds[w]);
      wave.setLong(2, cohortId);
      wave.setString(3, STAGES.get(w));
      wave.setString(4, INSTRUMENT);
      wave.setTimestamp(5, now);
      wave.setTimestamp(6, now);
      wave.addBatch();
    }
    wave.executeBatch();
    double[] intercept = new double[3];
    int[] values = new int[3];
    for (int s = 0; s < spec.size(); s++) {
      long studentId = nextId++;
      student.setLong(1, studentId);
      student.setLong(2, registrationId);
      student.setString(3, "synthetic-" + studentId);
      student.setLong(4, cohortId);
      student.setTimestamp(5, now);
      student.addBatch();
      for (int k = 0; k < 3; k++) {
        intercept[k] = PARAMETERS[k][0] + PARAMETERS[k][1] * random.nextGaussian();
      }
      for (int w = 0; w < spec.waves(); w++) {
        int total = 0;
        for (int k = 0; k < 3; k++) {
          double v = intercept[k] + PARAMETERS[k][2] * random.nextGaussian();
          for (Decline d : spec.declines()) {
            if (d.subscale().equals(SUBSCALES.get(k)) && w >= d.fromWave()) {
              v -= d.points();
            }
          }
          values[k] = (int) Math.max(6, Math.min(42, Math.round(v)));
          total += values[k];
        }
        if (random.nextDouble() < spec.missing()) {
          continue;
        }
        long responseId = nextId++;
        response.setLong(1, responseId);
        response.setLong(2, studentId);
        response.setLong(3, waveIds[w]);
        response.setString(4, INSTRUMENT);
        response.setTimestamp(5, now);
        response.setTimestamp(6, now);
        response.setTimestamp(7, now);
        response.addBatch();
        score.setLong(1, nextId++);
        score.setLong(2, responseId);
        score.setInt(3, total);
        score.setInt(4, total);
        score.setTimestamp(5, now);
        score.addBatch();
        for (int k = 0; k < 3; k++) {
          subscale.setLong(1, responseId);
          subscale.setString(2, SUBSCALES.get(k));
          subscale.setInt(3, values[k]);
          subscale.setInt(4, values[k]);
          subscale.addBatch();
        }
        pending++;
      }
      if (pending >= BATCH) {
        flush();
      }
    }
    flush();
    return cohortId;
  }

  /** Sends the batches in foreign-key order. */
  public void flush() throws SQLException {
    student.executeBatch();
    response.executeBatch();
    score.executeBatch();
    subscale.executeBatch();
    pending = 0;
  }

  @Override
  public void close() throws SQLException {
    flush();
    for (PreparedStatement p :
        new PreparedStatement[] {cohort, wave, student, response, score, subscale}) {
      p.close();
    }
  }
}
