package org.rapport.lti.modules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.rapport.curriculum.modules.CheckStep;
import org.rapport.curriculum.modules.Choice;
import org.rapport.curriculum.modules.EmpathyLayer;
import org.rapport.curriculum.modules.Family;
import org.rapport.curriculum.modules.Module;
import org.rapport.curriculum.modules.ModuleCatalog;
import org.rapport.curriculum.modules.Option;
import org.rapport.curriculum.modules.PracticeStep;
import org.rapport.curriculum.modules.Question;
import org.rapport.curriculum.modules.ReadingStep;
import org.rapport.curriculum.modules.ReflectionStep;
import org.rapport.curriculum.modules.ScenarioNode;
import org.rapport.curriculum.modules.ScenarioStep;
import org.rapport.curriculum.modules.Step;
import org.rapport.curriculum.modules.TrainingPhase;
import org.rapport.lti.web.Nav;
import org.rapport.lti.web.Pages;

/** Builds the player's pages from the content and the learner's progress. */
@ApplicationScoped
public class ModulePages {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH);

  @Inject Pages pages;

  static String moduleHref(Module module, String token) {
    return "/app/modules/" + module.id() + "?s=" + token;
  }

  static String stepHref(Module module, Step step, String token) {
    return "/app/modules/" + module.id() + "/steps/" + step.id() + "?s=" + token;
  }

  static String stepAction(Module module, Step step, String action, String token) {
    return "/app/modules/" + module.id() + "/steps/" + step.id() + "/" + action + "?s=" + token;
  }

  static String completeHref(Module module, String token) {
    return "/app/modules/" + module.id() + "/complete?s=" + token;
  }

  static String when(OffsetDateTime time) {
    return time == null ? "" : WHEN.format(time.withOffsetSameInstant(ZoneOffset.UTC));
  }

  private static Nav nav(String token) {
    return Nav.student(token, Nav.StudentPage.MODULES);
  }

  private static String subscales(Module module) {
    return module.layers().stream().map(EmpathyLayer::label).collect(Collectors.joining(", "));
  }

  /**
   * The student's catalogue: every module by family, with the learner's progress. When the
   * student's phase of training is known, the modules written for it come first, in a section of
   * their own, and the families list the rest.
   */
  public String catalogue(
      ModuleCatalog catalog,
      Map<String, ProgressSummary> progress,
      Optional<TrainingPhase> phase,
      String token) {
    List<CataloguePage.Section> families = new ArrayList<>();
    List<Module> forPhase =
        phase.map(p -> catalog.all().stream().filter(m -> m.suits(p)).toList()).orElse(List.of());
    if (!forPhase.isEmpty()) {
      families.add(
          new CataloguePage.Section(
              "for-you",
              "For your stage of training: " + phase.get().label(),
              cards(forPhase, progress, token)));
    }
    for (Family family : Family.values()) {
      List<Module> modules =
          catalog.byFamily(family).stream().filter(m -> !forPhase.contains(m)).toList();
      if (modules.isEmpty()) {
        continue;
      }
      families.add(
          new CataloguePage.Section(
              family.yamlName(),
              forPhase.isEmpty() ? family.label() : family.label() + ": more modules",
              cards(modules, progress, token)));
    }
    return pages.render(
        "module-catalogue",
        "Modules",
        new CataloguePage(token, nav(token), families, catalog.size()));
  }

  private static List<CataloguePage.Card> cards(
      List<Module> modules, Map<String, ProgressSummary> progress, String token) {
    List<CataloguePage.Card> cards = new ArrayList<>();
    for (Module module : modules) {
      ProgressSummary summary = progress.get(module.id().value());
      cards.add(
          new CataloguePage.Card(
              module.id().value(),
              module.title(),
              module.summary(),
              module.minutes(),
              subscales(module),
              moduleHref(module, token),
              summary.status().name().toLowerCase(Locale.ROOT).replace('_', '-'),
              summary.label(),
              summary.status() == ProgressSummary.Status.IN_PROGRESS,
              summary.status() == ProgressSummary.Status.COMPLETED,
              summary.stepCount(),
              summary.doneCount(),
              summary.doneLabel(),
              stages(module)));
    }
    return cards;
  }

  private static String stages(Module module) {
    return module.stages().stream().map(TrainingPhase::label).collect(Collectors.joining(", "));
  }

  /** A module not yet started: what it is about and its steps. */
  public String intro(Module module, String token) {
    List<StepLine> steps = new ArrayList<>();
    for (Step step : module.steps()) {
      steps.add(new StepLine(step.title(), step.kind().label()));
    }
    ModuleIntroPage page =
        new ModuleIntroPage(
            token,
            nav(token),
            module.title(),
            module.summary(),
            module.minutes(),
            module.family().label(),
            subscales(module),
            module.objectives(),
            steps,
            stepHref(module, module.steps().get(0), token));
    return pages.render("module-intro", module.title(), page);
  }

  /** The end of a module: completed, or which steps are still to do. */
  public String complete(Module module, ModulePlayer.ModuleState state, String token) {
    List<ModuleCompletePage.StepLink> todo = new ArrayList<>();
    List<ModuleCompletePage.StepLink> all = new ArrayList<>();
    for (Step step : module.steps()) {
      ModuleCompletePage.StepLink item =
          new ModuleCompletePage.StepLink(
              step.title(),
              step.kind().label(),
              stepHref(module, step, token),
              state.done().contains(step.id()));
      all.add(item);
      if (!state.done().contains(step.id())) {
        todo.add(item);
      }
    }
    ModuleCompletePage page =
        new ModuleCompletePage(
            token,
            nav(token),
            module.title(),
            state.completedAtOrNull() != null,
            when(state.completedAtOrNull()),
            todo,
            all,
            state.summary().doneLabel(),
            state.summary().stepCount(),
            state.summary().doneCount(),
            "/app/modules?s=" + token,
            CitedText.allReferences(module));
    return pages.render(
        "module-complete",
        (state.completedAtOrNull() != null ? "Completed: " : "Almost there: ") + module.title(),
        page);
  }

  /** A step of a module, with the learner's work on it and, after a refused form, the reason. */
  public String step(
      Module module, Step step, ModulePlayer.StepState state, String token, Draft draft) {
    return step(module, step, state, token, draft, false);
  }

  public String step(
      Module module,
      Step step,
      ModulePlayer.StepState state,
      String token,
      Draft draft,
      boolean retry) {
    List<Step> steps = module.steps();
    int index = steps.indexOf(step);
    ProgressSummary summary = state.summary();
    Step previous = index > 0 ? steps.get(index - 1) : null;
    boolean last = index == steps.size() - 1;
    CitedText cited = new CitedText(module);

    List<ModuleStepPage.OutlineItem> outline = new ArrayList<>();
    for (Step s : steps) {
      outline.add(
          new ModuleStepPage.OutlineItem(
              s.title(),
              s.kind().label(),
              stepHref(module, s, token),
              state.done().contains(s.id()),
              s == step));
    }
    ModuleStepPage.Refusal error =
        draft == null
            ? null
            : new ModuleStepPage.Refusal(
                draft.problem().title(), draft.problem().message(), draft.detail());

    ModuleStepPage.Reading reading = null;
    ModuleStepPage.Scenario scenario = null;
    ModuleStepPage.Check check = null;
    ModuleStepPage.Practice practice = null;
    ModuleStepPage.Reflection reflection = null;
    if (step instanceof ReadingStep readingStep) {
      reading = new ModuleStepPage.Reading(cited.markdown(readingStep.body()));
    } else if (step instanceof ScenarioStep scenarioStep) {
      scenario = scenario(module, scenarioStep, state, token, draft, cited);
    } else if (step instanceof CheckStep checkStep) {
      check = check(module, checkStep, state, token, draft, retry, cited);
    } else if (step instanceof PracticeStep practiceStep) {
      practice = practice(module, practiceStep, state, token, draft, cited);
    } else if (step instanceof ReflectionStep reflectionStep) {
      reflection = reflection(module, reflectionStep, state, token, draft, cited);
    }
    // Read last: the references are those the step's text cited while being rendered above.
    List<ReferenceView> references = cited.citedReferences();
    ModuleStepPage page =
        new ModuleStepPage(
            token,
            nav(token),
            module.title(),
            moduleHref(module, token),
            "/app/modules?s=" + token,
            step.title(),
            step.kind().label(),
            step.kind().yamlName(),
            step.id(),
            index + 1,
            steps.size(),
            summary.doneCount(),
            summary.doneLabel(),
            summary.percentDone(),
            state.done().contains(step.id()),
            previous == null ? null : stepHref(module, previous, token),
            previous == null ? null : previous.title(),
            last ? "Finish" : "Next",
            last ? completeHref(module, token) : stepHref(module, steps.get(index + 1), token),
            last ? "the end of the module" : steps.get(index + 1).title(),
            step instanceof ReadingStep,
            stepAction(module, step, "read", token),
            outline,
            error,
            reading,
            scenario,
            check,
            practice,
            reflection,
            references);
    return pages.render("module-step", step.title() + " · " + module.title(), page);
  }

  private static ModuleStepPage.Scenario scenario(
      Module module,
      ScenarioStep step,
      ModulePlayer.StepState state,
      String token,
      Draft draft,
      CitedText cited) {
    StepResult result = state.resultOrNull();
    ScenarioPath.Replay replay =
        ScenarioPath.parse(result == null ? null : result.getScenarioPath()).replay(step);
    String settingHtml = cited.markdown(step.setting(), 3);
    List<ModuleStepPage.Scenario.Exchange> exchanges = new ArrayList<>();
    List<ScenarioPath.Exchange> list = replay.exchanges();
    for (int i = 0; i < list.size(); i++) {
      ScenarioPath.Exchange exchange = list.get(i);
      Choice choice = exchange.choice();
      exchanges.add(
          new ModuleStepPage.Scenario.Exchange(
              exchange.node().speaker(),
              cited.plain(exchange.node().says()),
              cited.plain(choice.text()),
              choice.quality().label(),
              choice.quality().yamlName(),
              cited.plain(choice.feedback()),
              i == list.size() - 1));
    }
    ScenarioNode current = replay.currentOrNull();
    if (current == null) {
      return new ModuleStepPage.Scenario(
          settingHtml,
          exchanges,
          null,
          new ModuleStepPage.Scenario.Ended(
              cited.markdown(step.debrief(), 3), stepAction(module, step, "restart", token)));
    }
    String saysHtml = cited.plain(current.says());
    List<ModuleStepPage.Scenario.Reply> choices = new ArrayList<>();
    // Shown in the learner's own order; each keeps its index in the file as its value.
    for (int i :
        ChoiceOrder.of(
            state.learnerKey(),
            module.id().value(),
            step.id() + "/" + current.id(),
            current.choices().size())) {
      String index = String.valueOf(i);
      choices.add(
          new ModuleStepPage.Scenario.Reply(
              index,
              cited.plain(current.choices().get(i).text()),
              draft != null && index.equals(draft.choice())));
    }
    ModuleStepPage.Scenario.Node node =
        new ModuleStepPage.Scenario.Node(
            current.id(),
            current.speaker(),
            saysHtml,
            choices,
            stepAction(module, step, "reply", token),
            draft != null);
    return new ModuleStepPage.Scenario(settingHtml, exchanges, node, null);
  }

  private static ModuleStepPage.Check check(
      Module module,
      CheckStep step,
      ModulePlayer.StepState state,
      String token,
      Draft draft,
      boolean retry,
      CitedText cited) {
    StepResult result = state.resultOrNull();
    Optional<CheckAnswers> saved =
        result == null ? Optional.empty() : CheckAnswers.parse(result.getCheckAnswers(), step);
    boolean submitted = saved.isPresent() && draft == null && !retry;
    int count = step.questions().size();
    CheckAnswers shown =
        submitted ? saved.get() : draft != null && draft.answers() != null ? draft.answers() : null;
    List<Integer> missing =
        draft != null && draft.answers() != null ? draft.answers().missing() : List.of();
    List<ModuleStepPage.Check.Question> questions = new ArrayList<>();
    for (int q = 0; q < count; q++) {
      Question question = step.questions().get(q);
      Integer chosen = shown == null ? null : shown.chosen().get(q);
      String promptHtml = cited.plain(question.prompt());
      List<ModuleStepPage.Check.Option> options = new ArrayList<>();
      for (int o :
          ChoiceOrder.of(
              state.learnerKey(),
              module.id().value(),
              step.id() + "/" + (q + 1),
              question.options().size())) {
        Option option = question.options().get(o);
        boolean isChosen = chosen != null && chosen == o;
        options.add(
            new ModuleStepPage.Check.Option(
                String.valueOf(o),
                cited.plain(option.text()),
                isChosen,
                option.correct(),
                cited.plain(option.explanation()),
                option.correct()
                    ? (isChosen ? "Your answer: correct." : "The correct answer.")
                    : (isChosen ? "Your answer: not correct." : "Not correct.")));
      }
      questions.add(
          new ModuleStepPage.Check.Question(
              q + 1,
              promptHtml,
              CheckAnswers.field(q + 1),
              missing.contains(q + 1),
              chosen != null && question.options().get(chosen).correct(),
              options));
    }
    return new ModuleStepPage.Check(
        submitted,
        stepAction(module, step, "answers", token),
        stepHref(module, step, token).replace("?s=", "?retry=1&s="),
        count,
        questions,
        submitted ? result.getCheckScore() : null,
        submitted ? result.getCheckTotal() : null);
  }

  private static ModuleStepPage.Practice practice(
      Module module,
      PracticeStep step,
      ModulePlayer.StepState state,
      String token,
      Draft draft,
      CitedText cited) {
    StepResult result = state.resultOrNull();
    boolean submitted = result != null && result.getPracticeText() != null;
    String text =
        shownText(draft, state.draftOrNull(), submitted ? result.getPracticeText() : null);
    ChecklistTicks ticks =
        draft != null && draft.ticks() != null
            ? draft.ticks()
            : ChecklistTicks.parse(
                result == null ? null : result.getPracticeTicks(), step.checklist().size());
    String promptHtml = cited.markdown(step.prompt());
    List<ModuleStepPage.Practice.ChecklistPoint> checklist = new ArrayList<>();
    for (int i = 0; i < step.checklist().size(); i++) {
      checklist.add(
          new ModuleStepPage.Practice.ChecklistPoint(
              String.valueOf(i), cited.plain(step.checklist().get(i)), ticks.has(i)));
    }
    return new ModuleStepPage.Practice(
        promptHtml,
        text,
        TextLimit.MAX_CHARACTERS,
        draft != null,
        checklist,
        submitted && draft == null,
        submitted,
        cited.markdown(step.modelAnswer(), 3),
        ticks.ticked().size(),
        step.checklist().size(),
        stepAction(module, step, "practice", token),
        autosave(module, step, state, token, draft),
        submitted
            ? "/app/observed/peer-request?module="
                + module.id()
                + "&step="
                + step.id()
                + "&s="
                + token
            : null);
  }

  private static ModuleStepPage.Reflection reflection(
      Module module,
      ReflectionStep step,
      ModulePlayer.StepState state,
      String token,
      Draft draft,
      CitedText cited) {
    ReflectionEntry entry = state.reflectionOrNull();
    return new ModuleStepPage.Reflection(
        cited.markdown(step.prompt()),
        shownText(draft, state.draftOrNull(), entry == null ? null : entry.getBody()),
        entry != null && draft == null,
        entry == null ? "" : when(entry.getUpdatedAt()),
        TextLimit.MAX_CHARACTERS,
        draft != null,
        stepAction(module, step, "reflection", token),
        "/app/reflections/export?s=" + token,
        autosave(module, step, state, token, draft));
  }

  /**
   * The text a step's box shows: what a refused form sent, else the learner's draft, else what they
   * submitted, else nothing.
   */
  static String shownText(Draft refused, StepDraft draft, String submittedOrNull) {
    if (refused != null && refused.text() != null) {
      return refused.text();
    }
    if (draft != null) {
      return draft.getBody();
    }
    return submittedOrNull == null ? "" : submittedOrNull;
  }

  private static ModuleStepPage.Autosave autosave(
      Module module, Step step, ModulePlayer.StepState state, String token, Draft refused) {
    StepDraft draft = state.draftOrNull();
    String status =
        draft == null || refused != null ? "" : "Draft saved " + when(draft.getSavedAt()) + ".";
    return new ModuleStepPage.Autosave(
        stepAction(module, step, "draft", token),
        draftKey(module, step, state.learnerKey()),
        status);
  }

  /**
   * The name under which the browser keeps a learner's text for a step when their session has
   * ended: module and step, and a digest of who the learner is within Rapport that names nobody.
   */
  static String draftKey(Module module, Step step, String learnerKey) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(learnerKey.getBytes(StandardCharsets.UTF_8));
      return module.id().value() + "/" + step.id() + "/" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JDK offers no SHA-256", e);
    }
  }

  /** A refused request that has no form to show again: the reason and a way back. */
  public String problem(PlayerProblem problem, String backHref, String backLabel, String token) {
    PlayerProblemPage page =
        new PlayerProblemPage(
            token,
            nav(token),
            problem.status(),
            problem.title(),
            problem.message(),
            backHref,
            backLabel);
    return pages.render("module-problem", problem.title(), page);
  }
}
