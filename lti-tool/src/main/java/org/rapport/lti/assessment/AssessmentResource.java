package org.rapport.lti.assessment;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.curriculum.cohorts.MatriculationYear;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.InstrumentKind;
import org.rapport.curriculum.instruments.Item;
import org.rapport.curriculum.modules.LearnerRef;
import org.rapport.lti.cohorts.Cohort;
import org.rapport.lti.cohorts.CohortSource;
import org.rapport.lti.cohorts.Cohorts;
import org.rapport.lti.cohorts.Student;
import org.rapport.lti.cohorts.Students;
import org.rapport.lti.cohorts.Wave;
import org.rapport.lti.cohorts.Waves;
import org.rapport.lti.instruments.Instruments;
import org.rapport.lti.launch.CurrentUser;
import org.rapport.lti.launch.Launched;
import org.rapport.lti.launch.LaunchedUser;
import org.rapport.lti.launch.Learner;
import org.rapport.lti.modules.MinimumGroupSize;
import org.rapport.lti.settings.RapportSettings;
import org.rapport.lti.web.Pages;

/**
 * The student's self-assessment inside the LMS: privacy notice and consent, the cohort question,
 * one page with every statement of the open wave (saved as a draft while answering), submission,
 * and the results with the trajectory across waves.
 */
@Path("app/assessment")
@Launched
public class AssessmentResource {
  private static final Logger LOG = Logger.getLogger(AssessmentResource.class.getName());

  @Inject Pages pages;
  @Inject Students students;
  @Inject Cohorts cohorts;
  @Inject Waves waves;
  @Inject Responses responses;
  @Inject Trajectories trajectories;
  @Inject Instruments instruments;
  @Inject RapportSettings settings;
  @Inject MinimumGroupSize groupSize;
  @Inject StudentData studentData;
  @Context ContainerRequestContext request;
  @Context HttpHeaders headers;

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @GET
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public Response page(@QueryParam("done") String done, @QueryParam("saved") String saved) {
    LaunchedUser user = student();
    Optional<Student> student = students.bySubject(user.registrationId(), subject(user));
    Map<String, Object> values = base(user);
    if (student.isEmpty() || !student.get().hasConsented()) {
      values.put("minGroupSize", groupSize.rule().minimumGroupSize());
      return html(200, "assessment-consent", "Before you start", values);
    }
    if (student.get().getCohortId() == null) {
      values.put("latestYear", MatriculationYear.latest(Year.from(settings.today())));
      return html(200, "assessment-year", "Your class", values);
    }
    return wavePage(student.get(), values, done != null, saved != null, null, Map.of(), 200);
  }

  @POST
  @Path("consent")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public Response consent(MultivaluedMap<String, String> form) {
    LaunchedUser user = student();
    if (!"yes".equals(form.getFirst("agree"))) {
      Map<String, Object> values = base(user);
      values.put("minGroupSize", groupSize.rule().minimumGroupSize());
      values.put(
          "error",
          "To take part, tick the box to say you have read the notice and agree. If you would"
              + " rather not take part, you can simply close this page; nothing has been stored.");
      return html(400, "assessment-consent", "Before you start", values);
    }
    studentData.consent(user.registrationId(), subject(user));
    return backToPage(null);
  }

  @POST
  @Path("cohort")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public Response cohort(MultivaluedMap<String, String> form) {
    LaunchedUser user = student();
    Student student =
        students
            .bySubject(user.registrationId(), subject(user))
            .filter(Student::hasConsented)
            .orElse(null);
    if (student == null) {
      return backToPage(null);
    }
    if (student.getCohortId() != null) {
      // Only an administrator changes a cohort once it is set; the page says so.
      return backToPage(null);
    }
    MatriculationYear.Parsed parsed =
        MatriculationYear.parse(form.getFirst("year"), Year.from(settings.today()));
    if (parsed.year().isEmpty()) {
      Map<String, Object> values = base(user);
      values.put("latestYear", MatriculationYear.latest(Year.from(settings.today())));
      values.put("year", form.getFirst("year") == null ? "" : form.getFirst("year"));
      values.put("error", capitalise(parsed.problem().get()) + ".");
      return html(400, "assessment-year", "Your class", values);
    }
    Cohort cohort = cohorts.findOrCreate(user.registrationId(), parsed.year().get());
    students.placeIn(
        student,
        cohort,
        CohortSource.SELF,
        "the student",
        "The student said they started medical school in " + parsed.year().get() + ".");
    return backToPage(null);
  }

