package org.rapport.lti.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.rapport.curriculum.analytics.CohortKey;
import org.rapport.curriculum.analytics.Dataset;
import org.rapport.curriculum.analytics.StudentKey;
import org.rapport.curriculum.analytics.WaveKey;
import org.rapport.curriculum.cohorts.Programme;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.lti.cohorts.StoredProgramme;

/**
 * Reads a tenant's published self-assessments with two SQL queries: one row per response, then one
 * row per subscale score of the same responses. Responses of each wave's current published version
 * ({@link WavePublication}: closed waves only, up to the version's last response), submitted or
 * imported, at their current score version (scores that could not be computed, status INCOMPLETE,
 * are left out), with total and subscale scores, cohort, wave stage (in the order of the tenant's
 * {@link Programme}) and the cohort's roster size (students assigned to it). The rows of the
 * query's second branch carry the cohorts and their roster sizes, so cohorts without any response
 * are known too.
 *
 * <p>Plain JDBC on a connection the caller owns: used by the application and by the benchmark.
 */
public final class ObservationQuery {
  /** The measure id of the instrument's total score; subscales use their own ids. */
  public static final String TOTAL = "total";

  /** The query for the tenant's cohorts that meet {@code cohorts} (one parameter). */
  static String sql(String cohorts) {
    return "SELECT 0 AS kind, c.id, c.matriculation_year, c.label, COUNT(st.id) AS roster,"
        + " CAST(NULL AS VARCHAR(16)) AS stage, CAST(NULL AS BIGINT) AS student_id,"
        + " CAST(NULL AS VARCHAR(64)) AS instrument_id, CAST(NULL AS BIGINT) AS response_id,"
        + " CAST(NULL AS DECIMAL(10, 4)) AS total"
        + " FROM cohort c LEFT JOIN student st ON st.cohort_id = c.id"
        + " WHERE c.registration_id = ? AND "
        + cohorts
        + " GROUP BY c.id, c.matriculation_year, c.label"
        + " UNION ALL"
        + " SELECT 1, w.cohort_id, 0, CAST(NULL AS VARCHAR(200)), 0, w.stage, r.student_id,"
        + " r.instrument_id, r.id, s.score_value"
        + publishedScores(cohorts, "");
  }

  /** The subscale scores of the same responses: response id, subscale id, value. */
  static String subscalesSql(String cohorts) {
    return "SELECT r.id, ss.subscale_id, ss.score_value"
        + publishedScores(
            cohorts,
            " JOIN assessment_subscale_score ss ON ss.response_id = s.response_id"
                + " AND ss.scored_with_version = s.scored_with_version");
  }

  /**
   * FROM and WHERE of the published, scored responses of the tenant's cohorts that meet {@code
   * cohorts} (two parameters: tenant, then the condition's value), with {@code join} added.
   */
  private static String publishedScores(String cohorts, String join) {
    return " FROM cohort c"
        + " JOIN wave w ON w.cohort_id = c.id"
        + " JOIN assessment_response r ON r.wave_id = w.id"
        + " AND r.status IN ('SUBMITTED', 'IMPORTED')"
        + " JOIN published_wave p ON p.cohort_id = w.cohort_id AND p.stage = w.stage"
        + " AND p.instrument_id = r.instrument_id AND p.superseded_at IS NULL"
        + " AND r.id <= p.through_response_id"
        + " JOIN assessment_score s ON s.response_id = r.id"
        + " AND s.scored_with_version = r.score_version"
        + join
        + " WHERE c.registration_id = ? AND "
        + cohorts
        + " AND s.status <> 'INCOMPLETE'";
  }

  private ObservationQuery() {}

  /** Every cohort of the tenant. */
  public static TenantObservations load(Connection connection, long registrationId)
      throws SQLException {
    return load(connection, registrationId, Integer.MAX_VALUE);
  }

  /**
   * The cohorts that matriculated in {@code latestYear} or earlier: enough to analyse a cohort of
   * that year, since cross-cohort comparisons look only at earlier cohorts.
   */
  public static TenantObservations load(Connection connection, long registrationId, int latestYear)
      throws SQLException {
    return load(connection, registrationId, "c.matriculation_year <= ?", latestYear);
  }

  /** One cohort of the tenant; empty datasets when it is not the tenant's. */
  public static TenantObservations loadCohort(
      Connection connection, long registrationId, long cohortId) throws SQLException {
    return load(connection, registrationId, "c.id = ?", cohortId);
  }

