package org.rapport.lti.observed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.rapport.curriculum.cohorts.Programme;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.RaterType;
import org.rapport.curriculum.instruments.ScoreRange;
import org.rapport.curriculum.instruments.Subscale;
import org.rapport.curriculum.modules.Module;
import org.rapport.curriculum.modules.ModuleId;
import org.rapport.lti.audit.AuditAction;
import org.rapport.lti.audit.AuditLog;
import org.rapport.lti.cohorts.Schedules;
import org.rapport.lti.cohorts.Student;
import org.rapport.lti.cohorts.Students;
import org.rapport.lti.launch.LaunchedUser;
import org.rapport.lti.mail.MailOutbox;
import org.rapport.lti.modules.ModuleLibrary;
import org.rapport.lti.persistence.Database;
import org.rapport.lti.settings.RapportSettings;
import org.rapport.lti.web.Nav;

/**
 * Planning observed practice in a course, for its faculty: the course's encounter sessions, a new
 * session (one encounter, or an OSCE day from a CSV plan, all or nothing), a session's encounters
 * and ratings (each read of a student's ratings is audited), the printable sheet of its one-time
 * links, replacing links, mailing them through the outbox, and releasing the ratings to the
 * students. Faculty reach only the sessions of their own course in their own tenant; any other
 * session is "not found".
 */
@ApplicationScoped
public class SessionPlanning {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter MOMENT =
      DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm 'UTC'", Locale.ENGLISH);
  static final int TITLE_LIMIT = 200;
  static final int PLAN_TEXT_LIMIT = 1_000_000;

  @Inject PlanningRepository planning;
  @Inject ObservedRepository observed;
  @Inject EncounterPlanning creation;
  @Inject RatingForms forms;
  @Inject RaterLinks links;
  @Inject Schedules schedules;
  @Inject ModuleLibrary modules;
  @Inject Students students;
  @Inject AuditLog audit;
  @Inject Database database;
  @Inject RapportSettings settings;
  @Inject Clock clock;

  /** What the session form sent: the session's details. */
  public record Details(String title, String setting, String heldOn, String stage) {}

  /** One encounter chosen on the page. */
  public record OneEncounter(
      Details details,
      String student,
      String station,
      String module,
      List<String> faculty,
      boolean patient,
      String patientName,
      String patientEmail) {}

  /** An OSCE day's plan: the details and the CSV text. */
  public record Plan(Details details, String csv) {}

  /** A new session, or the form again with what to put right. */
  public sealed interface Outcome permits Created, Again {}

  public record Created(long sessionId) implements Outcome {}

  public record Again(SessionFormPage page) implements Outcome {}

  // --- the list and the form ----------------------------------------------------------------

  @Transactional
  public ObservedSessionsPage list(LaunchedUser user, String token, String notice) {
    long course = course(user);
    Programme programme = schedules.programme(user.registrationId());
    List<ObservedSessionsPage.Row> rows = new ArrayList<>();
    for (EncounterSession session : planning.sessions(user.registrationId(), course)) {
      PlanningRepository.Counts counts = planning.counts(session.getId());
      rows.add(
          new ObservedSessionsPage.Row(
              session.getTitle(),
              session.getSetting().label(),
              DAY.format(session.getHeldOn()),
              session.getHeldOn().toString(),
              stageLabel(programme, session.getStage()),
              counts.encounters(),
              counts.ratings(),
              counts.raters(),
              session.isReleased(),
              session.isReleased()
                  ? DAY.format(session.getReleasedAt().withOffsetSameInstant(ZoneOffset.UTC))
                  : null,
              sessionHref(session.getId(), token)));
    }
    return new ObservedSessionsPage(
        nav(token), token, "/app/faculty/observed/new?s=" + token, rows, notice);
  }

  @Transactional
  public SessionFormPage form(LaunchedUser user, String token) {
    Details empty = new Details("", EncounterSetting.OSCE_STATION.code(), "", "");
    return formPage(
        user,
        token,
        empty,
        empty,
        "",
        new OneEncounter(empty, "", "", "", List.of(), true, "", ""),
        null,
        List.of());
  }

  // --- creating -----------------------------------------------------------------------------

