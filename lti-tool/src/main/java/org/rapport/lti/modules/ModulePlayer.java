package org.rapport.lti.modules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.rapport.curriculum.modules.CheckStep;
import org.rapport.curriculum.modules.LearnerRef;
import org.rapport.curriculum.modules.Module;
import org.rapport.curriculum.modules.ModuleCompleted;
import org.rapport.curriculum.modules.PracticeStep;
import org.rapport.curriculum.modules.ReadingStep;
import org.rapport.curriculum.modules.ReflectionStep;
import org.rapport.curriculum.modules.ScenarioStep;
import org.rapport.curriculum.modules.Step;
import org.rapport.lti.launch.LaunchedUser;

/**
 * Moves a learner through a module. Each action runs in one transaction that first locks the
 * learner's progress row for the module: concurrent requests for the same module (a double click,
 * two tabs) run one after the other, a failure leaves nothing half-written, and the moment every
 * step is done is recorded, and {@link ModuleCompleted} fired, exactly once.
 */
@ApplicationScoped
public class ModulePlayer {
  private static final Set<String> BUSY_SQL_STATES = Set.of("HYT00", "55P03", "40P01", "40001");

  @Inject Clock clock;
  private static final Logger LOG = Logger.getLogger(ModulePlayer.class.getName());

  @Inject ProgressRepository progress;
  @Inject ProgressStarter starter;
  @Inject Event<ModuleCompleted> completions;

  /**
   * What the step page shows of the learner's work.
   *
   * @param learnerKey who the learner is within Rapport (tenant and learner), for the order in
   *     which they see options
   */
  public record StepState(
      String learnerKey,
      ProgressSummary summary,
      Set<String> done,
      StepResult resultOrNull,
      ReflectionEntry reflectionOrNull,
      StepDraft draftOrNull,
      OffsetDateTime completedAtOrNull) {}

  /** The learner's progress in every module they opened, by module id. */
  @Transactional
  public Map<String, ProgressSummary> overview(LaunchedUser user, Iterable<Module> modules) {
    Map<Long, Set<String>> done = progress.doneSteps(user.registrationId(), user.learnerId());
    Map<String, ModuleProgress> rows =
        progress.all(user.registrationId(), user.learnerId()).stream()
            .collect(Collectors.toMap(ModuleProgress::getModuleId, p -> p));
    Map<String, ProgressSummary> summaries = new HashMap<>();
    for (Module module : modules) {
      ModuleProgress row = rows.get(module.id().value());
      summaries.put(
          module.id().value(),
          row == null
              ? ProgressSummary.of(module, null, Set.of(), false)
              : ProgressSummary.of(
                  module,
                  row.getCurrentStep(),
                  done.getOrDefault(row.getId(), Set.of()),
                  row.isCompleted()));
    }
    return summaries;
  }

  /** The id of the unfinished module the learner worked in last; empty when there is none. */
  @Transactional
  public java.util.Optional<String> lastUnfinished(LaunchedUser user) {
    return progress.all(user.registrationId(), user.learnerId()).stream()
        .filter(p -> !p.isCompleted())
        .max(java.util.Comparator.comparing(ModuleProgress::getUpdatedAt))
        .map(ModuleProgress::getModuleId);
  }

  /** The learner's progress in one module, without changing it. */
  @Transactional
  public ModuleState state(LaunchedUser user, Module module) {
    return progress
        .find(user.registrationId(), user.learnerId(), module.id().value())
        .map(
            row -> {
              Set<String> done = doneIn(row);
              return new ModuleState(
                  ProgressSummary.of(module, row.getCurrentStep(), done, row.isCompleted()),
                  done,
                  row.getCompletedAt());
            })
        .orElseGet(
            () ->
                new ModuleState(ProgressSummary.of(module, null, Set.of(), false), Set.of(), null));
  }

  /** The progress of a module as a whole. */
  public record ModuleState(
      ProgressSummary summary, Set<String> done, OffsetDateTime completedAtOrNull) {}

  /** The learner opens a step: it becomes the step to resume at. */
  @Transactional
  public StepState open(LaunchedUser user, Module module, Step step) {
    ModuleProgress row = lockOrStart(user, module, step.id());
    row.visit(step.id(), user.courseId(), now());
    return stateOf(user, module, step, row);
  }

