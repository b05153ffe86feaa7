package org.rapport.lti.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.rapport.curriculum.assessments.AnswerProblem;
import org.rapport.curriculum.assessments.AnswerRejected;
import org.rapport.curriculum.assessments.Answers;
import org.rapport.curriculum.assessments.Scorer;
import org.rapport.curriculum.assessments.ScoringResult;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.modules.LearnerRef;
import org.rapport.lti.cohorts.Student;
import org.rapport.lti.cohorts.Students;
import org.rapport.lti.cohorts.Wave;
import org.rapport.lti.cohorts.Waves;
import org.rapport.lti.instruments.Instruments;
import org.rapport.lti.settings.RapportSettings;

/**
 * Drafts and submissions. A student answers only waves of their own cohort, after consenting, while
 * the window is open; a response is submitted once. A second submission with the same answers (a
 * double click, a resent form) gets the first one's outcome; one with other answers is refused.
 * Refusals roll back, so stored data stays as it was.
 */
@ApplicationScoped
@Transactional
public class Responses {
  @Inject Clock clock;

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Inject Students students;
  @Inject Waves waves;
  @Inject Instruments instruments;
  @Inject ResponseCreation creation;
  @Inject ScoreStore scores;
  @Inject RapportSettings settings;
  @Inject Event<AssessmentSubmitted> submittedEvent;

  /** What a submission came to. */
  public enum SubmitResult {
    /** Submitted now. */
    SUBMITTED,
    /** Submitted before with these answers; nothing changed. */
    ALREADY_SUBMITTED,
    /** Too many statements unanswered; the answers are kept as a draft. */
    INCOMPLETE
  }

  /** The outcome of a submission: the result, and for an incomplete one the missing items. */
  public record SubmitOutcome(SubmitResult result, List<Integer> missingItems) {}

  public Optional<AssessmentResponse> find(long studentId, long waveId, String instrumentId) {
    return em.createQuery(
            "select r from AssessmentResponse r where r.studentId = :s and r.waveId = :w and"
                + " r.instrumentId = :i",
            AssessmentResponse.class)
        .setParameter("s", studentId)
        .setParameter("w", waveId)
        .setParameter("i", instrumentId)
        .getResultStream()
        .findFirst();
  }

  /** Every response of a student, drafts included. */
  public List<AssessmentResponse> of(long studentId) {
    return em.createQuery(
            "select r from AssessmentResponse r where r.studentId = :s order by r.startedAt, r.id",
            AssessmentResponse.class)
        .setParameter("s", studentId)
        .getResultList();
  }

  /** The raw answers of a response by item number. */
  public Map<Integer, Integer> answers(long responseId) {
    AssessmentResponse r = em.find(AssessmentResponse.class, responseId);
    return r == null ? Map.of() : r.answers();
  }

  /**
   * Saves answers to the student's draft of a wave.
   *
   * @return how many items of the draft are answered now
   * @throws AssessmentRefused when the wave is not theirs, closed, or already submitted, or an
   *     answer does not fit
   */
  public int saveDraft(long studentId, long waveId, Map<Integer, Integer> posted) {
    Access access = access(studentId, waveId);
    Optional<AssessmentResponse> existing =
        find(studentId, waveId, access.wave().instrument().id().value());
    if (existing.isPresent() && existing.get().getStatus().isFinal()) {
      throw refusedAsSubmitted(existing.get());
    }
    requireOpen(access.wave());
    Answers checked = check(access.instrument(), posted);
    AssessmentResponse response = lockedDraft(access);
    if (response.getStatus().isFinal()) {
      throw refusedAsSubmitted(response);
    }
    Map<Integer, Integer> merged = merge(response, checked.byItem());
    return merged.size();
  }

