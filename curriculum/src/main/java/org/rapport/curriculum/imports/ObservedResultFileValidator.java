package org.rapport.curriculum.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
import org.rapport.curriculum.instruments.RaterType;

/**
 * Checks a file of past observed ratings (see {@link ObservedColumns}) row by row against the
 * installed rating forms and the tenant's {@link Programme}. Give the header to {@link
 * #header(List)} first, then each row to {@link #row}. A row is one rater's rating of one student
 * at one station; item answers are scored with the form's own key, as a rating given in Rapport is.
 * The file is checked on its own; the caller imports nothing unless no row has a problem.
 *
 * <p>Every message is one of the constants below, so that pages, logs and tests agree.
 */
public final class ObservedResultFileValidator {

  // Header.
  static final String MISSING_COLUMN = "is missing; the header must name the columns %s";
  static final String UNKNOWN_COLUMN =
      "is not a column of the observed-ratings format; use %s, %s, and item_1 … item_n";

  // Rows.
  static final String UNKNOWN_SETTING = "'%s' is not a setting; use one of %s";
  static final String UNKNOWN_RATER_TYPE = "'%s' is not a rater type; use one of %s";
  static final String TOO_LONG = "has %d characters; at most %d are kept, shorten it";
  static final String NOT_A_VERSION = "'%s' is not a version number";
  static final String VERSION_WITHOUT_FORM =
      "names a version but the form column is empty; name the form too, or leave both empty for"
          + " the form %s raters fill in";
  static final String UNKNOWN_FORM = "no rating form '%s' is installed; rating forms: %s";
  static final String UNKNOWN_FORM_VERSION = "%s has no version %s; installed versions: %s";
  static final String NOT_FOR_RATER =
      "%s is not a form that %s raters fill in; forms for %s raters: %s";
  static final String NO_DEFAULT_FORM =
      "no rating form is set up for %s raters; name the form in the form column";
  static final String BOTH = "give either item answers or a total in a row, not both";
  static final String NEITHER = "the row has neither item answers nor a total";
  static final String OTHER_COHORT =
      "student %s is in the cohort of %d in row %d; a student belongs to one cohort";
  static final String STAGE_NOT_YET =
      "a student of the cohort of %d cannot be at stage %s on %s: that training year begins in %d"
          + " at the earliest; check the cohort, the stage and the date";
  static final String OTHER_STAGE =
      "student %s is at stage %s on %s in row %d; a student is at one stage on one day";

