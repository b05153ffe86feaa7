package org.rapport.lti.modules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.rapport.curriculum.modules.CheckStep;
import org.rapport.curriculum.modules.Choice;
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
import org.rapport.curriculum.modules.Subscale;
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

  private static Map<String, Object> base(String token) {
    Map<String, Object> values = new HashMap<>();
    values.put("s", token);
    values.put(
        "nav",
        Map.of(
            "items",
            List.of(
                Map.of("href", "/app?s=" + token, "label", "Home", "current", false),
                Map.of("href", "/app/modules?s=" + token, "label", "Modules", "current", true))));
    return values;
  }

  private static String subscales(Module module) {
    return module.subscales().stream().map(Subscale::label).collect(Collectors.joining(", "));
  }

  /** The student's catalogue: every module by family, with the learner's progress. */
  public String catalogue(
      ModuleCatalog catalog, Map<String, ProgressSummary> progress, String token) {
    List<Map<String, Object>> families = new ArrayList<>();
    for (Family family : Family.values()) {
      List<Module> modules = catalog.byFamily(family);
      if (modules.isEmpty()) {
        continue;
      }
      List<Map<String, Object>> cards = new ArrayList<>();
      for (Module module : modules) {
        ProgressSummary summary = progress.get(module.id().value());
        Map<String, Object> card = new HashMap<>();
        card.put("id", module.id().value());
        card.put("title", module.title());
        card.put("summary", module.summary());
        card.put("minutes", module.minutes());
        card.put("subscales", subscales(module));
        card.put("href", moduleHref(module, token));
        card.put("statusKey", summary.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        card.put("statusLabel", summary.label());
        card.put("inProgress", summary.status() == ProgressSummary.Status.IN_PROGRESS);
        card.put("completed", summary.status() == ProgressSummary.Status.COMPLETED);
        card.put("stepCount", summary.stepCount());
        card.put("doneCount", summary.doneCount());
        card.put("doneLabel", summary.doneLabel());
        cards.add(card);
      }
      families.add(Map.of("key", family.yamlName(), "label", family.label(), "modules", cards));
    }
    Map<String, Object> values = base(token);
    values.put("families", families);
    values.put("moduleCount", catalog.size());
    return pages.render("module-catalogue", "Modules", values);
  }

  /** A module not yet started: what it is about and its steps. */
  public String intro(Module module, String token) {
    Map<String, Object> values = base(token);
    values.put("moduleTitle", module.title());
    values.put("summary", module.summary());
    values.put("minutes", module.minutes());
    values.put("family", module.family().label());
    values.put("subscales", subscales(module));
    values.put("objectives", module.objectives());
    List<Map<String, Object>> steps = new ArrayList<>();
    for (Step step : module.steps()) {
      steps.add(Map.of("title", step.title(), "kind", step.kind().label()));
    }
    values.put("steps", steps);
    values.put("startHref", stepHref(module, module.steps().get(0), token));
    return pages.render("module-intro", module.title(), values);
  }

  /** The end of a module: completed, or which steps are still to do. */
  public String complete(Module module, ModulePlayer.ModuleState state, String token) {
    Map<String, Object> values = base(token);
    values.put("moduleTitle", module.title());
    values.put("completed", state.completedAtOrNull() != null);
    values.put("completedAt", when(state.completedAtOrNull()));
    List<Map<String, Object>> todo = new ArrayList<>();
    List<Map<String, Object>> all = new ArrayList<>();
    for (Step step : module.steps()) {
      Map<String, Object> item =
          Map.of(
              "title", step.title(),
              "kind", step.kind().label(),
              "href", stepHref(module, step, token),
              "done", state.done().contains(step.id()));
      all.add(item);
      if (!state.done().contains(step.id())) {
        todo.add(item);
      }
    }
    values.put("todo", todo);
    values.put("steps", all);
    values.put("doneLabel", state.summary().doneLabel());
    values.put("stepCount", state.summary().stepCount());
    values.put("doneCount", state.summary().doneCount());
    values.put("catalogueHref", "/app/modules?s=" + token);
    return pages.render(
        "module-complete",
        (state.completedAtOrNull() != null ? "Completed: " : "Almost there: ") + module.title(),
        values);
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
    Map<String, Object> values = base(token);
    List<Step> steps = module.steps();
    int index = steps.indexOf(step);
    ProgressSummary summary = state.summary();
    values.put("moduleTitle", module.title());
    values.put("moduleHref", moduleHref(module, token));
    values.put("catalogueHref", "/app/modules?s=" + token);
    values.put("stepTitle", step.title());
    values.put("kindLabel", step.kind().label());
    values.put("kindKey", step.kind().yamlName());
    values.put("stepId", step.id());
    values.put("stepNumber", index + 1);
    values.put("stepCount", steps.size());
    values.put("doneCount", summary.doneCount());
    values.put("doneLabel", summary.doneLabel());
    values.put("percentDone", summary.percentDone());
    values.put("stepDone", state.done().contains(step.id()));
    if (index > 0) {
      Step previous = steps.get(index - 1);
      values.put("prevHref", stepHref(module, previous, token));
      values.put("prevTitle", previous.title());
    }
    boolean last = index == steps.size() - 1;
    values.put("nextLabel", last ? "Finish" : "Next");
    values.put(
        "nextHref",
        last ? completeHref(module, token) : stepHref(module, steps.get(index + 1), token));
    values.put("nextTitle", last ? "the end of the module" : steps.get(index + 1).title());
    values.put("readForm", step instanceof ReadingStep);
    values.put("readAction", stepAction(module, step, "read", token));

    List<Map<String, Object>> outline = new ArrayList<>();
    for (Step s : steps) {
      outline.add(
          Map.of(
              "title", s.title(),
              "kind", s.kind().label(),
              "href", stepHref(module, s, token),
              "done", state.done().contains(s.id()),
              "current", s == step));
    }
    values.put("outline", outline);

    if (draft != null) {
      Map<String, Object> error = new HashMap<>();
      error.put("errorTitle", draft.problem().title());
      error.put("errorMessage", draft.problem().message());
      error.put("errorDetail", draft.detail());
      values.put("error", error);
    }

    if (step instanceof ReadingStep reading) {
      values.put("reading", Map.of("bodyHtml", Markdown.toHtml(reading.body())));
    } else if (step instanceof ScenarioStep scenario) {
      values.put("scenario", scenario(module, scenario, state, token, draft));
    } else if (step instanceof CheckStep check) {
      values.put("check", check(module, check, state, token, draft, retry));
    } else if (step instanceof PracticeStep practice) {
      values.put("practice", practice(module, practice, state, token, draft));
    } else if (step instanceof ReflectionStep reflection) {
      values.put("reflection", reflection(module, reflection, state, token, draft));
    }
    return pages.render("module-step", step.title() + " · " + module.title(), values);
  }

  private static Map<String, Object> scenario(
      Module module, ScenarioStep step, ModulePlayer.StepState state, String token, Draft draft) {
    StepResult result = state.resultOrNull();
    ScenarioPath.Replay replay =
        ScenarioPath.parse(result == null ? null : result.getScenarioPath()).replay(step);
    Map<String, Object> values = new HashMap<>();
    values.put("settingHtml", Markdown.toHtml(step.setting(), 3));
    List<Map<String, Object>> exchanges = new ArrayList<>();
    List<ScenarioPath.Exchange> list = replay.exchanges();
    for (int i = 0; i < list.size(); i++) {
      ScenarioPath.Exchange exchange = list.get(i);
      Choice choice = exchange.choice();
      Map<String, Object> item = new HashMap<>();
      item.put("speaker", exchange.node().speaker());
      item.put("says", exchange.node().says());
      item.put("reply", choice.text());
      item.put("qualityLabel", choice.quality().label());
      item.put("qualityKey", choice.quality().yamlName());
      item.put("feedback", choice.feedback());
      item.put("latest", i == list.size() - 1);
      exchanges.add(item);
    }
    values.put("exchanges", exchanges);
    values.put("hasExchanges", !exchanges.isEmpty());
    ScenarioNode current = replay.currentOrNull();
    if (current != null) {
      Map<String, Object> node = new HashMap<>();
      node.put("nodeId", current.id());
      node.put("speaker", current.speaker());
      node.put("says", current.says());
      List<Map<String, Object>> choices = new ArrayList<>();
      for (int i = 0; i < current.choices().size(); i++) {
        String index = String.valueOf(i);
        choices.add(
            Map.of(
                "index",
                index,
                "text",
                current.choices().get(i).text(),
                "checked",
                draft != null && index.equals(draft.choice())));
      }
      node.put("choices", choices);
      node.put("replyAction", stepAction(module, step, "reply", token));
      node.put("invalid", draft != null);
      values.put("current", node);
    } else {
      values.put(
          "ended",
          Map.of(
              "debriefHtml",
              Markdown.toHtml(step.debrief(), 3),
              "restartAction",
              stepAction(module, step, "restart", token)));
    }
    return values;
  }

  private static Map<String, Object> check(
      Module module,
      CheckStep step,
      ModulePlayer.StepState state,
      String token,
      Draft draft,
      boolean retry) {
    StepResult result = state.resultOrNull();
    Optional<CheckAnswers> saved =
        result == null ? Optional.empty() : CheckAnswers.parse(result.getCheckAnswers(), step);
    boolean submitted = saved.isPresent() && draft == null && !retry;
    Map<String, Object> values = new HashMap<>();
    values.put("submitted", submitted);
    values.put("answerAction", stepAction(module, step, "answers", token));
    values.put("retryHref", stepHref(module, step, token).replace("?s=", "?retry=1&s="));
    int count = step.questions().size();
    values.put("count", count);
    CheckAnswers shown =
        submitted ? saved.get() : draft != null && draft.answers() != null ? draft.answers() : null;
    List<Integer> missing =
        draft != null && draft.answers() != null ? draft.answers().missing() : List.of();
    List<Map<String, Object>> questions = new ArrayList<>();
    for (int q = 0; q < count; q++) {
      Question question = step.questions().get(q);
      Integer chosen = shown == null ? null : shown.chosen().get(q);
      Map<String, Object> item = new HashMap<>();
      item.put("number", q + 1);
      item.put("prompt", question.prompt());
      item.put("field", CheckAnswers.field(q + 1));
      item.put("missing", missing.contains(q + 1));
      item.put("answeredCorrectly", chosen != null && question.options().get(chosen).correct());
      List<Map<String, Object>> options = new ArrayList<>();
      for (int o = 0; o < question.options().size(); o++) {
        Option option = question.options().get(o);
        boolean isChosen = chosen != null && chosen == o;
        Map<String, Object> opt = new HashMap<>();
        opt.put("index", String.valueOf(o));
        opt.put("text", option.text());
        opt.put("chosen", isChosen);
        opt.put("correct", option.correct());
        opt.put("explanation", option.explanation());
        opt.put(
            "verdict",
            option.correct()
                ? (isChosen ? "Your answer: correct." : "The correct answer.")
                : (isChosen ? "Your answer: not correct." : "Not correct."));
        options.add(opt);
      }
      item.put("options", options);
      questions.add(item);
    }
    values.put("questions", questions);
    if (submitted) {
      values.put("score", result.getCheckScore());
      values.put("total", result.getCheckTotal());
    }
    return values;
  }

  private static Map<String, Object> practice(
      Module module, PracticeStep step, ModulePlayer.StepState state, String token, Draft draft) {
    StepResult result = state.resultOrNull();
    boolean submitted = result != null && result.getPracticeText() != null;
    String text =
        draft != null && draft.text() != null
            ? draft.text()
            : submitted ? result.getPracticeText() : "";
    ChecklistTicks ticks =
        draft != null && draft.ticks() != null
            ? draft.ticks()
            : ChecklistTicks.parse(
                result == null ? null : result.getPracticeTicks(), step.checklist().size());
    Map<String, Object> values = new HashMap<>();
    values.put("promptHtml", Markdown.toHtml(step.prompt()));
    values.put("text", text);
    values.put("maxLength", TextLimit.MAX_CHARACTERS);
    values.put("invalid", draft != null);
    List<Map<String, Object>> checklist = new ArrayList<>();
    for (int i = 0; i < step.checklist().size(); i++) {
      checklist.add(
          Map.of(
              "index", String.valueOf(i),
              "text", step.checklist().get(i),
              "ticked", ticks.has(i)));
    }
    values.put("checklist", checklist);
    values.put("submitted", submitted && draft == null);
    values.put("saved", submitted);
    values.put("modelAnswerHtml", Markdown.toHtml(step.modelAnswer(), 3));
    values.put("tickedCount", ticks.ticked().size());
    values.put("checklistCount", step.checklist().size());
    values.put("practiceAction", stepAction(module, step, "practice", token));
    return values;
  }

  private static Map<String, Object> reflection(
      Module module, ReflectionStep step, ModulePlayer.StepState state, String token, Draft draft) {
    ReflectionEntry entry = state.reflectionOrNull();
    Map<String, Object> values = new HashMap<>();
    values.put("promptHtml", Markdown.toHtml(step.prompt()));
    values.put(
        "text",
        draft != null && draft.text() != null
            ? draft.text()
            : entry == null ? "" : entry.getBody());
    values.put("saved", entry != null && draft == null);
    values.put("savedAt", entry == null ? "" : when(entry.getUpdatedAt()));
    values.put("maxLength", TextLimit.MAX_CHARACTERS);
    values.put("invalid", draft != null);
    values.put("reflectionAction", stepAction(module, step, "reflection", token));
    values.put("exportHref", "/app/reflections/export?s=" + token);
    return values;
  }

  /** A refused request that has no form to show again: the reason and a way back. */
  public String problem(PlayerProblem problem, String backHref, String backLabel, String token) {
    Map<String, Object> values = base(token);
    values.put("status", problem.status());
    values.put("title", problem.title());
    values.put("message", problem.message());
    values.put("backHref", backHref);
    values.put("backLabel", backLabel);
    return pages.render("module-problem", problem.title(), values);
  }
}
