package org.rapport.lti.modules;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.curriculum.modules.CheckStep;
import org.rapport.curriculum.modules.Module;
import org.rapport.curriculum.modules.ModuleId;
import org.rapport.curriculum.modules.PracticeStep;
import org.rapport.curriculum.modules.ReadingStep;
import org.rapport.curriculum.modules.ReflectionStep;
import org.rapport.curriculum.modules.ScenarioStep;
import org.rapport.curriculum.modules.Step;
import org.rapport.lti.launch.CurrentUser;
import org.rapport.lti.launch.LaunchedUser;
import org.rapport.lti.security.Roles;

/**
 * The student's pages for modules: the catalogue, each module's steps and its end. Forms post to
 * addresses that carry the session token ({@code ?s=}), as every link does; no cookie is used. A
 * successful post answers with a redirect to the page to show next, so reloading a page never sends
 * an answer twice.
 */
@Path("app/modules")
@RolesAllowed(Roles.LAUNCHED_USER)
@Produces(MediaType.TEXT_HTML)
public class ModulesResource {
  private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("utf-8");
  @Inject ModuleLibrary library;
  @Inject ModulePlayer player;
  @Inject ModulePages pages;
  @Inject StudentPhase phase;
  @Context ContainerRequestContext request;

  @GET
  @Operation(hidden = true)
  public Response catalogue() {
    LaunchedUser user = CurrentUser.of(request);
    var catalog = library.catalog();
    return html(
        200,
        pages.catalogue(catalog, player.overview(user, catalog.all()), phase.of(user), token()));
  }

  /** Resumes where the learner left off; the introduction when not started; the end when done. */
  @GET
  @Path("{module}")
  @Operation(hidden = true)
  public Response resume(@PathParam("module") String moduleId) {
    Module module = find(moduleId);
    ModulePlayer.ModuleState state = player.state(CurrentUser.of(request), module);
    return switch (state.summary().status()) {
      case NOT_STARTED -> html(200, pages.intro(module, token()));
      case COMPLETED -> html(200, pages.complete(module, state, token()));
      case IN_PROGRESS -> seeOther(stepHref(module, state.summary().currentStepId()));
    };
  }

  @GET
  @Path("{module}/complete")
  @Operation(hidden = true)
  public Response complete(@PathParam("module") String moduleId) {
    Module module = find(moduleId);
    return html(
        200, pages.complete(module, player.state(CurrentUser.of(request), module), token()));
  }

  @GET
  @Path("{module}/steps/{step}")
  @Operation(hidden = true)
  public Response step(
      @PathParam("module") String moduleId,
      @PathParam("step") String stepId,
      @QueryParam("retry") String retry) {
    Module module = find(moduleId);
    Step step = step(module, stepId);
    return guarded(
        module,
        step,
        () -> {
          ModulePlayer.StepState state = player.open(CurrentUser.of(request), module, step);
          return html(200, pages.step(module, step, state, token(), null, retry != null));
        });
  }

  /**
   * Marks a reading done and moves on. The form's {@code step} field is declared, though the path
   * already names the step, so that Jersey reads the form body itself; otherwise it warns about an
   * unread form, logging the address with its session token.
   */
  @POST
  @Path("{module}/steps/{step}/read")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response read(
      @PathParam("module") String moduleId,
      @PathParam("step") String stepId,
      @FormParam("step") String formStep) {
    Module module = find(moduleId);
    ReadingStep step = kind(module, step(module, stepId), ReadingStep.class);
    return guarded(
        module,
        step,
        () -> {
          player.read(CurrentUser.of(request), module, step);
          return seeOther(afterHref(module, step));
        });
  }

  @POST
  @Path("{module}/steps/{step}/reply")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response reply(
      @PathParam("module") String moduleId,
      @PathParam("step") String stepId,
      @FormParam("node") String node,
      @FormParam("choice") String choice) {
    Module module = find(moduleId);
    ScenarioStep step = kind(module, step(module, stepId), ScenarioStep.class);
    return guarded(
        module,
        step,
        () -> {
          try {
            player.reply(CurrentUser.of(request), module, step, node, choice);
          } catch (PlayerException e) {
            if (e.problem() == PlayerProblem.MISSING_CHOICE) {
              return again(module, step, Draft.of(e.problem()).withChoice(choice));
            }
            throw e;
          }
          return seeOther(stepHref(module, step.id()) + "#latest");
        });
  }

