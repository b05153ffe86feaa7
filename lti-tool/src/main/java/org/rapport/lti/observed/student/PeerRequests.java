package org.rapport.lti.observed.student;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rapport.curriculum.instruments.RaterType;
import org.rapport.curriculum.modules.Module;
import org.rapport.curriculum.modules.ModuleId;
import org.rapport.curriculum.modules.PracticeStep;
import org.rapport.curriculum.modules.Step;
import org.rapport.lti.cohorts.Students;
import org.rapport.lti.launch.LaunchedUser;
import org.rapport.lti.modules.ModuleLibrary;
import org.rapport.lti.modules.ModulePlayer;
import org.rapport.lti.observed.EncounterPlanning;
import org.rapport.lti.observed.EncounterPlanning.PlannedEncounter;
import org.rapport.lti.observed.EncounterPlanning.PlannedRater;
import org.rapport.lti.observed.EncounterPlanning.SessionPlan;
import org.rapport.lti.observed.EncounterSetting;
import org.rapport.lti.observed.SessionOrigin;
import org.rapport.lti.web.Nav;

/**
 * A student asks a classmate to rate a practice step they submitted: an encounter session of origin
 * {@link SessionOrigin#PEER_REQUEST} in the launch's course, setting peer role-play, dated today,
 * with one encounter (station: the module's and the step's titles, the module's id) and one peer
 * rater, the classmate, who rates inside the LMS under Ratings to give. It has no training stage,
 * so it counts only for the student, never in cohort figures; the student sees the rating (without
 * the classmate's name) as soon as it is given.
 *
 * <p>The classmate must be an active student of the same course, not the student; at most {@link
 * #OPEN_LIMIT} requests for one practice may wait for a rating at a time, and one classmate is
 * asked once until they have rated.
 */
@ApplicationScoped
public class PeerRequests {
  /** Requests for one practice that may wait for a rating at the same time. */
  static final int OPEN_LIMIT = 3;

  private static final int TEXT_LIMIT = 200;

  @Inject ModuleLibrary library;
  @Inject ModulePlayer player;
  @Inject StudentObservedRepository reads;
  @Inject EncounterPlanning planning;
  @Inject Students students;
  @Inject Clock clock;

  /** What a request produced: sent, or the form again with the reason. */
  public record Outcome(boolean sent, PeerRequestPage page) {}

  /** The form for asking a classmate about {@code stepId} of {@code moduleId}. */
  @Transactional
  public PeerRequestPage form(
      LaunchedUser user, String moduleId, String stepId, boolean sent, String token) {
    Practice practice = practice(user, moduleId, stepId);
    return page(user, practice, token, null, null, sent);
  }

  /** Asks {@code classmate} (a learner id as the form sent it) to rate the practice. */
  @Transactional
  public Outcome ask(
      LaunchedUser user, String moduleId, String stepId, String classmate, String token) {
    Practice practice = practice(user, moduleId, stepId);
    List<StudentObservedRepository.Classmate> classmates =
        reads.classmates(user.courseId(), user.learnerId());
    Long chosen = number(classmate);
    if (chosen == null) {
      return again(user, practice, token, classmate, "Choose the classmate to ask.");
    }
    if (chosen == user.learnerId()) {
      return again(
          user,
          practice,
          token,
          classmate,
          "You cannot rate your own practice; choose a classmate.");
    }
    if (classmates.stream().noneMatch(c -> c.learnerId() == chosen)) {
      return again(
          user,
          practice,
          token,
          classmate,
          "That person is not a student of this course; choose a classmate from the list.");
    }
    String station = station(practice);
    long studentId = planning.studentFor(user.registrationId(), subject(user));
    List<Long> open = reads.openPeerRequests(studentId, practice.module().id().value(), station);
    if (open.contains(chosen)) {
      return again(
          user,
          practice,
          token,
          classmate,
          "You have already asked this classmate to rate this practice, and they have not rated"
              + " it yet. Choose someone else, or wait for their rating.");
    }
    if (open.size() >= OPEN_LIMIT) {
      return again(
          user,
          practice,
          token,
          classmate,
          "You have already asked "
              + OPEN_LIMIT
              + " classmates to rate this practice. Once one of them has rated it, you can ask"
              + " someone else.");
    }
    planning.create(
        new SessionPlan(
            user.registrationId(),
            user.courseId(),
            cut("Peer role-play: " + practice.module().title()),
            EncounterSetting.PEER_ROLE_PLAY,
            LocalDate.now(clock),
            null,
            SessionOrigin.PEER_REQUEST,
            "learner:" + user.learnerId()),
        List.of(
            new PlannedEncounter(
                studentId,
                station,
                practice.module().id().value(),
                List.of(new PlannedRater(RaterType.PEER, chosen, null, null)))));
    return new Outcome(true, null);
  }

