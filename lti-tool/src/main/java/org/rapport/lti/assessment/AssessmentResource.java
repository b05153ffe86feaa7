package org.rapport.lti.assessment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.lti.launch.CurrentUser;
import org.rapport.lti.launch.LaunchedUser;
import org.rapport.lti.security.RefusalMessage;
import org.rapport.lti.security.Roles;
import org.rapport.lti.web.Nav;
import org.rapport.lti.web.Pages;

/**
 * The student's self-assessment inside the LMS: privacy notice and consent, the cohort question,
 * one page with every statement of the open wave (saved as a draft while answering), submission,
 * and the results with the trajectory across waves. Each step is one call of {@link
 * SelfAssessment}; this class reads the form and chooses the page or JSON answer.
 */
@Path("app/assessment")
@RolesAllowed(Roles.STUDENT)
@RefusalMessage(AssessmentResource.FOR_STUDENTS)
public class AssessmentResource {
  static final String FOR_STUDENTS =
      "The empathy self-assessment is for students. Faculty see cohort averages, never"
          + " individual answers, under Cohort trends and alerts.";

  private static final Logger LOG = Logger.getLogger(AssessmentResource.class.getName());
  private static final String TITLE = "Empathy self-assessment";

  @Inject Pages pages;
  @Inject SelfAssessment assessment;
  @Context ContainerRequestContext request;
  @Context HttpHeaders headers;

  @GET
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public Response page(@QueryParam("done") String done, @QueryParam("saved") String saved) {
    LaunchedUser user = CurrentUser.of(request);
    return situationPage(
        assessment.situation(user, null, Map.of()), done != null, saved != null, null, 200);
  }

  @POST
  @Path("consent")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public Response consent(MultivaluedMap<String, String> form) {
    LaunchedUser user = CurrentUser.of(request);
    if (!"yes".equals(form.getFirst("agree"))) {
      return html(
          400,
          "assessment-consent",
          "Before you start",
          new ConsentPage(
              token(),
              nav(),
              assessment.minimumGroupSize(),
              "To take part, tick the box to say you have read the notice and agree. If you would"
                  + " rather not take part, choose Not now; nothing has been stored."));
    }
    assessment.consent(user);
    return backToPage(null);
  }

  @POST
  @Path("cohort")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public Response cohort(MultivaluedMap<String, String> form) {
    LaunchedUser user = CurrentUser.of(request);
    String year = form.getFirst("year");
    SelfAssessment.ClassChoice choice = assessment.chooseClass(user, year);
    if (choice.problem() != null) {
      return html(
          400,
          "assessment-year",
          "Your class",
          new ClassPage(
              token(), nav(), choice.latestYear(), year == null ? "" : year, choice.problem()));
    }
    return backToPage(null);
  }

  @POST
  @Path("draft")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
  @Operation(hidden = true)
  public Response draft(MultivaluedMap<String, String> form) {
    LaunchedUser user = CurrentUser.of(request);
    try {
      SelfAssessment.Draft draft = assessment.saveDraft(user, waveId(form), answers(form));
      if (wantsJson()) {
        return Response.ok(
                Map.of("saved", true, "answered", draft.answered(), "items", draft.items()),
                MediaType.APPLICATION_JSON_TYPE)
            .build();
      }
      return backToPage("saved=1");
    } catch (AssessmentRefused refused) {
      return refusedAnswer(user, refused);
    }
  }

  @POST
  @Path("submit")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
  @Operation(hidden = true)
  public Response submit(MultivaluedMap<String, String> form) {
    LaunchedUser user = CurrentUser.of(request);
    try {
      long waveId = waveId(form);
      Map<Integer, Integer> answers = answers(form);
      SelfAssessment.Submission submission = assessment.submit(user, waveId, answers);
      if (submission.outcome().result() == Responses.SubmitResult.INCOMPLETE) {
        return situationPage(
            assessment.situation(user, waveId, answers), false, false, submission.problem(), 400);
      }
      if (wantsJson()) {
        return Response.ok(
                Map.of("submitted", true, "result", submission.outcome().result().name()),
                MediaType.APPLICATION_JSON_TYPE)
            .build();
      }
      return backToPage("done=1");
    } catch (AssessmentRefused refused) {
      return refusedAnswer(user, refused);
    }
  }