  /** Starts a scenario's conversation again ({@code step} declared as in {@link #read}). */
  @POST
  @Path("{module}/steps/{step}/restart")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response restart(
      @PathParam("module") String moduleId,
      @PathParam("step") String stepId,
      @FormParam("step") String formStep) {
    Module module = find(moduleId);
    ScenarioStep step = kind(module, step(module, stepId), ScenarioStep.class);
    return guarded(
        module,
        step,
        () -> {
          player.restart(CurrentUser.of(request), module, step);
          return seeOther(stepHref(module, step.id()));
        });
  }

  @POST
  @Path("{module}/steps/{step}/answers")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response answers(
      @PathParam("module") String moduleId,
      @PathParam("step") String stepId,
      MultivaluedMap<String, String> form) {
    Module module = find(moduleId);
    CheckStep step = kind(module, step(module, stepId), CheckStep.class);
    return guarded(
        module,
        step,
        () -> {
          CheckAnswers answers = CheckAnswers.read(step, form::getFirst);
          if (!answers.complete()) {
            return again(
                module,
                step,
                Draft.of(PlayerProblem.MISSING_ANSWERS)
                    .withAnswers(answers, answers.missingSentence()));
          }
          player.answer(CurrentUser.of(request), module, step, answers);
          return seeOther(stepHref(module, step.id()) + "#result");
        });
  }

  @POST
  @Path("{module}/steps/{step}/practice")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response practice(
      @PathParam("module") String moduleId,
      @PathParam("step") String stepId,
      @FormParam("response") String response,
      @FormParam("tick") List<String> tick) {
    Module module = find(moduleId);
    PracticeStep step = kind(module, step(module, stepId), PracticeStep.class);
    return guarded(
        module,
        step,
        () -> {
          String text = TextLimit.normalise(response);
          ChecklistTicks ticks = ChecklistTicks.read(tick, step.checklist().size());
          PlayerProblem problem = textProblem(text, PlayerProblem.EMPTY_PRACTICE);
          if (problem != null) {
            return again(module, step, Draft.of(problem).withText(text, ticks));
          }
          player.practise(CurrentUser.of(request), module, step, text, ticks);
          return seeOther(stepHref(module, step.id()) + "#model-answer");
        });
  }

  @POST
  @Path("{module}/steps/{step}/reflection")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response reflection(
      @PathParam("module") String moduleId,
      @PathParam("step") String stepId,
      @FormParam("entry") String entry) {
    Module module = find(moduleId);
    ReflectionStep step = kind(module, step(module, stepId), ReflectionStep.class);
    return guarded(
        module,
        step,
        () -> {
          String text = TextLimit.normalise(entry);
          PlayerProblem problem = textProblem(text, PlayerProblem.EMPTY_REFLECTION);
          if (problem != null) {
            return again(module, step, Draft.of(problem).withText(text, null));
          }
          player.reflect(CurrentUser.of(request), module, step, text);
          return seeOther(stepHref(module, step.id()) + "#saved");
        });
  }

  /**
   * Keeps what the learner has typed so far into a practice answer or a reflection, as the page's
   * script sends it while they write. Answers JSON: whether a draft is kept and when it was saved,
   * or the refusal with its sentence; a session that has ended gets the authenticator's 401.
   */
  @POST
  @Path("{module}/steps/{step}/draft")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(hidden = true)
  public Response draft(
      @PathParam("module") String moduleId,
      @PathParam("step") String stepId,
      @FormParam("text") String typed) {
    Optional<Module> module =
        ModuleId.isValid(moduleId)
            ? library.catalog().find(ModuleId.of(moduleId))
            : Optional.empty();
    if (module.isEmpty()) {
      return refusedDraft(PlayerProblem.UNKNOWN_MODULE);
    }
    Optional<Step> step = module.get().step(stepId);
    if (step.isEmpty()) {
      return refusedDraft(PlayerProblem.UNKNOWN_STEP);
    }
    String text = TextLimit.normalise(typed);
    if (TextLimit.tooLong(text)) {
      return refusedDraft(PlayerProblem.TEXT_TOO_LONG);
    }
    try {
      Optional<OffsetDateTime> saved =
          player.saveDraft(CurrentUser.of(request), module.get(), step.get(), text);
      return Response.ok(
              new DraftSavedView(
                  saved.isPresent(),
                  saved
                      .map(at -> at.toInstant().truncatedTo(ChronoUnit.SECONDS).toString())
                      .orElse(null)),
              MediaType.APPLICATION_JSON_TYPE)
          .header("Cache-Control", "no-store")
          .build();
    } catch (PlayerException e) {
      return refusedDraft(e.problem());
    } catch (RuntimeException e) {
      if (ModulePlayer.busy(e)) {
        return refusedDraft(PlayerProblem.BUSY);
      }
      throw e;
    }
  }

