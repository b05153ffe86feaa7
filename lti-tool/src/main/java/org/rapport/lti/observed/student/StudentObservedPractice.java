package org.rapport.lti.observed.student;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.modules.TrainingPhase;
import org.rapport.lti.alerts.AlertVocabulary;
import org.rapport.lti.assessment.Trajectories;
import org.rapport.lti.assessment.Trajectory;
import org.rapport.lti.cohorts.Student;
import org.rapport.lti.cohorts.Students;
import org.rapport.lti.instruments.Instruments;
import org.rapport.lti.launch.LaunchedUser;
import org.rapport.lti.modules.ModuleLibrary;
import org.rapport.lti.modules.StudentPhase;
import org.rapport.lti.observed.Encounter;
import org.rapport.lti.observed.EncounterRater;
import org.rapport.lti.observed.EncounterSession;
import org.rapport.lti.observed.ObservedRating;
import org.rapport.lti.observed.ObservedRepository;
import org.rapport.lti.observed.RatingForms;
import org.rapport.lti.observed.SessionOrigin;
import org.rapport.lti.observed.student.ObservedPracticePage.ModuleLink;
import org.rapport.lti.web.Nav;

/**
 * The launched student's own observed practice, in their tenant only: the encounters whose ratings
 * are released (a session faculty released, or a peer rating the student asked for once it is
 * given), beside their own self-assessment. Nothing here is shown to anyone but the student; like
 * the self-assessment results page, reading one's own data is not written to the audit log (only
 * downloads are).
 */
@ApplicationScoped
public class StudentObservedPractice {
  @Inject StudentObservedRepository reads;
  @Inject ObservedRepository observed;
  @Inject RatingForms forms;
  @Inject Students students;
  @Inject Trajectories trajectories;
  @Inject ModuleLibrary library;
  @Inject Instruments instruments;
  @Inject StudentPhase phase;

  @Transactional
  public ObservedPracticePage page(LaunchedUser user, String token) {
    Nav nav = Nav.student(token, Nav.StudentPage.OBSERVED);
    Optional<Student> student =
        reads
            .subjectOf(user.registrationId(), user.learnerId())
            .flatMap(subject -> students.bySubject(user.registrationId(), subject));
    if (student.isEmpty()) {
      return ObservedPracticeView.build(nav, token, List.of(), List.of(), id -> List.of());
    }
    List<ObservedPracticeView.Rated> rated = released(user.registrationId(), student.get());
    List<Trajectory> self =
        student.get().hasConsented() ? trajectories.of(student.get().getId()) : List.of();
    return ObservedPracticeView.build(nav, token, rated, self, modulesFor(user, self, token));
  }

  /** How many ratings the launched user was asked for and has not given yet. */
  @Transactional
  public int ratingsToGive(LaunchedUser user) {
    return observed.pendingFor(user.registrationId(), user.learnerId()).size();
  }

  private List<ObservedPracticeView.Rated> released(long registrationId, Student student) {
    List<ObservedPracticeView.Rated> rated = new ArrayList<>();
    for (Encounter encounter : reads.encountersOf(student.getId())) {
      EncounterSession session = observed.session(encounter.getSessionId()).orElse(null);
      if (session == null || session.getRegistrationId() != registrationId) {
        continue;
      }
      boolean peerRequest = session.getOrigin() == SessionOrigin.PEER_REQUEST;
      if (!session.isReleased() && !peerRequest) {
        continue;
      }
      List<ObservedPracticeView.Given> given = new ArrayList<>();
      for (EncounterRater rater : observed.ratersOf(encounter.getId())) {
        Optional<ObservedRating> rating = observed.ratingBy(rater.getId());
        if (rating.isEmpty()) {
          continue;
        }
        given.add(
            new ObservedPracticeView.Given(
                rater.getRaterType(),
                forms.definition(rater.getForm()),
                rating.get().getScoreValue(),
                rating.get().getSubscales(),
                rating.get().getComment()));
      }
      if (peerRequest && given.isEmpty()) {
        continue; // a peer request is released once it is rated
      }
      rated.add(
          new ObservedPracticeView.Rated(
              session.getHeldOn(),
              stageLabel(session.getStage()),
              session.getSetting().label(),
              encounter.getStation(),
              session.getTitle(),
              given));
    }
    return rated;
  }

  /** The modules for a layer, chosen as the self-assessment results page chooses them. */
  private Function<String, List<ModuleLink>> modulesFor(
      LaunchedUser user, List<Trajectory> self, String token) {
    Trajectory latest = Trajectory.latest(self);
    TrainingPhase stage =
        phase
            .of(user)
            .orElse(
                latest == null
                    ? TrainingPhase.PRE_CLINICAL
                    : latest.points().get(latest.points().size() - 1).stage().phaseAfter());
    AlertVocabulary words = new AlertVocabulary(library.catalog(), instruments.catalog());
    return subscale ->
        words.recommended(subscale, stage).stream()
            .map(id -> new ModuleLink(words.moduleTitle(id), "/app/modules/" + id + "?s=" + token))
            .toList();
  }

  private static String stageLabel(String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    return TrainingStage.parse(code).map(TrainingStage::label).orElse(code);
  }
}