  @Transactional
  public StepState read(LaunchedUser user, Module module, ReadingStep step) {
    ModuleProgress row = lockOrStart(user, module, step.id());
    result(row, step).done(now());
    completeIfAllDone(user, module, row);
    return stateOf(user, module, step, row);
  }

  /**
   * Takes the reply chosen at a scenario node; the step is done when the conversation ends.
   *
   * @throws PlayerException when the reply does not fit where the learner is
   */
  @Transactional
  public StepState reply(
      LaunchedUser user, Module module, ScenarioStep step, String nodeParam, String choiceParam) {
    ModuleProgress row = lockOrStart(user, module, step.id());
    StepResult result = result(row, step);
    ScenarioPath path = ScenarioPath.of(ScenarioPath.parse(result.getScenarioPath()).replay(step));
    int choice = path.accept(step, nodeParam, choiceParam);
    ScenarioPath longer = path.then(nodeParam, choice);
    OffsetDateTime now = now();
    result.scenarioPath(longer.format(), now);
    if (longer.replay(step).ended()) {
      result.done(now);
      completeIfAllDone(user, module, row);
    }
    return stateOf(user, module, step, row);
  }

  /** Starts a scenario's conversation again; a finished scenario stays done. */
  @Transactional
  public StepState restart(LaunchedUser user, Module module, ScenarioStep step) {
    ModuleProgress row = lockOrStart(user, module, step.id());
    result(row, step).scenarioPath(null, now());
    return stateOf(user, module, step, row);
  }

  /** Records a knowledge check's answers (all questions answered) and its score. */
  @Transactional
  public StepState answer(LaunchedUser user, Module module, CheckStep step, CheckAnswers answers) {
    if (!answers.complete()) {
      throw new PlayerException(PlayerProblem.MISSING_ANSWERS);
    }
    ModuleProgress row = lockOrStart(user, module, step.id());
    StepResult result = result(row, step);
    OffsetDateTime now = now();
    result.checkAnswers(answers.format(), answers.score(step), step.questions().size(), now);
    result.done(now);
    completeIfAllDone(user, module, row);
    return stateOf(user, module, step, row);
  }

  /** Saves a practice answer (already checked for length) and the checklist points ticked. */
  @Transactional
  public StepState practise(
      LaunchedUser user, Module module, PracticeStep step, String text, ChecklistTicks ticks) {
    ModuleProgress row = lockOrStart(user, module, step.id());
    StepResult result = result(row, step);
    OffsetDateTime now = now();
    result.practice(text, ticks.format(), now);
    result.done(now);
    dropDraft(user, module, step);
    completeIfAllDone(user, module, row);
    return stateOf(user, module, step, row);
  }

  /** Saves the learner's private reflection (already checked for length). */
  @Transactional
  public StepState reflect(LaunchedUser user, Module module, ReflectionStep step, String text) {
    ModuleProgress row = lockOrStart(user, module, step.id());
    OffsetDateTime now = now();
    progress
        .reflection(user.registrationId(), user.learnerId(), module.id().value(), step.id())
        .ifPresentOrElse(
            entry -> entry.rewrite(text, now),
            () ->
                progress.add(
                    new ReflectionEntry(
                        user.registrationId(),
                        user.learnerId(),
                        module.id().value(),
                        step.id(),
                        text,
                        now)));
    result(row, step).done(now);
    dropDraft(user, module, step);
    completeIfAllDone(user, module, row);
    return stateOf(user, module, step, row);
  }

  /**
   * Keeps what the learner has typed so far into a practice answer or a reflection (already checked
   * for length), replacing their earlier draft of the step. Runs under the lock of the learner's
   * progress in the module, so a draft saved while the step is submitted comes before or after the
   * submission, never in between; a draft that is blank or the submitted text itself is not kept.
   *
   * @return when the draft was saved, or empty when no draft is kept
   */
  @Transactional
  public Optional<OffsetDateTime> saveDraft(
      LaunchedUser user, Module module, Step step, String text) {
    if (!(step instanceof PracticeStep) && !(step instanceof ReflectionStep)) {
      throw new PlayerException(PlayerProblem.WRONG_KIND);
    }
    ModuleProgress row = lockOrStart(user, module, step.id());
    Optional<StepDraft> existing =
        progress.draft(user.registrationId(), user.learnerId(), module.id().value(), step.id());
    if (!StepDraft.worthKeeping(text, submittedText(user, module, step, row))) {
      existing.ifPresent(progress::remove);
      return Optional.empty();
    }
    OffsetDateTime now = now();
    existing.ifPresentOrElse(
        draft -> draft.rewrite(text, now),
        () ->
            progress.add(
                new StepDraft(
                    user.registrationId(),
                    user.learnerId(),
                    module.id().value(),
                    step.id(),
                    text,
                    now)));
    return Optional.of(now);
  }