  private record Practice(Module module, Step step) {}

  private Practice practice(LaunchedUser user, String moduleId, String stepId) {
    if (user.courseId() == null) {
      throw new PeerRequestRefused(
          400,
          "Open Rapport from your course",
          "Asking a classmate needs a course: open Rapport from your course in the LMS.");
    }
    Optional<Module> module = Optional.empty();
    try {
      module = library.catalog().find(ModuleId.of(moduleId == null ? "" : moduleId.trim()));
    } catch (RuntimeException notAModuleId) {
      // answered below
    }
    Optional<Step> step =
        module
            .flatMap(m -> m.step(stepId == null ? "" : stepId.trim()))
            .filter(PracticeStep.class::isInstance);
    if (step.isEmpty()) {
      throw new PeerRequestRefused(
          404,
          "Practice step not found",
          "There is no practice step with this address. Open the module and choose the practice"
              + " step you want a classmate to rate.");
    }
    if (!player.state(user, module.get()).done().contains(step.get().id())) {
      throw new PeerRequestRefused(
          409,
          "Save your practice first",
          "Save your answer to this practice step first; then you can ask a classmate to rate"
              + " it.");
    }
    return new Practice(module.get(), step.get());
  }

  private Outcome again(
      LaunchedUser user, Practice practice, String token, String chosen, String problem) {
    return new Outcome(false, page(user, practice, token, chosen, problem, false));
  }

  private PeerRequestPage page(
      LaunchedUser user,
      Practice practice,
      String token,
      String chosen,
      String problem,
      boolean sent) {
    List<PeerRequestPage.Classmate> classmates = new ArrayList<>();
    for (StudentObservedRepository.Classmate c :
        reads.classmates(user.courseId(), user.learnerId())) {
      String id = String.valueOf(c.learnerId());
      classmates.add(new PeerRequestPage.Classmate(id, c.name(), id.equals(chosen)));
    }
    int open =
        reads
            .subjectOf(user.registrationId(), user.learnerId())
            .flatMap(subject -> students.bySubject(user.registrationId(), subject))
            .map(
                student ->
                    reads
                        .openPeerRequests(
                            student.getId(), practice.module().id().value(), station(practice))
                        .size())
            .orElse(0);
    String module = practice.module().id().value();
    String step = practice.step().id();
    return new PeerRequestPage(
        Nav.student(token, Nav.StudentPage.MODULES),
        token,
        practice.module().title(),
        practice.step().title(),
        module,
        step,
        "/app/observed/peer-request?s=" + token,
        "/app/modules/" + module + "/steps/" + step + "?s=" + token,
        "/app/observed?s=" + token,
        classmates,
        open,
        OPEN_LIMIT,
        open >= OPEN_LIMIT,
        problem,
        sent);
  }

  private String subject(LaunchedUser user) {
    return reads
        .subjectOf(user.registrationId(), user.learnerId())
        .orElseThrow(() -> new IllegalStateException("launched learner without a subject"));
  }

  static String station(Practice practice) {
    return cut(practice.module().title() + " · " + practice.step().title());
  }

  private static String cut(String text) {
    return text.length() <= TEXT_LIMIT ? text : text.substring(0, TEXT_LIMIT - 1) + "…";
  }

  private static Long number(String value) {
    if (value == null || !value.trim().matches("[1-9][0-9]{0,17}")) {
      return null;
    }
    return Long.parseLong(value.trim());
  }
}
