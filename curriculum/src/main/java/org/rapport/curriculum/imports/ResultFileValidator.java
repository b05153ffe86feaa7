package org.rapport.curriculum.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.rapport.curriculum.assessments.Answers;
import org.rapport.curriculum.assessments.Scorer;
import org.rapport.curriculum.assessments.ScoringResult;
import org.rapport.curriculum.cohorts.MatriculationYear;
import org.rapport.curriculum.cohorts.Programme;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.InstrumentCatalog;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.curriculum.instruments.Subscale;
import org.rapport.curriculum.instruments.SubscaleId;

/**
 * Checks a historical-results file row by row against the installed instruments, and remembers what
 * it has seen so that a result given twice, or a student placed in two cohorts, is reported at the
 * later row. Stages are the tenant's {@link Programme}'s. Checks only the file itself; what the
 * database already holds is checked by the caller. Give the header to {@link #header(List)} first,
 * then each row to {@link #row}.
 *
 * <p>Every message is one of the constants below, so that pages, logs and tests agree.
 */
public final class ResultFileValidator {

  // Header.
  static final String MISSING_COLUMN = "is missing; the header must name the columns %s";
  static final String UNKNOWN_COLUMN =
      "is not a column of the import format; use %s, completed_on, item_1 … item_n, total and"
          + " subscale_<id>";

  // Rows.
  static final String UNKNOWN_INSTRUMENT = "no instrument '%s' is installed; installed: %s";
  static final String NOT_A_VERSION = "'%s' is not a version number";
  static final String UNKNOWN_VERSION = "%s has no version %s; installed versions: %s";
  static final String NOT_A_SUBSCALE = "'%s' is not a subscale of %s (%s)";
  static final String BOTH = "give either item answers or scores in a row, not both";
  static final String NEITHER = "the row has neither item answers nor a total score";
  static final String SUBSCALES_WITHOUT_TOTAL = "is empty; scores need a total";
  static final String SUM_MISMATCH = "is %s but the subscale scores add up to %s";
  static final String WAVE_NOT_YET =
      "the %s wave of the cohort of %d cannot have taken place by %s: that training year begins in"
          + " %d at the earliest; check the cohort and the stage";
  static final String REPEATED =
      "repeats the result of row %d (same student, stage and instrument)";
  static final String OTHER_COHORT =
      "student %s is in the cohort of %d in row %d; a student belongs to one cohort";