  /** Plans one encounter; nothing is stored when anything is wrong. */
  @Transactional
  public Outcome createOne(LaunchedUser user, String token, OneEncounter one) {
    long course = course(user);
    List<String> problems = new ArrayList<>();
    CheckedDetails details = details(user, one.details(), problems);
    Map<Long, PlanCsv.Person> studentsById = byId(planning.students(course));
    Map<Long, PlanCsv.Person> facultyById = byId(planning.faculty(course));
    PlanCsv.Person student = null;
    if (one.student() == null || one.student().isBlank()) {
      problems.add("Student: choose the student who was observed.");
    } else {
      student = studentsById.get(parseId(one.student()));
      if (student == null) {
        problems.add(
            "Student: the student chosen is not a student of this course (any more). Choose one"
                + " from the list.");
      }
    }
    String station = one.station() == null ? "" : one.station().strip().replaceAll("\\s+", " ");
    if (station.isEmpty()) {
      problems.add("Station: write the station or scenario, e.g. 'Station 3: breaking bad news'.");
    } else if (station.length() > PlanCsv.MAX_STATION) {
      problems.add("Station: shorten it to " + PlanCsv.MAX_STATION + " characters or fewer.");
    }
    String module = one.module() == null ? "" : one.module().strip();
    if (!module.isEmpty() && !moduleExists(module)) {
      problems.add("Module: choose a module from the list, or none.");
    }
    List<EncounterPlanning.PlannedRater> raters = new ArrayList<>();
    Set<Long> chosen = new LinkedHashSet<>();
    for (String value : one.faculty()) {
      PlanCsv.Person rater = facultyById.get(parseId(value));
      if (rater == null) {
        problems.add(
            "Faculty raters: one of the raters chosen is not faculty of this course. Choose"
                + " from the list.");
      } else if (chosen.add(rater.learnerId())) {
        raters.add(
            new EncounterPlanning.PlannedRater(RaterType.FACULTY, rater.learnerId(), null, null));
      }
    }
    String patientName = one.patientName() == null ? "" : one.patientName().strip();
    String patientEmail = one.patientEmail() == null ? "" : one.patientEmail().strip();
    if (one.patient()) {
      if (patientName.length() > PlanCsv.MAX_NAME) {
        problems.add(
            "Standardized patient's name: shorten it to "
                + PlanCsv.MAX_NAME
                + " characters or fewer.");
      }
      if (!patientEmail.isEmpty() && !PlanCsv.validEmail(patientEmail)) {
        problems.add(
            "Standardized patient's e-mail: '"
                + patientEmail
                + "' is not an e-mail address. Correct it, or leave it empty and print the"
                + " link.");
      }
      raters.add(
          new EncounterPlanning.PlannedRater(
              RaterType.PATIENT,
              null,
              patientName.isEmpty() ? null : patientName,
              patientEmail.isEmpty() ? null : patientEmail));
    } else if (!patientName.isEmpty() || !patientEmail.isEmpty()) {
      problems.add(
          "Standardized patient: a name or e-mail was given, but the box 'A standardized patient"
              + " rates this encounter' is not ticked. Tick it, or clear the name and e-mail.");
    }
    if (raters.isEmpty()) {
      problems.add(
          "Raters: choose at least one rater: faculty of the course, a standardized patient, or"
              + " both.");
    }
    if (!problems.isEmpty()) {
      return new Again(
          formPage(user, token, emptyDetails(), one.details(), "", one, "one", problems));
    }
    EncounterSession session =
        creation.create(
            plan(user, course, details),
            List.of(
                new EncounterPlanning.PlannedEncounter(
                    creation.studentFor(user.registrationId(), student.subject()),
                    station,
                    module.isEmpty() ? null : module,
                    raters)));
    return new Created(session.getId());
  }

