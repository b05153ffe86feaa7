package org.rapport.lti.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.InstrumentKind;
import org.rapport.curriculum.instruments.Item;
import org.rapport.curriculum.instruments.SubscaleId;
import org.rapport.lti.cohorts.Wave;
import org.rapport.lti.settings.WellbeingResources;
import org.rapport.lti.web.Nav;
import org.rapport.lti.web.Plural;
import org.rapport.lti.web.When;

/**
 * The student's self-assessment page (templates {@code assessment} and {@code
 * assessment-trajectory}): their class, the open wave as a form or their result, and their
 * trajectory across waves.
 *
 * @param s the launch session token for links and forms
 * @param error why a submission came back; {@code null} otherwise
 * @param nothingOpen no wave of the class is open
 * @param nextOpens when the next wave opens; {@code null} when none is planned or one is open
 * @param submitted the open wave's answers are submitted (or imported): {@code result} shows them
 * @param unavailable why the open wave cannot be answered; {@code null} when it can
 * @param form the open wave's statements; {@code null} when there is nothing to answer
 * @param closesAt the last moment the open wave takes answers; {@code null} when it has no end
 * @param unanswered after a refused submission, the statements still to answer, with links to them
 * @param support where the results lead: modules for each part, and a note when the total fell
 * @param nextOpensAt the first moment of the day the next wave opens; {@code null} when none
 */
