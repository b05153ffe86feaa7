package org.rapport.lti.observed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rapport.curriculum.assessments.Answers;
import org.rapport.curriculum.assessments.Scorer;
import org.rapport.curriculum.assessments.ScoringResult;
import org.rapport.curriculum.assessments.ScoringStatus;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.lti.cohorts.Student;
import org.rapport.lti.cohorts.Students;
import org.rapport.lti.launch.LaunchedUser;
import org.rapport.lti.web.Nav;

/**
 * Rating an encounter: the form a rater fills in and the rating they send, through a one-time link
 * or inside the LMS. A rating is scored with its form's key and stored once; a second rating by the
 * same rater (the link used again, or two submissions racing) is refused.
 */
@ApplicationScoped
public class RatingSubmission {
  /** The longest comment kept. */
  public static final int COMMENT_LIMIT = 2000;

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

  @Inject ObservedRepository repository;
  @Inject RaterLinks links;
  @Inject RatingForms forms;
  @Inject Students students;
  @Inject Clock clock;

  /** What a rating leads to: the thank-you page, or the form again with what to put right. */
  public sealed interface Outcome permits Saved, Again {}

  /** The rating was stored. */
  public record Saved(RatingThanksPage page) implements Outcome {}

  /** The rating was not stored; the form shows why. */
  public record Again(RatingFormPage page) implements Outcome {}

  /** The form a one-time link opens. */
  @Transactional
  public RatingFormPage linkForm(String token) {
    EncounterRater rater = links.open(token);
    return form(rater, null, "/rate/" + token, null, "", List.of());
  }

  /** Stores the rating sent through a one-time link for {@code encounterId}. */
  @Transactional
  public Outcome rateByLink(
      String token, long encounterId, Map<String, List<String>> fields, String comment) {
    EncounterRater rater = links.open(token);
    if (rater.getEncounterId() != encounterId) {
      throw new RatingRefused(LinkRefusal.OTHER_ENCOUNTER);
    }
    return rate(rater, null, "/rate/" + token, fields, comment, null);
  }

  /** The form of a rating asked of a launched user. */
  @Transactional
  public RatingFormPage launchedForm(LaunchedUser user, long raterId, String sessionToken) {
    EncounterRater rater = askedOf(user, raterId);
    return form(
        rater, null, action(raterId, sessionToken), navFor(user, sessionToken), "", List.of());
  }

  /** Stores the rating of a launched user. */
  @Transactional
  public Outcome rateLaunched(
      LaunchedUser user,
      long raterId,
      Map<String, List<String>> fields,
      String comment,
      String sessionToken) {
    EncounterRater rater = askedOf(user, raterId);
    return rate(
        rater,
        navFor(user, sessionToken),
        action(raterId, sessionToken),
        fields,
        comment,
        "/app/ratings?s=" + sessionToken);
  }

  private EncounterRater askedOf(LaunchedUser user, long raterId) {
    EncounterRater rater =
        repository.rater(raterId).orElseThrow(() -> new RatingRefused(LinkRefusal.NOT_YOURS));
    EncounterSession session = sessionOf(rater);
    if (rater.getLearnerId() == null
        || rater.getLearnerId() != user.learnerId()
        || session.getRegistrationId() != user.registrationId()) {
      throw new RatingRefused(LinkRefusal.NOT_YOURS);
    }
    if (repository.ratingBy(raterId).isPresent()) {
      throw new RatingRefused(LinkRefusal.USED);
    }
    return rater;
  }

  private Outcome rate(
      EncounterRater rater,
      Nav nav,
      String action,
      Map<String, List<String>> fields,
      String commentText,
      String backHref) {
    Instrument definition = forms.definition(rater.getForm());
    RatingAnswers given = RatingAnswers.read(definition, fields);
    String comment = commentText == null ? "" : commentText.strip();
    List<String> problems = new ArrayList<>(given.problems());
    if (comment.length() > COMMENT_LIMIT) {
      problems.add(
          "The comment is "
              + comment.length()
              + " characters long; please shorten it to "
              + COMMENT_LIMIT
              + " or fewer.");
    }
    ScoringResult result = null;
    if (problems.isEmpty()) {
      result = Scorer.score(definition, Answers.of(definition, given.answers()));
      if (result.status() == ScoringStatus.INCOMPLETE) {
        problems.add(
            "Too many statements are marked \"Could not judge\" for the rating to count. "
                + RatingFormPage.skipRule(definition)
                + " Choose the closest answer for some of them.");
      }
    }
    if (!problems.isEmpty()) {
      return new Again(form(rater, given, action, nav, comment, problems));
    }
    try {
      repository.add(
          ObservedRating.scored(
              rater.getId(),
              definition,
              result,
              given.answers(),
              comment.isEmpty() ? null : comment,
              OffsetDateTime.now(clock)));
      repository.flush();
    } catch (PersistenceException racedWithAnotherSubmission) {
      throw new RatingRefused(LinkRefusal.USED);
    }
    return new Saved(new RatingThanksPage(nav, studentName(rater), backHref, rater.ratesByLink()));
  }