  /** Plans an OSCE day from a CSV plan; nothing is stored when any row has a problem. */
  @Transactional
  public Outcome createFromPlan(LaunchedUser user, String token, Plan plan) {
    long course = course(user);
    List<String> problems = new ArrayList<>();
    CheckedDetails details = details(user, plan.details(), problems);
    String csv = plan.csv() == null ? "" : plan.csv();
    PlanCsv.Result result;
    if (csv.length() > PLAN_TEXT_LIMIT) {
      problems.add(
          "The plan is larger than a million characters. Split the day into several sessions.");
      result = null;
    } else {
      result =
          PlanCsv.read(
              csv,
              new PlanCsv.Course(
                  planning.students(course), planning.faculty(course), this::moduleExists));
      result.problems().forEach(p -> problems.add(p.text()));
    }
    if (!problems.isEmpty()) {
      Details emptyOne = emptyDetails();
      return new Again(
          formPage(
              user,
              token,
              plan.details(),
              emptyOne,
              csv.length() > PLAN_TEXT_LIMIT ? "" : csv,
              new OneEncounter(emptyOne, "", "", "", List.of(), true, "", ""),
              "plan",
              problems));
    }
    List<EncounterPlanning.PlannedEncounter> encounters = new ArrayList<>();
    Map<Long, Long> studentIds = new HashMap<>();
    for (PlanCsv.PlannedEncounter e : result.encounters()) {
      long studentId =
          studentIds.computeIfAbsent(
              e.student().learnerId(),
              k -> creation.studentFor(user.registrationId(), e.student().subject()));
      List<EncounterPlanning.PlannedRater> raters = new ArrayList<>();
      for (PlanCsv.Row row : e.raters()) {
        raters.add(
            row.raterOrNull() != null
                ? new EncounterPlanning.PlannedRater(
                    row.type(), row.raterOrNull().learnerId(), null, null)
                : new EncounterPlanning.PlannedRater(
                    row.type(), null, row.raterName(), row.raterEmail()));
      }
      encounters.add(
          new EncounterPlanning.PlannedEncounter(studentId, e.station(), e.moduleOrNull(), raters));
    }
    return new Created(creation.create(plan(user, course, details), encounters).getId());
  }

  private record CheckedDetails(
      String title, EncounterSetting setting, LocalDate heldOn, String stage) {}

  private CheckedDetails details(LaunchedUser user, Details d, List<String> problems) {
    String title = d.title() == null ? "" : d.title().strip();
    if (title.isEmpty()) {
      problems.add("Title: give the session a title, e.g. 'OSCE communication stations, spring'.");
    } else if (title.length() > TITLE_LIMIT) {
      problems.add("Title: shorten it to " + TITLE_LIMIT + " characters or fewer.");
    }
    Optional<EncounterSetting> setting = EncounterSetting.fromCode(d.setting());
    if (setting.isEmpty()) {
      problems.add("Setting: choose where the encounters take place.");
    }
    LocalDate heldOn = null;
    String date = d.heldOn() == null ? "" : d.heldOn().strip();
    if (date.isEmpty()) {
      problems.add("Date: give the day of the session (for example 2026-05-14).");
    } else {
      try {
        heldOn = LocalDate.parse(date);
        LocalDate today = LocalDate.now(clock);
        if (heldOn.isBefore(today.minusYears(5)) || heldOn.isAfter(today.plusYears(2))) {
          problems.add(
              "Date: " + date + " is more than five years ago or two years ahead. Check the year.");
          heldOn = null;
        }
      } catch (DateTimeParseException e) {
        problems.add("Date: '" + date + "' is not a date; write it as year-month-day, 2026-05-14.");
      }
    }
    String stage = null;
    String stageText = d.stage() == null ? "" : d.stage().strip();
    if (!stageText.isEmpty()) {
      Programme programme = schedules.programme(user.registrationId());
      Optional<TrainingStage> found = programme.parse(stageText);
      if (found.isEmpty()) {
        problems.add("Training stage: " + programme.unknown(stageText) + ", or none.");
      } else {
        stage = found.get().code();
      }
    }
    return new CheckedDetails(title, setting.orElse(null), heldOn, stage);
  }

  private EncounterPlanning.SessionPlan plan(
      LaunchedUser user, long course, CheckedDetails details) {
    return new EncounterPlanning.SessionPlan(
        user.registrationId(),
        course,
        details.title(),
        details.setting(),
        details.heldOn(),
        details.stage(),
        SessionOrigin.PLANNED,
        by(user));
  }

