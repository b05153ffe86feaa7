package org.rapport.lti.modules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.modules.TrainingPhase;
import org.rapport.lti.cohorts.Student;
import org.rapport.lti.cohorts.Students;
import org.rapport.lti.cohorts.Waves;
import org.rapport.lti.launch.LaunchedUser;
import org.rapport.lti.launch.Learner;
import org.rapport.lti.settings.RapportSettings;

/**
 * Where a student is in training, as far as Rapport knows: from the cohort they belong to and the
 * latest of its waves that has opened. Unknown for faculty, for a learner not (yet) placed in a
 * cohort and for a cohort none of whose waves has opened.
 */
@ApplicationScoped
public class StudentPhase {
  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Inject Students students;
  @Inject Waves waves;
  @Inject RapportSettings settings;

  @Transactional
  public Optional<TrainingPhase> of(LaunchedUser user) {
    if (user.isFaculty()) {
      return Optional.empty();
    }
    Learner learner = em.find(Learner.class, user.learnerId());
    if (learner == null) {
      return Optional.empty();
    }
    LocalDate today = settings.today();
    return students
        .bySubject(user.registrationId(), learner.getSubject())
        .map(Student::getCohortId)
        .flatMap(
            cohortId ->
                waves.all(cohortId).stream()
                    .filter(w -> w.window().map(win -> !win.opens().isAfter(today)).orElse(false))
                    .map(waves::stage)
                    .max(Comparator.naturalOrder()))
        .map(TrainingStage::phaseAfter);
  }
}