  private String submittedText(LaunchedUser user, Module module, Step step, ModuleProgress row) {
    if (step instanceof ReflectionStep) {
      return progress
          .reflection(user.registrationId(), user.learnerId(), module.id().value(), step.id())
          .map(ReflectionEntry::getBody)
          .orElse(null);
    }
    StepResult result = progress.results(row.getId()).get(step.id());
    return result == null ? null : result.getPracticeText();
  }

  private void dropDraft(LaunchedUser user, Module module, Step step) {
    progress
        .draft(user.registrationId(), user.learnerId(), module.id().value(), step.id())
        .ifPresent(progress::remove);
  }

  private ModuleProgress lockOrStart(LaunchedUser user, Module module, String stepId) {
    String moduleId = module.id().value();
    return progress
        .lock(user.registrationId(), user.learnerId(), moduleId)
        .orElseGet(
            () -> {
              // When another request started the module at the same moment, this does nothing
              // and both go on with its row.
              starter.start(
                  user.registrationId(), user.learnerId(), user.courseId(), moduleId, stepId);
              return progress
                  .lock(user.registrationId(), user.learnerId(), moduleId)
                  .orElseThrow(
                      () -> new IllegalStateException("No progress row for module " + moduleId));
            });
  }

  private StepResult result(ModuleProgress row, Step step) {
    StepResult existing = progress.results(row.getId()).get(step.id());
    if (existing != null) {
      return existing;
    }
    StepResult created = new StepResult(row.getId(), step.id(), now());
    progress.add(created);
    return created;
  }

  private void completeIfAllDone(LaunchedUser user, Module module, ModuleProgress row) {
    if (row.isCompleted()) {
      return;
    }
    Set<String> done = doneIn(row);
    boolean all = module.steps().stream().allMatch(s -> done.contains(s.id()));
    if (!all) {
      return;
    }
    OffsetDateTime now = now();
    row.complete(user.courseId(), now);
    completions.fire(
        new ModuleCompleted(
            new LearnerRef(user.registrationId(), user.learnerId(), user.courseId(), null),
            module.id(),
            now.toInstant()));
    LOG.info(
        () -> "Learner " + user.learnerId() + " completed module " + module.id() + " at " + now);
  }

  private Set<String> doneIn(ModuleProgress row) {
    return progress.results(row.getId()).values().stream()
        .filter(StepResult::isDone)
        .map(StepResult::getStepId)
        .collect(Collectors.toSet());
  }

  private StepState stateOf(LaunchedUser user, Module module, Step step, ModuleProgress row) {
    Map<String, StepResult> results = progress.results(row.getId());
    Set<String> done =
        results.values().stream()
            .filter(StepResult::isDone)
            .map(StepResult::getStepId)
            .collect(Collectors.toSet());
    ReflectionEntry reflection =
        step instanceof ReflectionStep
            ? progress
                .reflection(user.registrationId(), user.learnerId(), module.id().value(), step.id())
                .orElse(null)
            : null;
    StepDraft draft =
        step instanceof ReflectionStep || step instanceof PracticeStep
            ? progress
                .draft(user.registrationId(), user.learnerId(), module.id().value(), step.id())
                .orElse(null)
            : null;
    return new StepState(
        user.registrationId() + ":" + user.learnerId(),
        ProgressSummary.of(module, row.getCurrentStep(), done, row.isCompleted()),
        done,
        results.get(step.id()),
        reflection,
        draft,
        row.getCompletedAt());
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  /**
   * Whether {@code e} says the learner's rows were locked by a concurrent request (a double
   * submit): the request may be tried again, nothing is wrong.
   */
  static boolean busy(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PessimisticLockException || t instanceof LockTimeoutException) {
        return true;
      }
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && BUSY_SQL_STATES.contains(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