  private SessionFormPage formPage(
      LaunchedUser user,
      String token,
      Details planDetails,
      Details oneDetails,
      String planText,
      OneEncounter one,
      String sent,
      List<String> problems) {
    long course = course(user);
    Programme programme = schedules.programme(user.registrationId());
    List<SessionFormPage.Option> studentOptions = new ArrayList<>();
    List<PlanCsv.Person> courseStudents = planning.students(course);
    for (PlanCsv.Person p : courseStudents) {
      studentOptions.add(
          new SessionFormPage.Option(
              String.valueOf(p.learnerId()),
              p.display() + (p.email() != null && p.name() != null ? " (" + p.email() + ")" : ""),
              String.valueOf(p.learnerId()).equals(one.student())));
    }
    List<SessionFormPage.Option> facultyOptions = new ArrayList<>();
    for (PlanCsv.Person p : planning.faculty(course)) {
      facultyOptions.add(
          new SessionFormPage.Option(
              String.valueOf(p.learnerId()),
              p.display(),
              one.faculty().contains(String.valueOf(p.learnerId()))));
    }
    List<SessionFormPage.Option> moduleOptions = new ArrayList<>();
    for (Module m :
        modules.catalog().all().stream().sorted(Comparator.comparing(Module::title)).toList()) {
      moduleOptions.add(
          new SessionFormPage.Option(
              m.id().value(), m.title(), m.id().value().equals(one.module())));
    }
    return new SessionFormPage(
        nav(token),
        token,
        "/app/faculty/observed?s=" + token,
        "/app/faculty/observed/plan?s=" + token,
        "/app/faculty/observed/new?s=" + token,
        detailsView(planDetails, programme),
        detailsView(oneDetails, programme),
        planText,
        studentOptions,
        facultyOptions,
        moduleOptions,
        one.station() == null ? "" : one.station(),
        one.patient(),
        one.patientName() == null ? "" : one.patientName(),
        one.patientEmail() == null ? "" : one.patientEmail(),
        sent,
        problems,
        example(courseStudents),
        courseStudents.isEmpty());
  }

  private static Details emptyDetails() {
    return new Details("", EncounterSetting.OSCE_STATION.code(), "", "");
  }

  private static SessionFormPage.Details detailsView(Details d, Programme programme) {
    List<SessionFormPage.Option> settingOptions = new ArrayList<>();
    for (EncounterSetting s : EncounterSetting.values()) {
      settingOptions.add(
          new SessionFormPage.Option(s.code(), s.label(), s.code().equals(d.setting())));
    }
    List<SessionFormPage.Option> stageOptions = new ArrayList<>();
    for (TrainingStage stage : programme.stages()) {
      stageOptions.add(
          new SessionFormPage.Option(
              stage.code(), stage.label(), stage.code().equalsIgnoreCase(nz(d.stage()))));
    }
    return new SessionFormPage.Details(nz(d.title()), settingOptions, nz(d.heldOn()), stageOptions);
  }

  /** An example plan with the course's own first students, so it can be tried as it is. */
  private static String example(List<PlanCsv.Person> courseStudents) {
    String a =
        courseStudents.size() > 0 ? exampleId(courseStudents.get(0)) : "ana.silva@example.edu";
    String b =
        courseStudents.size() > 1 ? exampleId(courseStudents.get(1)) : "ben.okafor@example.edu";
    return "student,station,rater_type,rater_name,rater_email,module\n"
        + a
        + ",Station 1: breaking bad news,patient,Maria Lopez,maria.lopez@example.org,\n"
        + a
        + ",Station 2: explaining a new medicine,patient,Tom Reed,,teach-back\n"
        + b
        + ",Station 1: breaking bad news,patient,Maria Lopez,maria.lopez@example.org,\n"
        + b
        + ",Station 2: explaining a new medicine,patient,Tom Reed,,teach-back\n";
  }

  private static String exampleId(PlanCsv.Person p) {
    if (p.email() != null && !p.email().isBlank()) {
      return p.email();
    }
    return p.subject().contains(",")
        ? "\"" + p.subject().replace("\"", "\"\"") + "\""
        : p.subject();
  }

  // --- one session --------------------------------------------------------------------------

