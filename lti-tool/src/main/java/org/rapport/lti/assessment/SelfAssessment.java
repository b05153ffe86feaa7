package org.rapport.lti.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.rapport.curriculum.cohorts.MatriculationYear;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.modules.LearnerRef;
import org.rapport.lti.cohorts.Cohort;
import org.rapport.lti.cohorts.CohortSource;
import org.rapport.lti.cohorts.Cohorts;
import org.rapport.lti.cohorts.Student;
import org.rapport.lti.cohorts.Students;
import org.rapport.lti.cohorts.Wave;
import org.rapport.lti.cohorts.Waves;
import org.rapport.lti.instruments.Instruments;
import org.rapport.lti.launch.LaunchedUser;
import org.rapport.lti.launch.Learner;
import org.rapport.lti.modules.MinimumGroupSize;
import org.rapport.lti.settings.RapportSettings;

/**
 * A student's self-assessment inside the LMS, one transaction per step: where they stand (consent,
 * class, the open wave), consent, choosing their class, saving a draft, submitting, and downloading
 * their data. Every step acts only on the launched student's own record.
 */
@ApplicationScoped
@Transactional
public class SelfAssessment {
  private static final Logger LOG = Logger.getLogger(SelfAssessment.class.getName());

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Inject Students students;
  @Inject Cohorts cohorts;
  @Inject Waves waves;
  @Inject Responses responses;
  @Inject Trajectories trajectories;
  @Inject Instruments instruments;
  @Inject RapportSettings settings;
  @Inject MinimumGroupSize groupSize;
  @Inject StudentData studentData;
  @Inject ResultsSupport resultsSupport;
  @Inject Clock clock;

  /** Where a student stands: one of {@link NeedsConsent}, {@link NeedsClass}, {@link AtWave}. */
  public sealed interface Situation permits NeedsConsent, NeedsClass, AtWave {}

  /** Not asked yet, or not agreed: the privacy notice comes first. */
  public record NeedsConsent(int minimumGroupSize) implements Situation {}

  /** Agreed, but their class (matriculation year) is not known yet. */
  public record NeedsClass(int latestYear) implements Situation {}

  /**
   * In a class: their trajectories and, when a wave is open (or was posted to), its state.
   *
   * @param wave the open (or posted) wave; {@code null} when none is open
   * @param stageLabel the name of {@code wave}'s stage in the tenant's programme
   * @param next the next wave to open, when none is open; {@code null} when there is none
   * @param nextStageLabel the name of {@code next}'s stage
   * @param response the submitted or imported response to {@code wave}; {@code null} when none
   * @param instrument the wave's instrument when it can be answered; {@code null} when it cannot
   * @param answers the draft's answers with the posted ones over them
   * @param support where the student's results lead: modules for each part, a note when falling
   */
  public record AtWave(
      Cohort cohort,
      List<Trajectory> trajectories,
      int minimumGroupSize,
      Wave wave,
      String stageLabel,
      Wave next,
      String nextStageLabel,
      AssessmentResponse response,
      Instrument instrument,
      Map<Integer, Integer> answers,
      ZoneId zone,
      ResultsSupport.Support support)
      implements Situation {}

  /** A draft was saved: how many of the instrument's statements are answered. */
  public record Draft(int answered, int items) {}

  /**
   * A submission.
   *
   * @param problem what is missing, in words, when the outcome is incomplete; otherwise {@code
   *     null}
   */
  public record Submission(Responses.SubmitOutcome outcome, String problem) {}

  /**
   * The class a student gave.
   *
   * @param problem why the year was refused; {@code null} when it was taken (or nothing was to do)
   */
  public record ClassChoice(String problem, int latestYear) {}

  /**
   * @param postedWave the wave a refused submission was posted to; {@code null} for the open one
   * @param postedAnswers answers posted with a refused submission, shown over the draft's
   */
  public Situation situation(
      LaunchedUser user, Long postedWave, Map<Integer, Integer> postedAnswers) {
    Optional<Student> student = students.bySubject(user.registrationId(), subject(user));
    if (student.isEmpty() || !student.get().hasConsented()) {
      return new NeedsConsent(groupSize.rule().minimumGroupSize());
    }
    LocalDate today = settings.today();
    if (student.get().getCohortId() == null) {
      return new NeedsClass(MatriculationYear.latest(Year.from(today)));
    }
    long studentId = student.get().getId();
    Cohort cohort = cohorts.find(student.get().getCohortId()).orElseThrow();
    List<Trajectory> own = trajectories.of(studentId);
    int minimum = groupSize.rule().minimumGroupSize();
    ZoneId zone = settings.assessmentZone();
    ResultsSupport.Support support = resultsSupport.of(user.registrationId(), own);
    Optional<Wave> open =
        postedWave != null ? waves.find(postedWave) : waves.openFor(cohort.getId(), today);
    if (open.isEmpty()) {
      Wave next = waves.nextFor(cohort.getId(), today).orElse(null);
      return new AtWave(
          cohort,
          own,
          minimum,
          null,
          null,
          next,
          next == null ? null : waves.stage(next).label(),
          null,
          null,
          Map.of(),
          zone,
          support);
    }
    Wave wave = open.get();
    Optional<AssessmentResponse> response =
        responses.find(studentId, wave.getId(), wave.instrument().id().value());
    if (response.isPresent() && response.get().getStatus().isFinal()) {
      return new AtWave(
          cohort,
          own,
          minimum,
          wave,
          waves.stage(wave).label(),
          null,
          null,
          response.get(),
          null,
          Map.of(),
          zone,
          support);
    }
    Optional<Instrument> instrument =
        instruments.find(wave.instrument()).filter(Instrument::schedulable);
    if (instrument.isEmpty()) {
      LOG.warning(
          () ->
              "Wave "
                  + wave.getId()
                  + " uses "
                  + wave.instrument()
                  + ", which cannot be shown: "
                  + instruments
                      .find(wave.instrument())
                      .flatMap(Instrument::unschedulableReason)
                      .orElse("it is not installed"));
    }
    Map<Integer, Integer> answers = new TreeMap<>();
    response.ifPresent(r -> answers.putAll(responses.answers(r.getId())));
    answers.putAll(postedAnswers);
    return new AtWave(
        cohort,
        own,
        minimum,
        wave,
        waves.stage(wave).label(),
        null,
        null,
        null,
        instrument.orElse(null),
        answers,
        zone,
        support);
  }