  private static Response refusedDraft(PlayerProblem problem) {
    return Response.status(problem.status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new DraftRefusedView(problem.status(), problem.message()))
        .build();
  }

  /** Why a written text cannot be saved: too long, or {@code whenEmpty}; null when it can. */
  private static PlayerProblem textProblem(String text, PlayerProblem whenEmpty) {
    if (TextLimit.tooLong(text)) {
      return PlayerProblem.TEXT_TOO_LONG;
    }
    return text.isBlank() ? whenEmpty : null;
  }

  private Module find(String moduleId) {
    if (!ModuleId.isValid(moduleId)) {
      throw refused(PlayerProblem.UNKNOWN_MODULE, catalogueHref(), "Back to the modules");
    }
    return library
        .catalog()
        .find(ModuleId.of(moduleId))
        .orElseThrow(
            () -> refused(PlayerProblem.UNKNOWN_MODULE, catalogueHref(), "Back to the modules"));
  }

  private Step step(Module module, String stepId) {
    return module
        .step(stepId)
        .orElseThrow(
            () ->
                refused(
                    PlayerProblem.UNKNOWN_STEP,
                    ModulePages.moduleHref(module, token()),
                    "Back to " + module.title()));
  }

  private <S extends Step> S kind(Module module, Step step, Class<S> kind) {
    if (!kind.isInstance(step)) {
      throw refused(PlayerProblem.WRONG_KIND, stepHref(module, step.id()), "Back to the step");
    }
    return kind.cast(step);
  }

  /**
   * Runs a player action, turning a refusal into its page (with a link back to the step) and a
   * request that found the module busy into a 409 rather than an error.
   */
  private Response guarded(Module module, Step step, Supplier<Response> action) {
    try {
      return action.get();
    } catch (PlayerException e) {
      return problem(e.problem(), stepHref(module, step.id()), "Back to the step");
    } catch (RuntimeException e) {
      if (ModulePlayer.busy(e)) {
        return problem(PlayerProblem.BUSY, stepHref(module, step.id()), "Back to the step");
      }
      throw e;
    }
  }

  private Response again(Module module, Step step, Draft draft) {
    ModulePlayer.StepState state = player.open(CurrentUser.of(request), module, step);
    return html(draft.problem().status(), pages.step(module, step, state, token(), draft));
  }

  private Response problem(PlayerProblem problem, String backHref, String backLabel) {
    String href = backHref.isEmpty() ? catalogueHref() : backHref;
    String label = backLabel.isEmpty() ? "Back to the modules" : backLabel;
    return html(problem.status(), pages.problem(problem, href, label, token()));
  }

  private WebApplicationException refused(
      PlayerProblem problem, String backHref, String backLabel) {
    return new WebApplicationException(problem.message(), problem(problem, backHref, backLabel));
  }

  private String afterHref(Module module, Step step) {
    List<Step> steps = module.steps();
    int index = steps.indexOf(step);
    return index == steps.size() - 1
        ? ModulePages.completeHref(module, token())
        : ModulePages.stepHref(module, steps.get(index + 1), token());
  }

  private String stepHref(Module module, String stepId) {
    return "/app/modules/" + module.id() + "/steps/" + stepId + "?s=" + token();
  }

  private String catalogueHref() {
    return "/app/modules?s=" + token();
  }

  private String token() {
    return CurrentUser.token(request);
  }

  private static Response html(int status, String body) {
    return Response.status(status).type(HTML).entity(body).build();
  }

  private static Response seeOther(String href) {
    return Response.seeOther(URI.create(href)).build();
  }
}
