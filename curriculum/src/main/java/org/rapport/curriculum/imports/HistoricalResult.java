package org.rapport.curriculum.imports;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.rapport.curriculum.assessments.Answers;
import org.rapport.curriculum.assessments.ScoringResult;
import org.rapport.curriculum.cohorts.MatriculationYear;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.instruments.InstrumentRef;

/**
 * One valid row of a historical-results file: a pseudonymous student's result for the wave of their
 * cohort at one stage. Either item answers with the score Rapport computed from them, or the scores
 * an earlier system computed.
 *
 * @param row the row number in the file (header = 1)
 * @param studentId the institution's pseudonymous id, never a name or e-mail address
 */
public record HistoricalResult(
    long row,
    String studentId,
    MatriculationYear cohort,
    TrainingStage stage,
    InstrumentRef instrument,
    Optional<LocalDate> completedOn,
    Optional<Answers> answers,
    Optional<ScoringResult> score,
    Optional<GivenScores> given) {

  public HistoricalResult {
    Objects.requireNonNull(studentId, "studentId");
    Objects.requireNonNull(cohort, "cohort");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(instrument, "instrument");
    if (answers.isPresent() == given.isPresent() || answers.isPresent() != score.isPresent()) {
      throw new IllegalArgumentException(
          "a result has either answers and their score, or given scores");
    }
  }

  /** What makes a result unique within a tenant: student, stage and instrument (any version). */
  public Key key() {
    return new Key(studentId, stage.code(), instrument.id().value());
  }

  /** Identifies a result: one per student, stage (its code) and instrument. */
  public record Key(String studentId, String stage, String instrument) {}
}
