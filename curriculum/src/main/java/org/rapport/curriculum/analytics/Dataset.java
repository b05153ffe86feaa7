package org.rapport.curriculum.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Scored self-assessments of one comparison universe (usually one institution), held in columns:
 * per cohort a dense student × wave matrix per measure, {@code NaN} where a student has no score.
 *
 * <p>Cohorts are ordered by the matriculation year declared with {@link Builder#cohort}; only
 * cohorts with a declared year take part in cross-cohort comparisons ("earlier" means a smaller
 * year). Roster sizes, when known, give response rates.
 *
 * <p>Built once, read by {@link CohortStatistics}; immutable after {@link Builder#build()}.
 */
public final class Dataset {

  private final List<String> measures;
  private final List<CohortData> cohorts;

  private Dataset(List<String> measures, List<CohortData> cohorts) {
    this.measures = List.copyOf(measures);
    this.cohorts = List.copyOf(cohorts);
  }

  /** A builder for rows whose scores come in the order of {@code measures}. */
  public static Builder builder(List<String> measures) {
    return new Builder(measures);
  }

  public static Builder builder(String... measures) {
    return new Builder(List.of(measures));
  }

  /**
   * Convenience for small inputs: measures are collected from the observations ("total" first, the
   * rest alphabetically); no roster sizes, no matriculation years.
   */
  public static Dataset of(Collection<Observation> observations) {
    TreeSet<String> names = new TreeSet<>();
    for (Observation o : observations) {
      names.addAll(o.scores().keySet());
    }
    List<String> measures = new ArrayList<>();
    if (names.remove("total")) {
      measures.add("total");
    }
    measures.addAll(names);
    Builder builder = builder(measures);
    observations.forEach(builder::add);
    return builder.build();
  }

  public List<String> measures() {
    return measures;
  }

  public List<CohortKey> cohorts() {
    List<CohortKey> keys = new ArrayList<>(cohorts.size());
    for (CohortData c : cohorts) {
      keys.add(c.key);
    }
    return keys;
  }

  List<CohortData> cohortData() {
    return cohorts;
  }

  /** One cohort's matrix. Package-private: the statistics read it directly, without copies. */
  static final class CohortData {
    final CohortKey key;
    final Integer matriculationYear;
    final WaveKey[] waves;
    final int[] waveOrders;
    final Integer[] rosterSizes;
    final int students;

    /** [measure][student * waves.length + wave], NaN when missing. */
    final double[][] scores;

    CohortData(
        CohortKey key,
        Integer matriculationYear,
        WaveKey[] waves,
        int[] waveOrders,
        Integer[] rosterSizes,
        int students,
        double[][] scores) {
      this.key = key;
      this.matriculationYear = matriculationYear;
      this.waves = waves;
      this.waveOrders = waveOrders;
      this.rosterSizes = rosterSizes;
      this.students = students;
      this.scores = scores;
    }

    int waveCount() {
      return waves.length;
    }
  }

  /** Collects rows into primitive columns; not thread-safe. */
  public static final class Builder {
    private final List<String> measures;
    private final int measureCount;
    private final Map<String, Integer> measureIndex = new HashMap<>();

    private final Map<StudentKey, Integer> studentIndex = new HashMap<>();
    private final Map<CohortKey, Integer> cohortIndex = new LinkedHashMap<>();
    private final List<CohortKey> cohortKeys = new ArrayList<>();
    private final Map<WaveKey, Integer> waveIndex = new HashMap<>();
    private final List<WaveKey> waveKeys = new ArrayList<>();
    private final List<Integer> waveOrders = new ArrayList<>();
    private final Map<Integer, WaveKey> waveByOrder = new HashMap<>();

    private final Map<CohortKey, Integer> matriculationYears = new HashMap<>();
    private final Map<CohortKey, Integer> cohortRosters = new HashMap<>();
    private final Map<CohortKey, Map<WaveKey, Integer>> waveRosters = new HashMap<>();

    private int rows;
    private int[] rowStudent = new int[1024];
    private int[] rowCohort = new int[1024];
    private int[] rowWave = new int[1024];
    private double[] rowScores;

    private Builder(List<String> measures) {
      if (measures.isEmpty()) {
        throw new IllegalArgumentException("A dataset needs at least one measure.");
      }
      this.measures = List.copyOf(measures);
      this.measureCount = measures.size();
      for (int i = 0; i < measureCount; i++) {
        if (measureIndex.put(measures.get(i), i) != null) {
          throw new IllegalArgumentException("Measure listed twice: " + measures.get(i));
        }
      }
      this.rowScores = new double[1024 * measureCount];
    }

    /**
     * Declares a cohort's matriculation year, which orders cohorts for cross-cohort comparisons.
     */
    public Builder cohort(CohortKey cohort, int matriculationYear) {
      matriculationYears.put(Objects.requireNonNull(cohort), matriculationYear);
      cohortIndex(cohort);
      return this;
    }

    /** The number of students enrolled in the cohort, used for every wave without its own size. */
    public Builder roster(CohortKey cohort, int size) {
      cohortRosters.put(Objects.requireNonNull(cohort), positive(size));
      return this;
    }

    /** The number of students invited to one wave of a cohort. */
    public Builder roster(CohortKey cohort, WaveKey wave, int size) {
      waveRosters
          .computeIfAbsent(Objects.requireNonNull(cohort), c -> new HashMap<>())
          .put(Objects.requireNonNull(wave), positive(size));
      return this;
    }

    /**
     * Adds one student's scores at one wave.
     *
     * @param scores one per measure, in the builder's measure order; {@code NaN} when missing
     */
    public Builder add(
        StudentKey student, CohortKey cohort, WaveKey wave, int waveOrder, double... scores) {
      if (scores.length != measureCount) {
        throw new IllegalArgumentException(
            "Expected " + measureCount + " scores " + measures + ", got " + scores.length);
      }
      int row = nextRow(student, cohort, wave, waveOrder);
      for (int m = 0; m < measureCount; m++) {
        double v = scores[m];
        if (Double.isInfinite(v)) {
          throw new IllegalArgumentException("A score must be finite: " + measures.get(m));
        }
        rowScores[row * measureCount + m] = v;
      }
      return this;
    }

    /** Adds an observation; every measure it names must be one of the builder's measures. */
    public Builder add(Observation o) {
      double[] scores = new double[measureCount];
      Arrays.fill(scores, Double.NaN);
      for (Map.Entry<String, Double> e : o.scores().entrySet()) {
        Integer m = measureIndex.get(e.getKey());
        if (m == null) {
          throw new IllegalArgumentException(
              "Unknown measure " + e.getKey() + "; the dataset has " + measures);
        }
        scores[m] = e.getValue() == null ? Double.NaN : e.getValue();
      }
      return add(o.student(), o.cohort(), o.wave(), o.waveOrder(), scores);
    }

    private int nextRow(StudentKey student, CohortKey cohort, WaveKey wave, int waveOrder) {
      Objects.requireNonNull(student, "student");
      Objects.requireNonNull(wave, "wave");
      if (rows == rowStudent.length) {
        int capacity = rowStudent.length * 2;
        rowStudent = Arrays.copyOf(rowStudent, capacity);
        rowCohort = Arrays.copyOf(rowCohort, capacity);
        rowWave = Arrays.copyOf(rowWave, capacity);
        rowScores = Arrays.copyOf(rowScores, capacity * measureCount);
      }
      Integer s = studentIndex.get(student);
      if (s == null) {
        s = studentIndex.size();
        studentIndex.put(student, s);
      }
      rowStudent[rows] = s;
      rowCohort[rows] = cohortIndex(cohort);
      rowWave[rows] = waveIndex(wave, waveOrder);
      return rows++;
    }

    private int cohortIndex(CohortKey cohort) {
      Objects.requireNonNull(cohort, "cohort");
      Integer c = cohortIndex.get(cohort);
      if (c == null) {
        c = cohortKeys.size();
        cohortIndex.put(cohort, c);
        cohortKeys.add(cohort);
      }
      return c;
    }

    private int waveIndex(WaveKey wave, int order) {
      Integer w = waveIndex.get(wave);
      if (w == null) {
        WaveKey sameOrder = waveByOrder.putIfAbsent(order, wave);
        if (sameOrder != null) {
          throw new IllegalArgumentException(
              "Waves " + sameOrder + " and " + wave + " both have order " + order);
        }
        w = waveKeys.size();
        waveIndex.put(wave, w);
        waveKeys.add(wave);
        waveOrders.add(order);
      } else if (waveOrders.get(w) != order) {
        throw new IllegalArgumentException(
            "Wave " + wave + " has order " + waveOrders.get(w) + " and " + order);
      }
      return w;
    }

    private static int positive(int size) {
      if (size <= 0) {
        throw new IllegalArgumentException("A roster size must be positive.");
      }
      return size;
    }

    public Dataset build() {
      int cohortCount = cohortKeys.size();
      // Counting sort of rows by cohort.
      int[] start = new int[cohortCount + 1];
      for (int r = 0; r < rows; r++) {
        start[rowCohort[r] + 1]++;
      }
      for (int c = 0; c < cohortCount; c++) {
        start[c + 1] += start[c];
      }
      int[] fill = Arrays.copyOf(start, cohortCount);
      int[] sorted = new int[rows];
      for (int r = 0; r < rows; r++) {
        sorted[fill[rowCohort[r]]++] = r;
      }

      int[] localStudent = new int[studentIndex.size()];
      Arrays.fill(localStudent, -1);
      int[] localWave = new int[waveKeys.size()];
      List<CohortData> result = new ArrayList<>(cohortCount);
      for (int c = 0; c < cohortCount; c++) {
        result.add(buildCohort(c, sorted, start[c], start[c + 1], localStudent, localWave));
      }
      result.sort(
          Comparator.comparing(
                  (CohortData d) -> d.matriculationYear,
                  Comparator.nullsLast(Comparator.naturalOrder()))
              .thenComparing(d -> d.key));
      return new Dataset(measures, result);
    }

    private CohortData buildCohort(
        int c, int[] sorted, int from, int to, int[] localStudent, int[] localWave) {
      CohortKey key = cohortKeys.get(c);
      boolean[] present = new boolean[waveKeys.size()];
      int students = 0;
      for (int i = from; i < to; i++) {
        int r = sorted[i];
        present[rowWave[r]] = true;
        if (localStudent[rowStudent[r]] < 0) {
          localStudent[rowStudent[r]] = students++;
        }
      }
      List<Integer> waves = new ArrayList<>();
      for (int w = 0; w < present.length; w++) {
        if (present[w]) {
          waves.add(w);
        }
      }
      waves.sort(Comparator.comparingInt(waveOrders::get));
      int waveCount = waves.size();
      WaveKey[] keys = new WaveKey[waveCount];
      int[] orders = new int[waveCount];
      Integer[] rosters = new Integer[waveCount];
      Map<WaveKey, Integer> perWave = waveRosters.getOrDefault(key, Map.of());
      for (int i = 0; i < waveCount; i++) {
        int w = waves.get(i);
        localWave[w] = i;
        keys[i] = waveKeys.get(w);
        orders[i] = waveOrders.get(w);
        rosters[i] = perWave.getOrDefault(keys[i], cohortRosters.get(key));
      }
      double[][] scores = new double[measureCount][students * waveCount];
      for (double[] column : scores) {
        Arrays.fill(column, Double.NaN);
      }
      boolean[] answered = new boolean[students * waveCount];
      for (int i = from; i < to; i++) {
        int r = sorted[i];
        int cell = localStudent[rowStudent[r]] * waveCount + localWave[rowWave[r]];
        if (answered[cell]) {
          throw new IllegalArgumentException(
              "A student answers each wave at most once: two rows for one student at wave "
                  + waveKeys.get(rowWave[r])
                  + " in cohort "
                  + key);
        }
        answered[cell] = true;
        int base = r * measureCount;
        for (int m = 0; m < measureCount; m++) {
          scores[m][cell] = rowScores[base + m];
        }
      }
      for (int i = from; i < to; i++) {
        localStudent[rowStudent[sorted[i]]] = -1;
      }
      return new CohortData(
          key, matriculationYears.get(key), keys, orders, rosters, students, scores);
    }
  }
}
