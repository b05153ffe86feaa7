package org.rapport.curriculum.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.rapport.curriculum.assessments.Answers;
import org.rapport.curriculum.assessments.ScoringResult;
import org.rapport.curriculum.cohorts.MatriculationYear;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.curriculum.instruments.RaterType;

/**
 * One valid row of a file of past observed ratings: one rater's rating of one student's encounter
 * at a station. Either item answers with the score Rapport computed from them, or the total an
 * earlier system recorded.
 *
 * @param row the row number in the file (header = 1)
 * @param studentPseudonym the institution's pseudonymous id, never a name or e-mail address
 * @param cohort the student's matriculation year, when the file gives it
 * @param setting the stored name of the setting, e.g. {@code OSCE_STATION}
 */
public record ObservedResult(
    long row,
    String studentPseudonym,
    LocalDate date,
    TrainingStage stage,
    Optional<MatriculationYear> cohort,
    String station,
    String setting,
    RaterType raterType,
    InstrumentRef form,
    Optional<String> comment,
    Optional<Answers> answers,
    Optional<ScoringResult> score,
    Optional<BigDecimal> total) {

  public ObservedResult {
    Objects.requireNonNull(studentPseudonym, "studentPseudonym");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(cohort, "cohort");
    Objects.requireNonNull(station, "station");
    Objects.requireNonNull(setting, "setting");
    Objects.requireNonNull(raterType, "raterType");
    Objects.requireNonNull(form, "form");
    if (answers.isPresent() == total.isPresent() || answers.isPresent() != score.isPresent()) {
      throw new IllegalArgumentException("a rating has either answers and their score, or a total");
    }
  }

  /** The session a rating belongs to: ratings of one day, setting and stage are one session. */
  public Session session() {
    return new Session(date, setting, stage.code());
  }

  /** The encounter a rating is of: one student at one station in one session. */
  public Encounter encounter() {
    return new Encounter(session(), studentPseudonym, station);
  }

  /** One day's ratings in one setting at one stage. */
  public record Session(LocalDate date, String setting, String stage) {}

  /** One student's conversation at one station of a session. */
  public record Encounter(Session session, String studentPseudonym, String station) {}
}