  @POST
  @Path("draft")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
  @Operation(hidden = true)
  public Response draft(MultivaluedMap<String, String> form) {
    LaunchedUser user = student();
    try {
      Student student = consented(user);
      long waveId = waveId(form);
      Map<Integer, Integer> answers = answers(form);
      int answered = responses.saveDraft(student.getId(), waveId, answers);
      if (wantsJson()) {
        int items =
            waves
                .find(waveId)
                .flatMap(w -> instruments.find(w.instrument()))
                .map(i -> i.items().size())
                .orElse(0);
        return Response.ok(
                Map.of("saved", true, "answered", answered, "items", items),
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
    LaunchedUser user = student();
    try {
      Student student = consented(user);
      long waveId = waveId(form);
      Map<Integer, Integer> answers = answers(form);
      Responses.SubmitOutcome outcome =
          responses.submit(
              new LearnerRef(user.registrationId(), user.learnerId(), user.courseId(), null),
              student.getId(),
              waveId,
              answers);
      if (outcome.result() == Responses.SubmitResult.INCOMPLETE) {
        Map<String, Object> values = base(user);
        Instrument instrument =
            waves.find(waveId).flatMap(w -> instruments.find(w.instrument())).orElseThrow();
        values.put("error", incompleteMessage(instrument, outcome.missingItems()));
        return wavePage(student, values, false, false, waveId, answers, 400);
      }
      if (wantsJson()) {
        return Response.ok(
                Map.of("submitted", true, "result", outcome.result().name()),
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
    LaunchedUser user = student();
    Optional<Student> student = students.bySubject(user.registrationId(), subject(user));
    boolean csv = "csv".equalsIgnoreCase(format);
    if (student.isEmpty()) {
      StudentData.Export empty = StudentData.Export.nothing();
      return download(csv ? StudentData.csv(empty) : empty, csv);
    }
    StudentData.Export export =
        studentData.exportForStudent(student.get().getId(), user.learnerId());
    return download(csv ? StudentData.csv(export) : export, csv);
  }

  private Response download(Object body, boolean csv) {
    return Response.ok(body, csv ? "text/csv; charset=utf-8" : MediaType.APPLICATION_JSON)
        .header(
            "Content-Disposition",
            "attachment; filename=\"my-rapport-self-assessment." + (csv ? "csv" : "json") + "\"")
        .header("Cache-Control", "no-store")
        .build();
  }

  // ---- pages

  private Response wavePage(
      Student student,
      Map<String, Object> values,
      boolean justSubmitted,
      boolean justSaved,
      Long postedWave,
      Map<Integer, Integer> postedAnswers,
      int status) {
    LocalDate today = settings.today();
    Cohort cohort = cohorts.find(student.getCohortId()).orElseThrow();
    values.put("cohortLabel", cohort.getLabel());
    values.put("cohortYear", cohort.getMatriculationYear());
    List<Trajectory> own = trajectories.of(student.getId());
    values.put("trajectories", trajectoryViews(own));
    values.put("hasTrajectories", !own.isEmpty());
    values.put(
        "anyProrated",
        own.stream().flatMap(t -> t.points().stream()).anyMatch(Trajectory.Point::prorated));
    values.put("minGroupSize", groupSize.rule().minimumGroupSize());

    Optional<Wave> open =
        postedWave != null ? waves.find(postedWave) : waves.openFor(cohort.getId(), today);
    if (open.isEmpty()) {
      values.put("nothingOpen", true);
      waves
          .nextFor(cohort.getId(), today)
          .ifPresent(
              next -> {
                values.put("nextStage", next.getStage().label());
                values.put("nextOpens", Days.of(next.window().orElseThrow().opens()));
              });
      return html(status, "assessment", "Empathy self-assessment", values);
    }
    Wave wave = open.get();
    values.put("stageLabel", wave.getStage().label());
    values.put("closes", wave.window().map(w -> Days.of(w.closes())).orElse(""));
    Optional<AssessmentResponse> response =
        responses.find(student.getId(), wave.getId(), wave.instrument().id().value());
    if (response.isPresent() && response.get().getStatus().isFinal()) {
      values.put("submitted", true);
      values.put("justSubmitted", justSubmitted);
      values.put("imported", response.get().getStatus() == ResponseStatus.IMPORTED);
      values.put(
          "submittedOn",
          response.get().getSubmittedAt() == null
              ? ""
              : Days.of(response.get().getSubmittedAt(), settings.assessmentZone()));
      own.stream()
          .flatMap(t -> t.points().stream().map(p -> Map.entry(t, p)))
          .filter(e -> e.getValue().waveId() == wave.getId())
          .findFirst()
          .ifPresent(e -> values.put("result", resultView(e.getKey(), e.getValue())));
      return html(status, "assessment", "Empathy self-assessment", values);
    }
    Optional<Instrument> instrument =
        instruments.find(wave.instrument()).filter(Instrument::schedulable);
    if (instrument.isEmpty()) {
      values.put("unavailable", Refusal.UNAVAILABLE.message());
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
      return html(status, "assessment", "Empathy self-assessment", values);
    }
    Map<Integer, Integer> answers = new TreeMap<>();
    response.ifPresent(r -> answers.putAll(responses.answers(r.getId())));
    answers.putAll(postedAnswers);
    values.put("form", formView(wave, instrument.get(), answers));
    values.put("justSaved", justSaved);
    values.put(
        "answeredNote",
        answers.size() + " of " + instrument.get().items().size() + " statements answered.");
    return html(status, "assessment", "Empathy self-assessment", values);
  }

  private Map<String, Object> formView(
      Wave wave, Instrument instrument, Map<Integer, Integer> answers) {
    Map<String, Object> form = new HashMap<>();
    form.put("waveId", wave.getId());
    form.put("title", instrument.title());
    form.put("description", instrument.description().orElse(""));
    form.put("formative", instrument.kind() == InstrumentKind.FORMATIVE);
    form.put("scaleMin", instrument.scale().min());
    form.put("scaleMax", instrument.scale().max());
    form.put("minLabel", instrument.scale().label(instrument.scale().min()).orElse(""));
    form.put("maxLabel", instrument.scale().label(instrument.scale().max()).orElse(""));
    form.put("maxMissing", instrument.missing().maxMissingTotal());
    List<Map<String, Object>> items = new ArrayList<>();
    for (Item item : instrument.items()) {
      Map<String, Object> i = new HashMap<>();
      i.put("number", item.number());
      i.put("text", item.text().orElse(""));
      List<Map<String, Object>> options = new ArrayList<>();
      for (int point = instrument.scale().min(); point <= instrument.scale().max(); point++) {
        Map<String, Object> o = new HashMap<>();
        o.put("value", point);
        o.put("label", instrument.scale().label(point).orElse(""));
        o.put("checked", Integer.valueOf(point).equals(answers.get(item.number())));
        options.add(o);
      }
      i.put("options", options);
      items.add(i);
    }
    form.put("items", items);
    return form;
  }

  private Map<String, Object> resultView(Trajectory t, Trajectory.Point p) {
    Map<String, Object> r = new HashMap<>();
    r.put("instrument", t.instrument().title());
    r.put("formative", t.instrument().kind() == InstrumentKind.FORMATIVE);
    r.put("total", TrajectoryChart.plain(p.total()));
    r.put("min", t.instrument().scoreRange().min());
    r.put("max", t.instrument().scoreRange().max());
    r.put("prorated", p.prorated());
    List<Map<String, Object>> subscales = new ArrayList<>();
    for (Trajectory.SubscalePoint s : p.subscales()) {
      Map<String, Object> m = new HashMap<>();
      m.put("label", s.label());
      m.put("value", TrajectoryChart.plain(s.value()));
      var subscale =
          t.instrument().subscale(org.rapport.curriculum.instruments.SubscaleId.of(s.id()));
      m.put("description", subscale.map(x -> x.description()).orElse(""));
      m.put("range", subscale.map(x -> t.instrument().scoreRange(x.id()).toString()).orElse(""));
      subscales.add(m);
    }
    r.put("subscales", subscales);
    r.put("cohortShown", p.cohortMean().shown());
    p.cohortMean()
        .mean()
        .ifPresent(
            m -> {
              r.put("cohortMean", TrajectoryChart.plain(m));
              r.put("cohortN", p.cohortMean().respondents());
            });
    return r;
  }

  private List<Map<String, Object>> trajectoryViews(List<Trajectory> own) {
    List<Map<String, Object>> views = new ArrayList<>();
    int n = 0;
    for (Trajectory t : own) {
      n++;
      Map<String, Object> v = new HashMap<>();
      v.put("title", t.instrument().title());
      v.put("svg", TrajectoryChart.svg(t, "trajectory-" + n));
      v.put("tableId", "trajectory-" + n + "-table");
      List<String> subscaleLabels =
          t.instrument().subscales().stream().map(s -> s.label()).toList();
      v.put("subscaleHeaders", subscaleLabels);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Trajectory.Point p : t.points()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("stage", p.stage().label());
        row.put("date", p.date() == null ? "" : Days.of(p.date()));
        row.put("total", TrajectoryChart.plain(p.total()));
        row.put("imported", p.imported());
        row.put("prorated", p.prorated());
        row.put(
            "cohortMean",
            p.cohortMean().mean().map(TrajectoryChart::plain).orElse("Not shown yet"));
        Map<String, String> bySubscale =
            p.subscales().stream()
                .collect(
                    Collectors.toMap(
                        Trajectory.SubscalePoint::label,
                        s -> TrajectoryChart.plain(s.value()),
                        (a, b) -> a));
        row.put(
            "subscales",
            subscaleLabels.stream().map(l -> bySubscale.getOrDefault(l, "–")).toList());
        rows.add(row);
      }
      v.put("rows", rows);
      views.add(v);
    }
    return views;
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
    Map<String, Object> values = base(user);
    values.put("title", r.title());
    values.put("message", refused.getMessage());
    return html(r.status(), "assessment-refused", r.title(), values);
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

  // ---- helpers

  private LaunchedUser student() {
    LaunchedUser user = CurrentUser.of(request);
    if (user.isFaculty()) {
      throw new jakarta.ws.rs.ForbiddenException(
          "The empathy self-assessment is for students. Faculty see cohort averages, never"
              + " individual answers, under Cohort trends and alerts.");
    }
    return user;
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

  private Map<String, Object> base(LaunchedUser user) {
    Map<String, Object> values = new HashMap<>();
    values.put("s", CurrentUser.token(request));
    values.put("name", user.name());
    return values;
  }

  private boolean wantsJson() {
    return headers.getAcceptableMediaTypes().stream()
        .anyMatch(t -> !t.isWildcardType() && t.isCompatible(MediaType.APPLICATION_JSON_TYPE));
  }

  private Response html(int status, String template, String title, Map<String, Object> values) {
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .header("Cache-Control", "no-store")
        .entity(pages.render(template, title, values))
        .build();
  }

  private Response backToPage(String query) {
    String s = CurrentUser.token(request);
    return Response.seeOther(
            URI.create("/app/assessment?s=" + s + (query == null ? "" : "&" + query)))
        .build();
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