  private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,5}");

  private final RatingFormLookup forms;
  private final Programme programme;
  private final LocalDate today;
  private final Map<String, Map<Integer, Instrument>> versionsById = new TreeMap<>();
  private final Map<Integer, String> itemColumns = new TreeMap<>();
  private final Map<InstrumentRef, Scorer> scorers = new HashMap<>();
  private final Map<StudentDay, Seen> stageOf = new HashMap<>();
  private final Map<String, SeenCohort> cohortOf = new HashMap<>();
  private final InstrumentCatalog catalog;
  private CsvHeader header;
  private boolean headerOk;

  private record StudentDay(String student, LocalDate date) {}

  private record Seen(String stage, long row) {}

  private record SeenCohort(int year, long row) {}

  /**
   * @param catalog the installed instruments; those {@code forms} says some rater type fills in are
   *     the rating forms a file may name
   */
  public ObservedResultFileValidator(
      InstrumentCatalog catalog, RatingFormLookup forms, Programme programme, LocalDate today) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.forms = Objects.requireNonNull(forms, "forms");
    this.programme = Objects.requireNonNull(programme, "programme");
    this.today = Objects.requireNonNull(today, "today");
    for (Instrument i : catalog.all()) {
      if (i.isRatingForm()) {
        versionsById.computeIfAbsent(i.id().value(), k -> new TreeMap<>()).put(i.version(), i);
      }
    }
  }

  /** Checks the header row (row 1); an empty list means it is fine. */
  public List<RowProblem> header(List<String> header) {
    List<RowProblem> problems = new ArrayList<>();
    String unknown =
        String.format(
            UNKNOWN_COLUMN,
            String.join(", ", ObservedColumns.REQUIRED),
            String.join(", ", ObservedColumns.OPTIONAL));
    this.header = CsvHeader.read(header, this::accepts, unknown, problems).orElse(null);
    if (this.header == null) {
      return problems;
    }
    for (String required : ObservedColumns.REQUIRED) {
      if (!this.header.has(required)) {
        problems.add(
            new RowProblem(
                1,
                required,
                String.format(MISSING_COLUMN, String.join(", ", ObservedColumns.REQUIRED))));
      }
    }
    headerOk = problems.isEmpty();
    return problems;
  }

  private boolean accepts(String name) {
    if (ObservedColumns.REQUIRED.contains(name) || ObservedColumns.OPTIONAL.contains(name)) {
      return true;
    }
    OptionalInt item = CsvHeader.itemNumber(name);
    if (item.isPresent()) {
      itemColumns.put(item.getAsInt(), name);
      return true;
    }
    return false;
  }

  /** The outcome of checking one row: the rating, or every problem found in the row. */
  public record Outcome(Optional<ObservedResult> result, List<RowProblem> problems) {
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
    Optional<RowProblem> count = header.fieldCount(row, fields);
    if (count.isPresent()) {
      return new Outcome(Optional.empty(), List.of(count.get()));
    }
    List<RowProblem> problems = new ArrayList<>();

    String student =
        FieldChecks.studentId(
            row,
            ObservedColumns.STUDENT,
            value(fields, ObservedColumns.STUDENT),
            "student pseudonym",
            problems);

    LocalDate date = null;
    String dateText = value(fields, ObservedColumns.DATE);
    if (dateText.isEmpty()) {
      problems.add(FieldChecks.required(row, ObservedColumns.DATE, "date (YYYY-MM-DD)"));
    } else {
      date = FieldChecks.date(row, ObservedColumns.DATE, dateText, today, problems).orElse(null);
    }

    TrainingStage stage = null;
    String stageText = value(fields, ObservedColumns.STAGE);
    if (stageText.isEmpty()) {
      problems.add(FieldChecks.required(row, ObservedColumns.STAGE, "training stage"));
    } else {
      stage = programme.parse(stageText).orElse(null);
      if (stage == null) {
        problems.add(new RowProblem(row, ObservedColumns.STAGE, programme.unknown(stageText)));
      }
    }

    Optional<MatriculationYear> cohort = Optional.empty();
    String cohortText = value(fields, ObservedColumns.COHORT);
    if (!cohortText.isEmpty()) {
      MatriculationYear.Parsed parsed = MatriculationYear.parse(cohortText, Year.from(today));
      if (parsed.problem().isPresent()) {
        problems.add(new RowProblem(row, ObservedColumns.COHORT, parsed.problem().get()));
      } else {
        cohort = parsed.year();
      }
    }
    if (cohort.isPresent() && stage != null && date != null) {
      int earliest = stage.earliestYear(cohort.get().value());
      if (date.getYear() < earliest) {
        problems.add(
            new RowProblem(
                row,
                ObservedColumns.STAGE,
                String.format(STAGE_NOT_YET, cohort.get().value(), stage.code(), date, earliest)));
      }
    }

    String station = value(fields, ObservedColumns.STATION);
    if (station.isEmpty()) {
      problems.add(FieldChecks.required(row, ObservedColumns.STATION, "station"));
      station = null;
    } else if (station.length() > ObservedColumns.MAX_STATION) {
      problems.add(tooLong(row, ObservedColumns.STATION, station, ObservedColumns.MAX_STATION));
      station = null;
    }

    String setting = setting(row, fields, problems);
    RaterType raterType = raterType(row, fields, header, problems);

    Optional<String> comment = Optional.empty();
    String commentText = value(fields, ObservedColumns.COMMENT);
    if (commentText.length() > ObservedColumns.MAX_COMMENT) {
      problems.add(tooLong(row, ObservedColumns.COMMENT, commentText, ObservedColumns.MAX_COMMENT));
    } else if (!commentText.isEmpty()) {
      comment = Optional.of(commentText);
    }

    Instrument form = raterType == null ? null : form(row, fields, raterType, problems);

    boolean hasAnswers = itemColumns.values().stream().anyMatch(c -> !value(fields, c).isEmpty());
    String totalText = value(fields, ObservedColumns.TOTAL);
    boolean hasTotal = !totalText.isEmpty();
    Optional<Answers> answers = Optional.empty();
    Optional<ScoringResult> score = Optional.empty();
    Optional<BigDecimal> total = Optional.empty();
    if (hasAnswers && hasTotal) {
      problems.add(new RowProblem(row, ObservedColumns.TOTAL, BOTH));
    } else if (!hasAnswers && !hasTotal) {
      problems.add(new RowProblem(row, ObservedColumns.TOTAL, NEITHER));
    } else if (form != null && hasAnswers) {
      Map<Integer, Integer> byItem =
          FieldChecks.answers(row, fields, header, itemColumns, form, problems);
      if (byItem != null) {
        Answers a = Answers.of(form, byItem);
        ScoringResult s = scorers.computeIfAbsent(form.ref(), r -> new Scorer(form)).score(a);
        if (!s.scored()) {
          problems.add(FieldChecks.incomplete(row, s, itemColumns));
        } else {
          answers = Optional.of(a);
          score = Optional.of(s);
        }
      }
    } else if (form != null) {
      total =
          Optional.ofNullable(
              FieldChecks.number(
                  row, ObservedColumns.TOTAL, totalText, form.scoreRange(), problems));
    }

    if (student != null && date != null && stage != null) {
      Seen earlier =
          stageOf.putIfAbsent(new StudentDay(student, date), new Seen(stage.code(), row));
      if (earlier != null && !earlier.stage().equals(stage.code())) {
        problems.add(
            new RowProblem(
                row,
                ObservedColumns.STAGE,
                String.format(OTHER_STAGE, student, earlier.stage(), date, earlier.row())));
      }
    }

    if (student != null && cohort.isPresent()) {
      SeenCohort earlier = cohortOf.putIfAbsent(student, new SeenCohort(cohort.get().value(), row));
      if (earlier != null && earlier.year() != cohort.get().value()) {
        problems.add(
            new RowProblem(
                row,
                ObservedColumns.COHORT,
                String.format(OTHER_COHORT, student, earlier.year(), earlier.row())));
      }
    }

    if (!problems.isEmpty()) {
      return new Outcome(Optional.empty(), problems);
    }
    return new Outcome(
        Optional.of(
            new ObservedResult(
                row,
                student,
                date,
                stage,
                cohort,
                station,
                setting,
                raterType,
                form.ref(),
                comment,
                answers,
                score,
                total)),
        List.of());
  }

  /** Whether a row consisting only of empty fields is skipped rather than checked. */
  public static boolean isBlank(List<String> fields) {
    return ResultFileValidator.isBlank(fields);
  }

  /** The setting as Rapport stores it (empty: an OSCE station); null with a problem if none. */
  private String setting(long row, List<String> fields, List<RowProblem> problems) {
    String text = value(fields, ObservedColumns.SETTING);
    if (text.isEmpty()) {
      return ObservedColumns.SETTINGS.get(ObservedColumns.DEFAULT_SETTING);
    }
    String code = ObservedColumns.SETTINGS.get(codeOf(text));
    if (code == null) {
      problems.add(
          new RowProblem(
              row,
              ObservedColumns.SETTING,
              String.format(
                  UNKNOWN_SETTING, text, String.join(", ", ObservedColumns.SETTINGS.keySet()))));
    }
    return code;
  }

  private static RaterType raterType(
      long row, List<String> fields, CsvHeader header, List<RowProblem> problems) {
    String text = header.value(fields, ObservedColumns.RATER_TYPE);
    String codes =
        Arrays.stream(RaterType.values()).map(RaterType::code).collect(Collectors.joining(", "));
    if (text.isEmpty()) {
      problems.add(
          FieldChecks.required(row, ObservedColumns.RATER_TYPE, "rater type (" + codes + ")"));
      return null;
    }
    Optional<RaterType> type = RaterType.find(codeOf(text));
    if (type.isEmpty()) {
      problems.add(
          new RowProblem(
              row, ObservedColumns.RATER_TYPE, String.format(UNKNOWN_RATER_TYPE, text, codes)));
      return null;
    }
    return type.get();
  }

  /** A code as people may write it: any case, spaces or underscores for dashes. */
  private static String codeOf(String text) {
    return text.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
  }

  private Instrument form(
      long row, List<String> fields, RaterType raterType, List<RowProblem> problems) {
    String id = value(fields, ObservedColumns.FORM);
    String versionText = value(fields, ObservedColumns.FORM_VERSION);
    String typeName = raterType.code();
    if (id.isEmpty()) {
      if (!versionText.isEmpty()) {
        problems.add(
            new RowProblem(
                row, ObservedColumns.FORM_VERSION, String.format(VERSION_WITHOUT_FORM, typeName)));
        return null;
      }
      Optional<Instrument> byDefault = forms.defaultFor(raterType).flatMap(catalog::find);
      if (byDefault.isEmpty()) {
        problems.add(
            new RowProblem(row, ObservedColumns.FORM, String.format(NO_DEFAULT_FORM, typeName)));
        return null;
      }
      return byDefault.get();
    }
    Map<Integer, Instrument> versions = versionsById.get(id);
    if (versions == null) {
      problems.add(
          new RowProblem(
              row,
              ObservedColumns.FORM,
              String.format(UNKNOWN_FORM, id, String.join(", ", versionsById.keySet()))));
      return null;
    }
    Instrument found;
    if (versionText.isEmpty()) {
      found = versions.values().stream().max(Comparator.comparingInt(Instrument::version)).get();
    } else if (!VERSION.matcher(versionText).matches()) {
      problems.add(
          new RowProblem(
              row, ObservedColumns.FORM_VERSION, String.format(NOT_A_VERSION, versionText)));
      return null;
    } else {
      found = versions.get(Integer.parseInt(versionText));
      if (found == null) {
        problems.add(
            new RowProblem(
                row,
                ObservedColumns.FORM_VERSION,
                String.format(
                    UNKNOWN_FORM_VERSION,
                    id,
                    versionText,
                    versions.keySet().stream()
                        .map(String::valueOf)
                        .collect(Collectors.joining(", ")))));
        return null;
      }
    }
    if (!found.ratedBy(raterType)) {
      String others =
          catalog.ratingForms(raterType).stream()
              .map(f -> f.ref().toString())
              .collect(Collectors.joining(", "));
      problems.add(
          new RowProblem(
              row,
              ObservedColumns.FORM,
              String.format(
                  NOT_FOR_RATER,
                  found.ref(),
                  typeName,
                  typeName,
                  others.isEmpty() ? "none installed" : others)));
      return null;
    }
    return found;
  }

  private static RowProblem tooLong(long row, String column, String text, int max) {
    return new RowProblem(row, column, String.format(TOO_LONG, text.length(), max));
  }

  private String value(List<String> fields, String column) {
    return header.value(fields, column);
  }
}