  /**
   * Submits the student's response to a wave with the answers posted (merged into the draft).
   *
   * @throws AssessmentRefused as {@link #saveDraft}, and when the response was submitted before
   *     with other answers
   */
  public SubmitOutcome submit(
      LearnerRef by, long studentId, long waveId, Map<Integer, Integer> posted) {
    Access access = access(studentId, waveId);
    Optional<AssessmentResponse> existing =
        find(studentId, waveId, access.wave().instrument().id().value());
    if (existing.isPresent() && existing.get().getStatus().isFinal()) {
      return resubmitted(existing.get(), posted);
    }
    requireOpen(access.wave());
    Answers checked = check(access.instrument(), posted);
    AssessmentResponse response = lockedDraft(access);
    if (response.getStatus().isFinal()) {
      // A concurrent submission won while this one waited for the lock.
      return resubmitted(response, posted);
    }
    Map<Integer, Integer> merged = merge(response, checked.byItem());
    ScoringResult score =
        Scorer.score(access.instrument(), new Answers(access.instrument().ref(), merged));
    if (!score.scored()) {
      return new SubmitOutcome(SubmitResult.INCOMPLETE, score.missingItems());
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    response.submitted(now, access.instrument().version());
    scores.store(response.getId(), access.instrument().version(), score, null);
    em.flush();
    submittedEvent.fire(new AssessmentSubmitted(by, studentId, waveId, now.toInstant()));
    return new SubmitOutcome(SubmitResult.SUBMITTED, List.of());
  }

  /** A student, one of their cohort's waves and its instrument. */
  public record Access(Student student, Wave wave, Instrument instrument) {}

  /**
   * Checks that the student may answer the wave at all: it exists, belongs to their cohort, they
   * consented, and its instrument can be shown.
   */
  public Access access(long studentId, long waveId) {
    Student student = students.find(studentId).orElseThrow();
    Wave wave = waves.find(waveId).orElseThrow(() -> new AssessmentRefused(Refusal.NO_SUCH_WAVE));
    if (student.getCohortId() == null) {
      throw new AssessmentRefused(Refusal.NO_COHORT);
    }
    if (!student.getCohortId().equals(wave.getCohortId())) {
      throw new AssessmentRefused(Refusal.NOT_YOUR_WAVE);
    }
    if (!student.hasConsented()) {
      throw new AssessmentRefused(Refusal.NO_CONSENT);
    }
    Instrument instrument =
        instruments
            .find(wave.instrument())
            .filter(Instrument::schedulable)
            .orElseThrow(() -> new AssessmentRefused(Refusal.UNAVAILABLE));
    return new Access(student, wave, instrument);
  }

  private void requireOpen(Wave wave) {
    LocalDate today = settings.today();
    if (wave.isOpen(today)) {
      return;
    }
    if (wave.window().isPresent() && wave.window().get().opens().isAfter(today)) {
      throw new AssessmentRefused(Refusal.NOT_OPEN_YET, Days.of(wave.window().get().opens()));
    }
    throw new AssessmentRefused(
        Refusal.CLOSED, wave.window().map(w -> Days.of(w.closes())).orElse("an earlier date"));
  }

  private static Answers check(Instrument instrument, Map<Integer, Integer> posted) {
    try {
      return Answers.of(instrument, posted);
    } catch (AnswerRejected e) {
      throw new AssessmentRefused(
          Refusal.INVALID_ANSWER,
          e.problems().stream().map(AnswerProblem::message).collect(Collectors.joining("; ")));
    }
  }

  /** The student's draft of the wave, created on first save, locked until the transaction ends. */
  private AssessmentResponse lockedDraft(Access access) {
    String instrumentId = access.wave().instrument().id().value();
    long id =
        find(access.student().getId(), access.wave().getId(), instrumentId)
            .map(AssessmentResponse::getId)
            .orElseGet(() -> createDraft(access));
    AssessmentResponse response =
        em.find(AssessmentResponse.class, id, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(response);
    return response;
  }

  private long createDraft(Access access) {
    return creation.create(
        access.student().getRegistrationId(),
        access.student().getId(),
        access.wave().getId(),
        access.wave().instrument());
  }

  private Map<Integer, Integer> merge(AssessmentResponse response, Map<Integer, Integer> posted) {
    Map<Integer, Integer> merged = new TreeMap<>(response.answers());
    merged.putAll(posted);
    if (!posted.isEmpty()) {
      response.answer(merged, OffsetDateTime.now(clock));
      em.flush();
    }
    return merged;
  }

  private SubmitOutcome resubmitted(AssessmentResponse response, Map<Integer, Integer> posted) {
    Map<Integer, Integer> stored = answers(response.getId());
    boolean same =
        posted.entrySet().stream()
            .filter(e -> e.getValue() != null)
            .allMatch(e -> e.getValue().equals(stored.get(e.getKey())));
    if (!same) {
      throw refusedAsSubmitted(response);
    }
    return new SubmitOutcome(SubmitResult.ALREADY_SUBMITTED, List.of());
  }

  private AssessmentRefused refusedAsSubmitted(AssessmentResponse response) {
    return new AssessmentRefused(
        Refusal.ALREADY_SUBMITTED,
        response.getSubmittedAt() == null
            ? "an earlier date"
            : Days.of(response.getSubmittedAt(), settings.assessmentZone()));
  }
}