  private RatingFormPage form(
      EncounterRater rater,
      RatingAnswers given,
      String action,
      Nav nav,
      String comment,
      List<String> problems) {
    Instrument definition = forms.definition(rater.getForm());
    EncounterSession session = sessionOf(rater);
    Encounter encounter = repository.encounter(rater.getEncounterId()).orElseThrow();
    String context = context(session, encounter);
    return new RatingFormPage(
        nav,
        studentName(rater),
        context,
        rater.getRaterType().label(),
        definition.title(),
        definition.description().orElse(""),
        action,
        encounter.getId(),
        RatingFormPage.items(definition, given),
        scaleNote(definition),
        RatingFormPage.skipRule(definition),
        definition.commentPrompt().orElse("Anything you would like the student to know?"),
        comment,
        COMMENT_LIMIT,
        problems,
        rater.ratesByLink(),
        rater.ratesByLink()
            ? "This link works once and until "
                + DAY.format(rater.getLinkExpiresAt().withOffsetSameInstant(ZoneOffset.UTC))
                + " (UTC)."
            : null);
  }

  /** The ratings a launched user was asked for and has not given yet. */
  @Transactional
  public RatingsToGivePage toGive(LaunchedUser user, String sessionToken) {
    List<RatingsToGivePage.Row> rows = new ArrayList<>();
    for (EncounterRater rater : repository.pendingFor(user.registrationId(), user.learnerId())) {
      Encounter encounter = repository.encounter(rater.getEncounterId()).orElseThrow();
      rows.add(
          new RatingsToGivePage.Row(
              studentName(rater),
              context(sessionOf(rater), encounter),
              rater.getRaterType().label(),
              action(rater.getId(), sessionToken)));
    }
    return new RatingsToGivePage(navFor(user, sessionToken), rows);
  }

  /** Where and when an encounter took place, in one line. */
  static String context(EncounterSession session, Encounter encounter) {
    return session.getSetting().label()
        + ": "
        + encounter.getStation()
        + " · "
        + session.getTitle()
        + " · "
        + DAY.format(session.getHeldOn());
  }

  private EncounterSession sessionOf(EncounterRater rater) {
    Encounter encounter = repository.encounter(rater.getEncounterId()).orElseThrow();
    return repository.session(encounter.getSessionId()).orElseThrow();
  }

  /** The rated student's name as the LMS gave it, for the rater; never the other way round. */
  private String studentName(EncounterRater rater) {
    Encounter encounter = repository.encounter(rater.getEncounterId()).orElseThrow();
    EncounterSession session = repository.session(encounter.getSessionId()).orElseThrow();
    Student student = students.find(encounter.getStudentId()).orElseThrow();
    return repository
        .nameOf(session.getRegistrationId(), student.getLmsSubject())
        .orElse("Student " + student.getPseudonym());
  }

  private static String scaleNote(Instrument form) {
    return "For each statement, choose from "
        + form.scale().min()
        + " ("
        + form.scale().label(form.scale().min()).orElse("lowest")
        + ") to "
        + form.scale().max()
        + " ("
        + form.scale().label(form.scale().max()).orElse("highest")
        + ").";
  }

  /** The navigation of a launched rater: faculty's, or a peer's student pages. */
  static Nav navFor(LaunchedUser user, String sessionToken) {
    return user.isFaculty()
        ? Nav.faculty(sessionToken, Nav.FacultyPage.RATINGS)
        : Nav.student(sessionToken, Nav.StudentPage.HOME);
  }

  private static String action(long raterId, String sessionToken) {
    return "/app/ratings/" + raterId + "?s=" + sessionToken;
  }
}