  /** A session of the user's course, or "not found" for any other. */
  private EncounterSession own(LaunchedUser user, long sessionId) {
    long course = course(user);
    return observed
        .session(sessionId)
        .filter(s -> s.getRegistrationId() == user.registrationId())
        .filter(s -> s.getCourseId() != null && s.getCourseId() == course)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "There is no observed-practice session "
                        + sessionId
                        + " in this course. Open the list of sessions and choose one from"
                        + " there."));
  }

  /**
   * The session's encounters and ratings; writes one audit entry per student whose ratings are
   * read.
   */
  @Transactional
  public SessionPage session(LaunchedUser user, String token, long sessionId, String notice) {
    EncounterSession session = own(user, sessionId);
    Programme programme = schedules.programme(user.registrationId());
    OffsetDateTime now = OffsetDateTime.now(clock);
    Map<Long, ObservedRating> ratings = planning.ratings(sessionId);
    Map<Long, PlanningRepository.LinkMail> mail = planning.linkMail(sessionId);
    Map<Long, List<EncounterRater>> ratersByEncounter = new HashMap<>();
    for (EncounterRater r : planning.raters(sessionId)) {
      ratersByEncounter.computeIfAbsent(r.getEncounterId(), k -> new ArrayList<>()).add(r);
    }
    Map<Long, String> names = new HashMap<>();
    Map<String, List<SessionPage.EncounterView>> byStation = new TreeMap<>();
    Map<String, String> stationNames = new LinkedHashMap<>();
    Set<Long> studentsRead = new LinkedHashSet<>();
    int linkRaters = 0;
    int mailable = 0;
    long raterCount = 0;
    for (Encounter encounter : observed.encountersOf(sessionId)) {
      String student = studentName(session, encounter.getStudentId(), names);
      List<SessionPage.RaterView> raterViews = new ArrayList<>();
      for (EncounterRater rater : ratersByEncounter.getOrDefault(encounter.getId(), List.of())) {
        raterCount++;
        ObservedRating rating = ratings.get(rater.getId());
        boolean byLink = rater.ratesByLink();
        boolean expired = byLink && rating == null && !now.isBefore(rater.getLinkExpiresAt());
        if (byLink && rating == null) {
          linkRaters++;
          if (rater.getRaterEmail() != null && !expired) {
            mailable++;
          }
        }
        String state;
        String status;
        if (rating != null) {
          state = "rated";
          status =
              "Rated " + DAY.format(rating.getSubmittedAt().withOffsetSameInstant(ZoneOffset.UTC));
          studentsRead.add(encounter.getStudentId());
        } else if (expired) {
          state = "expired";
          status = "Link expired; replace the links to invite again";
        } else if (byLink) {
          state = "invited";
          status =
              "Invited; link until "
                  + DAY.format(rater.getLinkExpiresAt().withOffsetSameInstant(ZoneOffset.UTC));
        } else {
          state = "invited";
          status = "Invited; rates in the LMS (Ratings to give)";
        }
        raterViews.add(
            new SessionPage.RaterView(
                rater.getId(),
                rater.getRaterType().label(),
                raterName(rater),
                state,
                status,
                byLink && rating == null ? mailStatus(rater, mail.get(rater.getId())) : null,
                rating == null ? null : ratingView(rater, rating)));
      }
      String key = encounter.getStation().toLowerCase(Locale.ROOT);
      stationNames.putIfAbsent(key, encounter.getStation());
      byStation
          .computeIfAbsent(key, k -> new ArrayList<>())
          .add(
              new SessionPage.EncounterView(
                  encounter.getId(), student, moduleTitle(encounter.getModuleId()), raterViews));
    }
    List<SessionPage.Station> stations = new ArrayList<>();
    int index = 0;
    for (Map.Entry<String, List<SessionPage.EncounterView>> e : byStation.entrySet()) {
      List<SessionPage.EncounterView> list = new ArrayList<>(e.getValue());
      list.sort(Comparator.comparing(v -> v.student().toLowerCase(Locale.ROOT)));
      stations.add(
          new SessionPage.Station(stationNames.get(e.getKey()), "station-" + (++index), list));
    }
    for (long studentId : studentsRead) {
      audit.faculty(
          user.learnerId(),
          AuditAction.OBSERVED_RATINGS_VIEWED,
          user.registrationId(),
          studentId,
          "encounter session " + sessionId);
    }
    String base = "/app/faculty/observed/" + sessionId;
    return new SessionPage(
        nav(token),
        token,
        "/app/faculty/observed?s=" + token,
        session.getTitle(),
        session.getSetting().label(),
        DAY.format(session.getHeldOn()),
        stageLabel(programme, session.getStage()),
        session.isReleased(),
        session.isReleased()
            ? "Released to the students on "
                + MOMENT.format(session.getReleasedAt().withOffsetSameInstant(ZoneOffset.UTC))
                + releasedBy(session.getReleasedBy())
                + "."
            : "Not released: the students do not see these ratings yet.",
        observed.encountersOf(sessionId).size(),
        raterCount,
        ratings.size(),
        linkRaters,
        mailable,
        stations,
        base + "/sheet?s=" + token,
        base + "/mail?s=" + token,
        base + "/links?s=" + token,
        base + "/release?s=" + token,
        notice);
  }

  private SessionPage.RatingView ratingView(EncounterRater rater, ObservedRating rating) {
    Instrument form = forms.definition(rater.getForm());
    ScoreRange range = form.scoreRange();
    String note =
        switch (rating.getStatus()) {
          case COMPLETE -> null;
          case PRORATED ->
              "Some statements could not be judged; the total is prorated ("
                  + rating.getAnsweredCount()
                  + " of "
                  + rating.getItemCount()
                  + " answered).";
          case INCOMPLETE -> "Too few statements were judged for a score.";
          case GIVEN -> "Imported as a total.";
        };
    List<SessionPage.Domain> domains = new ArrayList<>();
    for (Subscale subscale : form.subscales()) {
      BigDecimal value = rating.getSubscales().get(subscale.id().value());
      if (value != null) {
        ScoreRange r = form.scoreRange(subscale.id());
        domains.add(
            new SessionPage.Domain(subscale.label(), number(value), r.min() + "–" + r.max()));
      }
    }
    return new SessionPage.RatingView(
        rating.getScoreValue() == null ? "—" : number(rating.getScoreValue()),
        range.min() + "–" + range.max(),
        note,
        domains,
        rating.getComment());
  }

  private String mailStatus(EncounterRater rater, PlanningRepository.LinkMail mail) {
    if (rater.getRaterEmail() == null) {
      return "No e-mail address: hand them the printed card.";
    }
    if (mail == null || mail.issue() != rater.getLinkIssue()) {
      return "Link not mailed yet.";
    }
    if (mail.sentAt() != null) {
      return "Link mailed "
          + MOMENT.format(mail.sentAt().withOffsetSameInstant(ZoneOffset.UTC))
          + ".";
    }
    if (mail.deadAt() != null) {
      return "The mail could not be delivered"
          + (mail.error() == null ? "" : " (" + mail.error() + ")")
          + ". Check the address, or hand them the printed card.";
    }
    return "Mail queued; it goes out shortly.";
  }

  // --- the sheet ----------------------------------------------------------------------------

  /** The printable cards of the session's link raters who have not rated; changes no link. */
  @Transactional
  public LinkSheetPage sheet(LaunchedUser user, String token, long sessionId, URI requestBase) {
    EncounterSession session = own(user, sessionId);
    String origin = settings.publicUrl(requestBase).toString();
    OffsetDateTime now = OffsetDateTime.now(clock);
    Map<Long, ObservedRating> ratings = planning.ratings(sessionId);
    Map<Long, Encounter> encounters = new HashMap<>();
    observed.encountersOf(sessionId).forEach(e -> encounters.put(e.getId(), e));
    Map<Long, String> names = new HashMap<>();
    List<LinkSheetPage.Card> cards = new ArrayList<>();
    int rated = 0;
    for (EncounterRater rater : planning.raters(sessionId)) {
      if (!rater.ratesByLink()) {
        continue;
      }
      if (ratings.containsKey(rater.getId())) {
        rated++;
        continue;
      }
      Encounter encounter = encounters.get(rater.getEncounterId());
      String student = studentName(session, encounter.getStudentId(), names);
      boolean expired = !now.isBefore(rater.getLinkExpiresAt());
      String url = origin + links.path(rater);
      cards.add(
          new LinkSheetPage.Card(
              student,
              encounter.getStation(),
              rater.getRaterName() == null ? "Standardized patient" : rater.getRaterName(),
              expired ? null : url,
              expired
                  ? null
                  : QrSvg.of(
                      url,
                      "QR code of the rating link for " + student + ", " + encounter.getStation()),
              DAY.format(rater.getLinkExpiresAt().withOffsetSameInstant(ZoneOffset.UTC)),
              expired));
    }
    cards.sort(
        Comparator.comparing((LinkSheetPage.Card c) -> c.station().toLowerCase(Locale.ROOT))
            .thenComparing(c -> c.student().toLowerCase(Locale.ROOT)));
    return new LinkSheetPage(
        nav(token),
        token,
        sessionHref(sessionId, token),
        session.getTitle(),
        session.getSetting().label(),
        DAY.format(session.getHeldOn()),
        cards,
        rated);
  }

  // --- actions ------------------------------------------------------------------------------

  /** The confirmation step of an action on a session. */
  @Transactional
  public ConfirmActionPage confirm(
      LaunchedUser user, String token, long sessionId, String action, Long raterOrNull) {
    EncounterSession session = own(user, sessionId);
    String base = "/app/faculty/observed/" + sessionId;
    return switch (action) {
      case "release" ->
          new ConfirmActionPage(
              nav(token),
              "Release the ratings?",
              session.getTitle(),
              "The students of this session will see the ratings they received, with comments and"
                  + " the kind of rater (never a rater's name). Ratings given later appear to them"
                  + " as they arrive. Release cannot be undone.",
              base + "/release?s=" + token,
              null,
              null,
              "Release the ratings",
              sessionHref(sessionId, token));
      case "links" ->
          new ConfirmActionPage(
              nav(token),
              raterOrNull == null ? "Replace the rating links?" : "Replace this rater's link?",
              session.getTitle(),
              "Every link of "
                  + (raterOrNull == null ? "the raters who have not rated yet" : "this rater")
                  + " stops working at once (it answers 'Link replaced') and a new link is made,"
                  + " valid for "
                  + links.validity().toDays()
                  + " days. Print the sheet again or mail the new links. Ratings already given"
                  + " are kept.",
              base + "/links?s=" + token,
              raterOrNull == null ? null : "rater",
              raterOrNull == null ? null : String.valueOf(raterOrNull),
              "Replace the links",
              sessionHref(sessionId, token));
      default -> throw new IllegalArgumentException(action);
    };
  }

  /** Releases the session's ratings to its students; a second release changes nothing. */
  @Transactional
  public void release(LaunchedUser user, long sessionId) {
    own(user, sessionId).release(by(user), OffsetDateTime.now(clock));
  }

  /**
   * Replaces the links of the session's link raters who have not rated (or of one of them): the old
   * links answer "replaced" from now on. Returns how many were replaced.
   */
  @Transactional
  public int replaceLinks(LaunchedUser user, long sessionId, Long raterOrNull) {
    EncounterSession session = own(user, sessionId);
    Map<Long, ObservedRating> ratings = planning.ratings(sessionId);
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime dayEnds =
        session.getHeldOn().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    OffsetDateTime until = (dayEnds.isAfter(now) ? dayEnds : now).plus(links.validity());
    int replaced = 0;
    boolean found = raterOrNull == null;
    for (EncounterRater rater : planning.raters(sessionId)) {
      if (raterOrNull != null && !raterOrNull.equals(rater.getId())) {
        continue;
      }
      found = true;
      if (rater.ratesByLink() && !ratings.containsKey(rater.getId())) {
        rater.reissueLink(until);
        replaced++;
      }
    }
    if (!found) {
      throw new NotFoundException(
          "There is no rater " + raterOrNull + " in this session. Open the session again.");
    }
    return replaced;
  }

  /** What mailing the links did. */
  public record Mailed(int queued, int alreadyQueued, int withoutAddress) {}

  /**
   * Queues one mail per link rater with an address who has not rated and whose link is valid, once
   * per link issue: mailing again after a mail went out queues nothing new.
   */
  @Transactional
  public Mailed mailLinks(LaunchedUser user, long sessionId, URI requestBase) {
    EncounterSession session = own(user, sessionId);
    String origin = settings.publicUrl(requestBase).toString();
    OffsetDateTime now = OffsetDateTime.now(clock);
    Map<Long, ObservedRating> ratings = planning.ratings(sessionId);
    Map<Long, Encounter> encounters = new HashMap<>();
    observed.encountersOf(sessionId).forEach(e -> encounters.put(e.getId(), e));
    Map<Long, String> names = new HashMap<>();
    record Letter(EncounterRater rater, String subject, String body) {}
    List<Letter> letters = new ArrayList<>();
    int withoutAddress = 0;
    for (EncounterRater rater : planning.raters(sessionId)) {
      if (!rater.ratesByLink()
          || ratings.containsKey(rater.getId())
          || !now.isBefore(rater.getLinkExpiresAt())) {
        continue;
      }
      if (rater.getRaterEmail() == null) {
        withoutAddress++;
        continue;
      }
      Encounter encounter = encounters.get(rater.getEncounterId());
      String student = studentName(session, encounter.getStudentId(), names);
      letters.add(
          new Letter(
              rater,
              "Please rate " + student + "'s conversation (" + encounter.getStation() + ")",
              linkMail(rater, session, encounter, student, origin + links.path(rater))));
    }
    int[] counts = new int[2];
    database.run(
        c -> {
          for (Letter letter : letters) {
            boolean queued =
                MailOutbox.enqueueLink(
                    c,
                    session.getRegistrationId(),
                    letter.rater().getId(),
                    letter.rater().getLinkIssue(),
                    letter.rater().getRaterEmail(),
                    letter.subject(),
                    letter.body(),
                    now.toInstant());
            counts[queued ? 0 : 1]++;
          }
          return null;
        });
    return new Mailed(counts[0], counts[1], withoutAddress);
  }

  /**
   * The mail of one link: who, what, when, the link and its end; nothing else about the student.
   */
  static String linkMail(
      EncounterRater rater,
      EncounterSession session,
      Encounter encounter,
      String student,
      String url) {
    String greeting =
        rater.getRaterName() == null ? "Hello," : "Hello " + rater.getRaterName() + ",";
    return greeting
        + "\n\n"
        + "thank you for taking part in "
        + session.getTitle()
        + " on "
        + DAY.format(session.getHeldOn())
        + ". You are asked to rate how the conversation with the student "
        + student
        + " felt from the patient's side ("
        + session.getSetting().label()
        + ": "
        + encounter.getStation()
        + ").\n\n"
        + "Open this link on your phone or computer; no account or sign-in is needed:\n\n"
        + url
        + "\n\n"
        + "The form takes about three minutes. The link is for this one conversation, can be used"
        + " once, and works until "
        + DAY.format(rater.getLinkExpiresAt().withOffsetSameInstant(ZoneOffset.UTC))
        + " (UTC). Please do not forward it. The student sees your answers and comment, but not"
        + " your name.\n\n"
        + "If the link does not work, or this mail reached the wrong person, please tell the"
        + " coordinator of the session.\n";
  }

  // --- helpers ------------------------------------------------------------------------------

  private long course(LaunchedUser user) {
    if (user.courseId() == null) {
      throw new NotFoundException(
          "Observed practice belongs to a course. Open Rapport from a course in your LMS.");
    }
    return user.courseId();
  }

  private String studentName(EncounterSession session, long studentId, Map<Long, String> cache) {
    return cache.computeIfAbsent(
        studentId,
        id -> {
          Optional<Student> student = students.find(id);
          return student
              .flatMap(s -> observed.nameOf(session.getRegistrationId(), s.getLmsSubject()))
              .orElseGet(() -> "Student " + student.map(Student::getPseudonym).orElse("?"));
        });
  }

  private String raterName(EncounterRater rater) {
    if (rater.getLearnerId() != null) {
      return planning.learner(rater.getLearnerId()).map(PlanCsv.Person::display).orElse("—");
    }
    String name = rater.getRaterName() == null ? "" : rater.getRaterName();
    String email = rater.getRaterEmail() == null ? "" : rater.getRaterEmail();
    if (name.isEmpty() && email.isEmpty()) {
      return "(no name given)";
    }
    return name.isEmpty() ? email : email.isEmpty() ? name : name + " (" + email + ")";
  }

  private String releasedBy(String by) {
    if (by != null && by.startsWith("learner ")) {
      try {
        return planning
            .learner(Long.parseLong(by.substring("learner ".length())))
            .map(p -> " by " + p.display())
            .orElse("");
      } catch (NumberFormatException e) {
        return "";
      }
    }
    return "";
  }

  private String moduleTitle(String moduleId) {
    if (moduleId == null) {
      return null;
    }
    return ModuleId.isValid(moduleId)
        ? modules.catalog().find(ModuleId.of(moduleId)).map(Module::title).orElse(moduleId)
        : moduleId;
  }

  private boolean moduleExists(String id) {
    return ModuleId.isValid(id) && modules.catalog().find(ModuleId.of(id)).isPresent();
  }

  private static String stageLabel(Programme programme, String code) {
    return code == null ? null : programme.stage(code).label();
  }

  private static Map<Long, PlanCsv.Person> byId(List<PlanCsv.Person> people) {
    Map<Long, PlanCsv.Person> map = new HashMap<>();
    people.forEach(p -> map.put(p.learnerId(), p));
    return map;
  }

  private static long parseId(String value) {
    if (value == null || !value.strip().matches("[1-9][0-9]{0,17}")) {
      return -1;
    }
    return Long.parseLong(value.strip());
  }

  private static String number(BigDecimal value) {
    return value.setScale(1, RoundingMode.HALF_UP).toPlainString();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  static String by(LaunchedUser user) {
    return "learner " + user.learnerId();
  }

  static String sessionHref(long id, String token) {
    return "/app/faculty/observed/" + id + "?s=" + token;
  }

  static Nav nav(String token) {
    return Nav.faculty(token, Nav.FacultyPage.OBSERVED);
  }
}