  /** The smallest group whose average a student is shown, as the privacy notice states it. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public int minimumGroupSize() {
    return groupSize.rule().minimumGroupSize();
  }

  /** Records the student's agreement to the privacy notice. */
  public void consent(LaunchedUser user) {
    studentData.consent(user.registrationId(), subject(user));
  }

  /**
   * Places a consented student without a class in the cohort of the year they gave. Only an
   * administrator changes a class once it is set, so then nothing happens (the page says so).
   */
  public ClassChoice chooseClass(LaunchedUser user, String year) {
    Year thisYear = Year.from(settings.today());
    int latest = MatriculationYear.latest(thisYear);
    Student student =
        students
            .bySubject(user.registrationId(), subject(user))
            .filter(Student::hasConsented)
            .orElse(null);
    if (student == null || student.getCohortId() != null) {
      return new ClassChoice(null, latest);
    }
    MatriculationYear.Parsed parsed = MatriculationYear.parse(year, thisYear);
    if (parsed.year().isEmpty()) {
      return new ClassChoice(capitalise(parsed.problem().get()) + ".", latest);
    }
    Cohort cohort = cohorts.findOrCreate(user.registrationId(), parsed.year().get());
    students.placeIn(
        student,
        cohort,
        CohortSource.SELF,
        "the student",
        "The student said they started medical school in " + parsed.year().get() + ".");
    return new ClassChoice(null, latest);
  }

  /**
   * @throws AssessmentRefused when the student has not consented, or the wave or an answer is
   *     refused
   */
  public Draft saveDraft(LaunchedUser user, long waveId, Map<Integer, Integer> answers) {
    Student student = consented(user);
    int answered = responses.saveDraft(student.getId(), waveId, answers);
    int items =
        waves
            .find(waveId)
            .flatMap(w -> instruments.find(w.instrument()))
            .map(i -> i.items().size())
            .orElse(0);
    return new Draft(answered, items);
  }

  /**
   * @throws AssessmentRefused when the student has not consented, or the wave or an answer is
   *     refused
   */
  public Submission submit(LaunchedUser user, long waveId, Map<Integer, Integer> answers) {
    Student student = consented(user);
    Responses.SubmitOutcome outcome =
        responses.submit(
            new LearnerRef(user.registrationId(), user.learnerId(), user.courseId(), null),
            student.getId(),
            waveId,
            answers);
    if (outcome.result() != Responses.SubmitResult.INCOMPLETE) {
      return new Submission(outcome, null);
    }
    Instrument instrument =
        waves.find(waveId).flatMap(w -> instruments.find(w.instrument())).orElseThrow();
    return new Submission(outcome, incompleteMessage(instrument, outcome.missingItems()));
  }

  /** Everything kept about the student; nothing when they never consented. */
  public StudentData.Export export(LaunchedUser user) {
    return students
        .bySubject(user.registrationId(), subject(user))
        .map(s -> studentData.exportForStudent(s.getId(), user.learnerId()))
        .orElseGet(() -> StudentData.Export.nothing(clock));
  }

  static String incompleteMessage(Instrument instrument, List<Integer> missing) {
    String numbers = missing.stream().map(String::valueOf).collect(Collectors.joining(", "));
    return "A few statements are still unanswered (number"
        + (missing.size() == 1 ? " " : "s ")
        + numbers
        + "). You may leave at most "
        + instrument.missing().maxMissingTotal()
        + " unanswered in all"
        + instrument.missing().maxMissingPerSubscale().stream()
            .mapToObj(k -> " and " + k + " in each part")
            .findFirst()
            .orElse("")
        + ". Your answers so far are saved; please answer a few more and submit again.";
  }

  private Student consented(LaunchedUser user) {
    return students
        .bySubject(user.registrationId(), subject(user))
        .filter(Student::hasConsented)
        .orElseThrow(() -> new AssessmentRefused(Refusal.NO_CONSENT));
  }

  private String subject(LaunchedUser user) {
    return em.find(Learner.class, user.learnerId()).getSubject();
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