  private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,5}");
  private static final BigDecimal SUM_TOLERANCE = new BigDecimal("0.011");

  private final InstrumentCatalog catalog;
  private final Programme programme;
  private final Year now;
  private final LocalDate today;
  private CsvHeader header;
  private final Map<Integer, String> itemColumns = new TreeMap<>();
  private final Map<String, String> subscaleColumns = new LinkedHashMap<>();
  private final Map<HistoricalResult.Key, Long> seen = new HashMap<>();
  private final Map<String, long[]> cohortOf = new HashMap<>();
  private final Map<InstrumentRef, Scorer> scorers = new HashMap<>();
  private final Map<String, Map<String, Instrument>> versionsById = new HashMap<>();
  private final String installed;
  private boolean headerOk;

  /** A validator for a tenant on Rapport's standard programme. */
  public ResultFileValidator(InstrumentCatalog catalog, LocalDate today) {
    this(catalog, Programme.standard(), today);
  }

  /** A validator for a tenant whose stages are {@code programme}'s. */
  public ResultFileValidator(InstrumentCatalog catalog, Programme programme, LocalDate today) {
    this.programme = Objects.requireNonNull(programme, "programme");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.today = Objects.requireNonNull(today, "today");
    this.now = Year.from(today);
    // Past self-assessment results only: rating forms are never a self-assessment's instrument.
    for (Instrument i : catalog.selfReports()) {
      versionsById
          .computeIfAbsent(i.id().value(), k -> new LinkedHashMap<>())
          .put(String.valueOf(i.version()), i);
    }
    this.installed = String.join(", ", versionsById.keySet().stream().sorted().toList());
  }

  /** Checks the header row (row 1); an empty list means the file had no rows at all. */
  public List<RowProblem> header(List<String> header) {
    List<RowProblem> problems = new ArrayList<>();
    this.header =
        CsvHeader.read(
                header,
                this::accepts,
                String.format(UNKNOWN_COLUMN, String.join(", ", ResultColumns.REQUIRED)),
                problems)
            .orElse(null);
    if (this.header == null) {
      return problems;
    }
    for (String required : ResultColumns.REQUIRED) {
      if (!this.header.has(required)) {
        problems.add(
            new RowProblem(
                1,
                required,
                String.format(MISSING_COLUMN, String.join(", ", ResultColumns.REQUIRED))));
      }
    }
    headerOk = problems.isEmpty();
    return problems;
  }

  private boolean accepts(String name) {
    if (ResultColumns.REQUIRED.contains(name)
        || name.equals(ResultColumns.COMPLETED_ON)
        || name.equals(ResultColumns.TOTAL)) {
      return true;
    }
    OptionalInt item = CsvHeader.itemNumber(name);
    if (item.isPresent()) {
      itemColumns.put(item.getAsInt(), name);
      return true;
    }
    if (name.startsWith(ResultColumns.SUBSCALE_PREFIX)) {
      String id = name.substring(ResultColumns.SUBSCALE_PREFIX.length());
      if (id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
        subscaleColumns.put(id, name);
        return true;
      }
    }
    return false;
  }

  /** Whether a row consisting only of empty fields is skipped rather than checked. */
  public static boolean isBlank(List<String> fields) {
    return fields.stream().allMatch(String::isBlank);
  }

  /** The outcome of checking one row: the result, or every problem found in the row. */
  public record Outcome(Optional<HistoricalResult> result, List<RowProblem> problems) {
    public Outcome {
      problems = List.copyOf(problems);
      if (result.isPresent() == !problems.isEmpty()) {
        throw new IllegalArgumentException("an outcome has a result or problems");
      }
    }
  }

  /**
   * Checks one row.
   *
   * @param row the row number (header = 1)
   * @throws IllegalStateException when the header was not accepted
   */
  public Outcome row(long row, List<String> fields) {
    if (!headerOk) {
      throw new IllegalStateException("check the header first; rows need a valid header");
    }
    List<RowProblem> problems = new ArrayList<>();
    Optional<RowProblem> count = header.fieldCount(row, fields);
    if (count.isPresent()) {
      return new Outcome(Optional.empty(), List.of(count.get()));
    }

    String studentId = value(fields, ResultColumns.STUDENT);
    FieldChecks.studentId(
        row, ResultColumns.STUDENT, studentId, "pseudonymous student id", problems);

    MatriculationYear cohort = null;
    String cohortText = value(fields, ResultColumns.COHORT);
    if (cohortText.isEmpty()) {
      problems.add(required(row, ResultColumns.COHORT, "cohort (matriculation year)"));
    } else {
      MatriculationYear.Parsed parsed = MatriculationYear.parse(cohortText, now);
      if (parsed.problem().isPresent()) {
        problems.add(new RowProblem(row, ResultColumns.COHORT, parsed.problem().get()));
      } else {
        cohort = parsed.year().get();
      }
    }

    TrainingStage stage = null;
    String stageText = value(fields, ResultColumns.STAGE);
    if (stageText.isEmpty()) {
      problems.add(required(row, ResultColumns.STAGE, "stage"));
    } else {
      stage = programme.parse(stageText).orElse(null);
      if (stage == null) {
        problems.add(new RowProblem(row, ResultColumns.STAGE, programme.unknown(stageText)));
      }
    }

    Instrument instrument = instrument(row, fields, problems);

    Optional<LocalDate> completedOn =
        FieldChecks.date(
            row,
            ResultColumns.COMPLETED_ON,
            value(fields, ResultColumns.COMPLETED_ON),
            today,
            problems);

    if (cohort != null && stage != null) {
      LocalDate asOf = completedOn.orElse(today);
      int earliest = stage.earliestYear(cohort.value());
      if (asOf.getYear() < earliest) {
        problems.add(
            new RowProblem(
                row,
                ResultColumns.STAGE,
                String.format(
                    WAVE_NOT_YET,
                    stage.name(),
                    cohort.value(),
                    completedOn.isPresent() ? asOf.toString() : "today (" + asOf + ")",
                    earliest)));
      }
    }

    boolean hasAnswers = itemColumns.values().stream().anyMatch(c -> !value(fields, c).isEmpty());
    boolean hasScores =
        !value(fields, ResultColumns.TOTAL).isEmpty()
            || subscaleColumns.values().stream().anyMatch(c -> !value(fields, c).isEmpty());
    Optional<Answers> answers = Optional.empty();
    Optional<ScoringResult> score = Optional.empty();
    Optional<GivenScores> given = Optional.empty();
    if (hasAnswers && hasScores) {
      problems.add(new RowProblem(row, ResultColumns.TOTAL, BOTH));
    } else if (!hasAnswers && !hasScores) {
      problems.add(new RowProblem(row, ResultColumns.TOTAL, NEITHER));
    } else if (instrument != null && hasAnswers) {
      Map<Integer, Integer> byItem =
          FieldChecks.answers(row, fields, header, itemColumns, instrument, problems);
      if (byItem != null) {
        Answers a = Answers.of(instrument, byItem);
        ScoringResult s =
            scorers.computeIfAbsent(instrument.ref(), r -> new Scorer(instrument)).score(a);
        if (!s.scored()) {
          problems.add(FieldChecks.incomplete(row, s, itemColumns));
        } else {
          answers = Optional.of(a);
          score = Optional.of(s);
        }
      }
    } else if (instrument != null) {
      given = givenScores(row, fields, instrument, problems);
    }

    if (problems.isEmpty()) {
      HistoricalResult result =
          new HistoricalResult(
              row, studentId, cohort, stage, instrument.ref(), completedOn, answers, score, given);
      Long earlier = seen.putIfAbsent(result.key(), row);
      if (earlier != null) {
        problems.add(new RowProblem(row, ResultColumns.STUDENT, String.format(REPEATED, earlier)));
      }
      long[] cohortSeen = cohortOf.putIfAbsent(studentId, new long[] {cohort.value(), row});
      if (cohortSeen != null && cohortSeen[0] != cohort.value()) {
        problems.add(
            new RowProblem(
                row,
                ResultColumns.COHORT,
                String.format(OTHER_COHORT, studentId, cohortSeen[0], cohortSeen[1])));
      }
      if (problems.isEmpty()) {
        return new Outcome(Optional.of(result), List.of());
      }
    }
    return new Outcome(Optional.empty(), problems);
  }

  private Instrument instrument(long row, List<String> fields, List<RowProblem> problems) {
    String id = value(fields, ResultColumns.INSTRUMENT);
    String versionText = value(fields, ResultColumns.VERSION);
    Map<String, Instrument> versions = versionsById.get(id);
    if (id.isEmpty()) {
      problems.add(required(row, ResultColumns.INSTRUMENT, "instrument id"));
    } else if (versions == null) {
      problems.add(
          new RowProblem(
              row, ResultColumns.INSTRUMENT, String.format(UNKNOWN_INSTRUMENT, id, installed)));
    }
    Instrument found = null;
    if (versionText.isEmpty()) {
      problems.add(required(row, ResultColumns.VERSION, "instrument version"));
    } else if (!VERSION.matcher(versionText).matches()) {
      problems.add(
          new RowProblem(row, ResultColumns.VERSION, String.format(NOT_A_VERSION, versionText)));
    } else if (versions != null) {
      found = versions.get(versionText);
      if (found == null) {
        problems.add(
            new RowProblem(
                row,
                ResultColumns.VERSION,
                String.format(
                    UNKNOWN_VERSION, id, versionText, String.join(", ", versions.keySet()))));
      }
    }
    return found;
  }

  private Optional<GivenScores> givenScores(
      long row, List<String> fields, Instrument instrument, List<RowProblem> problems) {
    int before = problems.size();
    Map<SubscaleId, BigDecimal> subscales = new LinkedHashMap<>();
    for (Map.Entry<String, String> column : subscaleColumns.entrySet()) {
      String text = value(fields, column.getValue());
      if (text.isEmpty()) {
        continue;
      }
      SubscaleId id = SubscaleId.of(column.getKey());
      Optional<Subscale> subscale = instrument.subscale(id);
      if (subscale.isEmpty()) {
        problems.add(
            new RowProblem(
                row,
                column.getValue(),
                String.format(
                    NOT_A_SUBSCALE,
                    column.getKey(),
                    instrument.ref(),
                    instrument.subscales().stream()
                        .map(s -> s.id().value())
                        .collect(Collectors.joining(", ")))));
        continue;
      }
      BigDecimal v =
          FieldChecks.number(row, column.getValue(), text, instrument.scoreRange(id), problems);
      if (v != null) {
        subscales.put(id, v);
      }
    }
    String totalText = value(fields, ResultColumns.TOTAL);
    BigDecimal total = null;
    if (totalText.isEmpty()) {
      problems.add(new RowProblem(row, ResultColumns.TOTAL, SUBSCALES_WITHOUT_TOTAL));
    } else {
      total =
          FieldChecks.number(
              row, ResultColumns.TOTAL, totalText, instrument.scoreRange(), problems);
    }
    if (problems.size() != before) {
      return Optional.empty();
    }
    if (subscales.size() == instrument.subscales().size()) {
      BigDecimal sum = subscales.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      if (sum.subtract(total).abs().compareTo(SUM_TOLERANCE) > 0) {
        problems.add(
            new RowProblem(
                row,
                ResultColumns.TOTAL,
                String.format(SUM_MISMATCH, total.toPlainString(), sum.toPlainString())));
        return Optional.empty();
      }
    }
    Map<SubscaleId, BigDecimal> ordered = new LinkedHashMap<>();
    for (Subscale s : instrument.subscales()) {
      if (subscales.containsKey(s.id())) {
        ordered.put(s.id(), subscales.get(s.id()));
      }
    }
    return Optional.of(new GivenScores(total, ordered));
  }

  private RowProblem required(long row, String column, String what) {
    return FieldChecks.required(row, column, what);
  }

  private String value(List<String> fields, String column) {
    return header.value(fields, column);
  }
}