  @GET
  @Path("export")
  @Operation(hidden = true)
  public Response export(@QueryParam("format") String format) {
    StudentData.Export export = assessment.export(CurrentUser.of(request));
    boolean csv = "csv".equalsIgnoreCase(format);
    return Response.ok(
            csv ? StudentData.csv(export) : export,
            csv ? "text/csv; charset=utf-8" : MediaType.APPLICATION_JSON)
        .header(
            "Content-Disposition",
            "attachment; filename=\"my-rapport-self-assessment." + (csv ? "csv" : "json") + "\"")
        .header("Cache-Control", "no-store")
        .build();
  }

  // ---- pages

  private Response situationPage(
      SelfAssessment.Situation situation,
      boolean justSubmitted,
      boolean justSaved,
      String error,
      int status) {
    if (situation instanceof SelfAssessment.NeedsConsent needs) {
      return html(
          status,
          "assessment-consent",
          "Before you start",
          new ConsentPage(token(), nav(), needs.minimumGroupSize(), null));
    }
    if (situation instanceof SelfAssessment.NeedsClass needs) {
      return html(
          status,
          "assessment-year",
          "Your class",
          new ClassPage(token(), nav(), needs.latestYear(), null, null));
    }
    return html(
        status,
        "assessment",
        TITLE,
        AssessmentPage.of(
            (SelfAssessment.AtWave) situation, token(), justSubmitted, justSaved, error));
  }

  private Response refusedAnswer(LaunchedUser user, AssessmentRefused refused) {
    Refusal r = refused.refusal();
    LOG.info(() -> "Refused for learner " + user.learnerId() + ": " + r.name());
    if (wantsJson()) {
      return Response.status(r.status())
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("status", r.status(), "reason", r.name(), "error", refused.getMessage()))
          .build();
    }
    return html(
        r.status(),
        "assessment-refused",
        r.title(),
        new RefusedPage(token(), nav(), r.title(), refused.getMessage()));
  }

  // ---- helpers

  private static long waveId(MultivaluedMap<String, String> form) {
    String wave = form.getFirst("wave");
    if (wave == null || !wave.strip().matches("[0-9]{1,18}")) {
      throw new AssessmentRefused(Refusal.NO_SUCH_WAVE);
    }
    return Long.parseLong(wave.strip());
  }

  /** The {@code item_<n>} fields of a form; anything that is not a whole number is refused. */
  static Map<Integer, Integer> answers(MultivaluedMap<String, String> form) {
    Map<Integer, Integer> answers = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, List<String>> field : new TreeMap<>(form).entrySet()) {
      String name = field.getKey();
      if (!name.startsWith("item_")) {
        continue;
      }
      String number = name.substring(5);
      String value = field.getValue().isEmpty() ? "" : field.getValue().get(0).strip();
      if (!number.matches("[1-9][0-9]{0,3}")) {
        problems.add("'" + name + "' is not a statement");
        continue;
      }
      if (value.isEmpty()) {
        continue;
      }
      if (!value.matches("-?[0-9]{1,3}")) {
        problems.add("statement " + number + ": '" + value + "' is not one of the answers");
        continue;
      }
      answers.put(Integer.parseInt(number), Integer.parseInt(value));
    }
    if (!problems.isEmpty()) {
      throw new AssessmentRefused(Refusal.INVALID_ANSWER, String.join("; ", problems));
    }
    return answers;
  }

  private String token() {
    return CurrentUser.token(request);
  }

  private Nav nav() {
    return Nav.student(token(), Nav.StudentPage.ASSESSMENT);
  }

  private boolean wantsJson() {
    return headers.getAcceptableMediaTypes().stream()
        .anyMatch(t -> !t.isWildcardType() && t.isCompatible(MediaType.APPLICATION_JSON_TYPE));
  }

  private Response html(int status, String template, String title, Record view) {
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .header("Cache-Control", "no-store")
        .entity(pages.render(template, title, view))
        .build();
  }

  private Response backToPage(String query) {
    String s = CurrentUser.token(request);
    return Response.seeOther(
            URI.create("/app/assessment?s=" + s + (query == null ? "" : "&" + query)))
        .build();
  }
}