public record AssessmentPage(
    String s,
    Nav nav,
    String cohortLabel,
    int cohortYear,
    List<TrajectoryView> trajectories,
    boolean hasTrajectories,
    boolean anyProrated,
    int minGroupSize,
    String error,
    boolean nothingOpen,
    String nextStage,
    String nextOpens,
    String stageLabel,
    String closes,
    boolean submitted,
    boolean justSubmitted,
    boolean imported,
    String submittedOn,
    Result result,
    String unavailable,
    Form form,
    boolean justSaved,
    String answeredNote,
    When closesAt,
    List<Unanswered> unanswered,
    SupportView support,
    When nextOpensAt) {

  /** A statement left unanswered in a refused submission, linked to where it is on the page. */
  public record Unanswered(int number, String href) {}

  /**
   * Where the results lead.
   *
   * @param parts each part of the latest results and the modules that address it
   * @param falling the total fell since the wave before: the kind note is shown
   * @param offerText the institution's own words on support; empty when none is configured
   * @param offerLinks the institution's support links; empty when none is configured
   */
  public record SupportView(
      List<PartView> parts,
      boolean falling,
      String offerText,
      List<WellbeingResources.Link> offerLinks) {
    public boolean hasParts() {
      return !parts.isEmpty();
    }

    public boolean hasOfferLinks() {
      return !offerLinks.isEmpty();
    }
  }

  /** A part (layer of empathy) of the results with links to modules that address it. */
  public record PartView(String label, String description, List<ModuleLink> modules) {}

  /** A link to a module. */
  public record ModuleLink(String title, String href) {}

  public boolean hasUnanswered() {
    return !unanswered.isEmpty();
  }

  /** "1 statement is" / "3 statements are" still unanswered. */
  public String unansweredCount() {
    return Plural.of(unanswered.size(), "statement") + (unanswered.size() == 1 ? " is" : " are");
  }

  /** A submitted wave's scores; the cohort's figures only when shown. */
  public record Result(
      String instrument,
      boolean formative,
      String total,
      int min,
      int max,
      boolean prorated,
      List<SubscaleResult> subscales,
      boolean cohortShown,
      String cohortMean,
      Long cohortN,
      String cohortPublished,
      String cohortNote) {}

  /** One subscale's score with its possible range and what it is about. */
  public record SubscaleResult(String label, String value, String description, String range) {}

  /** The open wave's statements with the answers so far. */
  public record Form(
      long waveId,
      String title,
      String description,
      boolean formative,
      int scaleMin,
      int scaleMax,
      String minLabel,
      String maxLabel,
      int maxMissing,
      List<FormItem> items,
      String rule) {}

  /**
   * A statement and its answer options.
   *
   * @param missing it is unanswered in a refused submission: marked in words and with an icon
   */
  public record FormItem(int number, String text, List<Option> options, boolean missing) {}

  /** One point of the answer scale. */
  public record Option(int value, String label, boolean checked) {}

  /** One instrument's trajectory: its chart and the same figures as a table. */
  public record TrajectoryView(
      String title,
      TrajectoryChart chart,
      String tableId,
      List<String> subscaleHeaders,
      List<TrajectoryRow> rows) {}

  /** One wave of a trajectory; {@code subscales} in the order of the headers. */
  public record TrajectoryRow(
      String stage,
      String date,
      String total,
      boolean imported,
      boolean prorated,
      String cohortMean,
      List<String> subscales) {}

  /**
   * @param justSubmitted the student has just submitted (the thank-you note)
   * @param justSaved the student has just saved a draft without JavaScript
   * @param error why a submission came back; {@code null} otherwise
   */
  static AssessmentPage of(
      SelfAssessment.AtWave at,
      String token,
      boolean justSubmitted,
      boolean justSaved,
      String error) {
    List<Trajectory> own = at.trajectories();
    List<TrajectoryView> trajectories = trajectoryViews(own);
    boolean anyProrated =
        own.stream().flatMap(t -> t.points().stream()).anyMatch(Trajectory.Point::prorated);
    Wave wave = at.wave();
    String nextStage = null;
    String nextOpens = null;
    When nextOpensAt = null;
    String stageLabel = null;
    String closes = null;
    boolean submitted = false;
    boolean imported = false;
    String submittedOn = null;
    Result result = null;
    String unavailable = null;
    Form form = null;
    String answeredNote = null;
    When closesAt = null;
    List<Unanswered> unanswered = List.of();
    if (wave == null) {
      if (at.next() != null) {
        nextStage = at.nextStageLabel();
        nextOpens = Days.of(at.next().window().orElseThrow().opens());
        nextOpensAt =
            When.of(at.next().window().orElseThrow().opens().atStartOfDay(at.zone()).toInstant());
      }
    } else {
      stageLabel = at.stageLabel();
      closes = wave.window().map(w -> Days.of(w.closes())).orElse("");
      closesAt =
          wave.window()
              .map(w -> When.of(w.closes().atTime(23, 59).atZone(at.zone()).toInstant()))
              .orElse(null);
      if (at.response() != null) {
        submitted = true;
        imported = at.response().getStatus() == ResponseStatus.IMPORTED;
        submittedOn =
            at.response().getSubmittedAt() == null
                ? ""
                : Days.of(at.response().getSubmittedAt(), at.zone());
        result =
            own.stream()
                .flatMap(t -> t.points().stream().map(p -> Map.entry(t, p)))
                .filter(e -> e.getValue().waveId() == wave.getId())
                .findFirst()
                .map(e -> result(e.getKey(), e.getValue()))
                .orElse(null);
      } else if (at.instrument() == null) {
        unavailable = Refusal.UNAVAILABLE.message();
      } else {
        boolean refused = error != null;
        form = form(wave, at.instrument(), at.answers(), refused);
        unanswered =
            form.items().stream()
                .filter(FormItem::missing)
                .map(i -> new Unanswered(i.number(), "#item-" + i.number()))
                .toList();
        answeredNote = answeredNote(at.answers().size(), at.instrument().items().size());
      }
    }
    return new AssessmentPage(
        token,
        Nav.student(token, Nav.StudentPage.ASSESSMENT),
        at.cohort().getLabel(),
        at.cohort().getMatriculationYear(),
        trajectories,
        !own.isEmpty(),
        anyProrated,
        at.minimumGroupSize(),
        error,
        wave == null,
        nextStage,
        nextOpens,
        stageLabel,
        closes,
        submitted,
        submitted && justSubmitted,
        imported,
        submittedOn,
        result,
        unavailable,
        form,
        form != null && justSaved,
        answeredNote,
        closesAt,
        unanswered,
        support(at.support(), token),
        nextOpensAt);
  }

  /** "9 of 18 statements answered.", "1 of 1 statement answered." */
  static String answeredNote(int answered, int statements) {
    return answered + " of " + Plural.of(statements, "statement") + " answered.";
  }

  /**
   * The rule a student meets before submitting, e.g. "Answer all 18 statements; you may leave up to
   * 2 unanswered (at most 1 in each part)."
   */
  static String rule(Instrument instrument) {
    int statements = instrument.items().size();
    int maxMissing = instrument.missing().maxMissingTotal();
    StringBuilder rule =
        new StringBuilder("Answer all ").append(Plural.of(statements, "statement"));
    if (maxMissing > 0) {
      rule.append("; you may leave up to ").append(maxMissing).append(" unanswered");
      instrument
          .missing()
          .maxMissingPerSubscale()
          .ifPresent(k -> rule.append(" (at most ").append(k).append(" in each part)"));
    }
    return rule.append('.').toString();
  }

  private static SupportView support(ResultsSupport.Support support, String token) {
    if (support == null) {
      support = ResultsSupport.Support.NONE;
    }
    List<PartView> parts = new ArrayList<>();
    for (ResultsSupport.PartModules part : support.parts()) {
      parts.add(
          new PartView(
              part.label(),
              part.description(),
              part.modules().stream()
                  .map(m -> new ModuleLink(m.title(), "/app/modules/" + m.id() + "?s=" + token))
                  .toList()));
    }
    return new SupportView(
        List.copyOf(parts), support.falling(), support.offer().text(), support.offer().links());
  }

  private static Form form(
      Wave wave, Instrument instrument, Map<Integer, Integer> answers, boolean refused) {
    int min = instrument.scale().min();
    int max = instrument.scale().max();
    List<FormItem> items = new ArrayList<>();
    for (Item item : instrument.items()) {
      List<Option> options = new ArrayList<>();
      for (int point = min; point <= max; point++) {
        options.add(
            new Option(
                point,
                instrument.scale().label(point).orElse(""),
                Integer.valueOf(point).equals(answers.get(item.number()))));
      }
      items.add(
          new FormItem(
              item.number(),
              item.text().orElse(""),
              options,
              refused && !answers.containsKey(item.number())));
    }
    return new Form(
        wave.getId(),
        instrument.title(),
        instrument.description().orElse(""),
        instrument.kind() == InstrumentKind.FORMATIVE,
        min,
        max,
        instrument.scale().label(min).orElse(""),
        instrument.scale().label(max).orElse(""),
        instrument.missing().maxMissingTotal(),
        items,
        rule(instrument));
  }

  private static Result result(Trajectory t, Trajectory.Point p) {
    List<SubscaleResult> subscales = new ArrayList<>();
    for (Trajectory.SubscalePoint s : p.subscales()) {
      var subscale = t.instrument().subscale(SubscaleId.of(s.id()));
      subscales.add(
          new SubscaleResult(
              s.label(),
              TrajectoryChart.plain(s.value()),
              subscale.map(x -> x.description()).orElse(""),
              subscale.map(x -> t.instrument().scoreRange(x.id()).toString()).orElse("")));
    }
    Trajectory.CohortMean mean = p.cohortMean();
    boolean shown = mean.mean().isPresent();
    return new Result(
        t.instrument().title(),
        t.instrument().kind() == InstrumentKind.FORMATIVE,
        TrajectoryChart.plain(p.total()),
        t.instrument().scoreRange().min(),
        t.instrument().scoreRange().max(),
        p.prorated(),
        subscales,
        mean.shown(),
        mean.mean().map(TrajectoryChart::plain).orElse(null),
        shown ? mean.respondents() : null,
        shown ? mean.publishedOn() : null,
        shown ? mean.note() : null);
  }

  private static List<TrajectoryView> trajectoryViews(List<Trajectory> own) {
    List<TrajectoryView> views = new ArrayList<>();
    int n = 0;
    for (Trajectory t : own) {
      n++;
      List<String> headers = t.instrument().subscales().stream().map(s -> s.label()).toList();
      List<TrajectoryRow> rows = new ArrayList<>();
      for (Trajectory.Point p : t.points()) {
        Map<String, String> bySubscale =
            p.subscales().stream()
                .collect(
                    Collectors.toMap(
                        Trajectory.SubscalePoint::label,
                        s -> TrajectoryChart.plain(s.value()),
                        (a, b) -> a));
        rows.add(
            new TrajectoryRow(
                p.stage().label(),
                p.date() == null ? "" : Days.of(p.date()),
                TrajectoryChart.plain(p.total()),
                p.imported(),
                p.prorated(),
                p.cohortMean().mean().map(TrajectoryChart::plain).orElse("Not shown yet"),
                headers.stream().map(l -> bySubscale.getOrDefault(l, "–")).toList()));
      }
      views.add(
          new TrajectoryView(
              t.instrument().title(),
              TrajectoryChart.of(t, "trajectory-" + n),
              "trajectory-" + n + "-table",
              headers,
              rows));
    }
    return views;
  }
}