  private static TenantObservations load(
      Connection connection, long registrationId, String condition, long value)
      throws SQLException {
    Programme programme = StoredProgramme.load(connection, registrationId);
    Map<Long, CohortInfo> cohorts = new HashMap<>();
    // The responses in the order the query returned them, numbered by their id.
    List<Row> responses = new ArrayList<>();
    LongIndex responseIds = new LongIndex(1024);
    Map<String, Integer> subscaleIndex = new HashMap<>();
    Map<String, String> strings = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(sql(condition))) {
      statement.setLong(1, registrationId);
      statement.setLong(2, value);
      statement.setLong(3, registrationId);
      statement.setLong(4, value);
      statement.setFetchSize(10_000);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          long cohortId = rs.getLong(2);
          if (rs.getInt(1) == 0) {
            int roster = rs.getInt(5);
            cohorts.put(
                cohortId,
                new CohortInfo(
                    cohortId, rs.getInt(3), rs.getString(4), roster > 0 ? roster : null));
            continue;
          }
          Row row =
              new Row(
                  cohortId,
                  strings.computeIfAbsent(rs.getString(6), k -> k),
                  rs.getLong(7),
                  strings.computeIfAbsent(rs.getString(8), k -> k),
                  rs.getDouble(10));
          int index = responseIds.add(rs.getLong(9));
          if (index == responses.size()) {
            responses.add(row);
          } else {
            responses.set(index, row);
          }
        }
      }
    }
    try (PreparedStatement statement = connection.prepareStatement(subscalesSql(condition))) {
      statement.setLong(1, registrationId);
      statement.setLong(2, value);
      statement.setFetchSize(10_000);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          int index = responseIds.get(rs.getLong(1));
          if (index >= 0) {
            responses
                .get(index)
                .set(
                    subscaleIndex.computeIfAbsent(rs.getString(2), k -> subscaleIndex.size()),
                    rs.getDouble(3));
          }
        }
      }
    }
    String[] subscaleNames = new String[subscaleIndex.size()];
    subscaleIndex.forEach((name, k) -> subscaleNames[k] = name);
    return new TenantObservations(
        registrationId, cohorts, datasets(cohorts, responses, subscaleNames, programme), programme);
  }

  private static final class Row {
    final long cohort;
    final String stage;
    final long student;
    final String instrument;
    final double total;
    double[] subscales = EMPTY;

    Row(long cohort, String stage, long student, String instrument, double total) {
      this.cohort = cohort;
      this.stage = stage;
      this.student = student;
      this.instrument = instrument;
      this.total = total;
    }

    void set(int k, double value) {
      if (k >= subscales.length) {
        double[] grown = Arrays.copyOf(subscales, Math.max(k + 1, 4));
        Arrays.fill(grown, subscales.length, grown.length, Double.NaN);
        subscales = grown;
      }
      subscales[k] = value;
    }
  }

  private static final double[] EMPTY = new double[0];

  private static Map<String, Dataset> datasets(
      Map<Long, CohortInfo> cohorts,
      java.util.Collection<Row> rows,
      String[] subscaleNames,
      Programme programme) {
    Map<String, List<Row>> byInstrument = new HashMap<>();
    for (Row row : rows) {
      byInstrument.computeIfAbsent(row.instrument, i -> new ArrayList<>()).add(row);
    }
    List<Map.Entry<String, List<Row>>> ordered = new ArrayList<>(byInstrument.entrySet());
    ordered.sort(
        (a, b) ->
            a.getValue().size() != b.getValue().size()
                ? Integer.compare(b.getValue().size(), a.getValue().size())
                : a.getKey().compareTo(b.getKey()));
    Map<String, Dataset> datasets = new LinkedHashMap<>();
    for (Map.Entry<String, List<Row>> e : ordered) {
      datasets.put(e.getKey(), dataset(cohorts, e.getValue(), subscaleNames, programme));
    }
    return datasets;
  }

  private static Dataset dataset(
      Map<Long, CohortInfo> cohorts, List<Row> rows, String[] subscaleNames, Programme programme) {
    TreeSet<String> subscales = new TreeSet<>();
    boolean[] used = new boolean[subscaleNames.length];
    for (Row row : rows) {
      for (int k = 0; k < Math.min(row.subscales.length, used.length); k++) {
        if (!used[k] && !Double.isNaN(row.subscales[k])) {
          used[k] = true;
          subscales.add(subscaleNames[k]);
        }
      }
    }
    subscales.remove(TOTAL);
    List<String> measures = new ArrayList<>();
    measures.add(TOTAL);
    measures.addAll(subscales);
    int[] column = new int[subscaleNames.length];
    for (int k = 0; k < subscaleNames.length; k++) {
      column[k] = TOTAL.equals(subscaleNames[k]) ? -1 : measures.indexOf(subscaleNames[k]);
    }
    Dataset.Builder builder = Dataset.builder(measures);
    Map<Long, CohortKey> declared = new HashMap<>();
    Map<String, WaveKey> waves = new HashMap<>();
    // One key per student, so that the builder hashes each student's id once.
    LongIndex studentIds = new LongIndex(Math.max(16, rows.size() / 4));
    List<StudentKey> studentKeys = new ArrayList<>();
    double[] scores = new double[measures.size()];
    for (Row row : rows) {
      TrainingStage stage = programme.stage(row.stage);
      CohortInfo cohort = cohorts.get(row.cohort);
      if (cohort == null) {
        continue;
      }
      CohortKey key =
          declared.computeIfAbsent(
              row.cohort,
              id -> {
                CohortKey k = cohort.key();
                builder.cohort(k, cohort.matriculationYear());
                if (cohort.rosterSize() != null) {
                  builder.roster(k, cohort.rosterSize());
                }
                return k;
              });
      Arrays.fill(scores, Double.NaN);
      scores[0] = row.total;
      for (int k = 0; k < Math.min(row.subscales.length, column.length); k++) {
        if (column[k] > 0) {
          scores[column[k]] = row.subscales[k];
        }
      }
      int student = studentIds.add(row.student);
      if (student == studentKeys.size()) {
        studentKeys.add(new StudentKey(Long.toString(row.student)));
      }
      builder.add(
          studentKeys.get(student),
          key,
          waves.computeIfAbsent(stage.name(), WaveKey::new),
          stage.order(),
          scores);
    }
    return builder.build();
  }
}
