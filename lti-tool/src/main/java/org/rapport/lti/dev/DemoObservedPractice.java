package org.rapport.lti.dev;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.rapport.curriculum.assessments.Answers;
import org.rapport.curriculum.assessments.Scorer;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.Item;
import org.rapport.curriculum.instruments.RaterType;
import org.rapport.lti.observed.EncounterPlanning;
import org.rapport.lti.observed.EncounterRater;
import org.rapport.lti.observed.EncounterSession;
import org.rapport.lti.observed.EncounterSetting;
import org.rapport.lti.observed.ObservedRating;
import org.rapport.lti.observed.ObservedRepository;
import org.rapport.lti.observed.RatingForms;
import org.rapport.lti.observed.SessionOrigin;

/**
 * The demo course's observed practice: an OSCE day ten days ago with two communication stations,
 * every student of the course rated by a standardized patient at each, released to the students.
 * Two ratings are left to give, so that the demo can be tried from both sides: the demo student's
 * second station (its standardized patient's one-time link is on the session's link sheet) and the
 * demo instructor's own rating of the demo student's first station ("Ratings to give").
 */
@ApplicationScoped
public class DemoObservedPractice {
  static final String TITLE = "OSCE day: communication stations (demo)";
  static final List<String> STATIONS =
      List.of("Breaking difficult news", "Explaining a new medicine");

  private static final List<String> COMMENTS =
      List.of(
          "You let me finish before asking your questions, and I felt listened to.",
          "I would have liked you to check what I already knew before you explained.",
          "You noticed I was worried and said so; that helped me relax.",
          "The plan was clear, but I was not asked what I thought of it.",
          "Warm and unhurried. Try summarising what I said before moving on.");

  @Inject EncounterPlanning planning;
  @Inject ObservedRepository repository;
  @Inject RatingForms forms;
  @Inject Clock clock;

  /**
   * Plans and rates the demo OSCE day in the demo course for the students with {@code subjects}
   * (the demo student first); the instructor ({@code instructorLearnerId}) is asked for one rating.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void seed(
      long registrationId,
      long courseId,
      long instructorLearnerId,
      List<String> subjects,
      LocalDate today) {
    List<EncounterPlanning.PlannedEncounter> planned = new ArrayList<>();
    long demoStudent = planning.studentFor(registrationId, subjects.get(0));
    for (int s = 0; s < subjects.size(); s++) {
      long student = planning.studentFor(registrationId, subjects.get(s));
      for (int station = 0; station < STATIONS.size(); station++) {
        List<EncounterPlanning.PlannedRater> raters = new ArrayList<>();
        raters.add(
            new EncounterPlanning.PlannedRater(
                RaterType.PATIENT, null, "Demo standardized patient " + (station + 1), null));
        if (s == 0 && station == 0) {
          raters.add(
              new EncounterPlanning.PlannedRater(
                  RaterType.FACULTY, instructorLearnerId, null, null));
        }
        planned.add(
            new EncounterPlanning.PlannedEncounter(student, STATIONS.get(station), null, raters));
      }
    }
    EncounterSession session =
        planning.create(
            new EncounterPlanning.SessionPlan(
                registrationId,
                courseId,
                TITLE,
                EncounterSetting.OSCE_STATION,
                today.minusDays(10),
                DemoResults.OPEN_STAGE.code(),
                SessionOrigin.PLANNED,
                DemoSeeding.ACTOR),
            planned);
    Random random = new Random(DemoResults.SEED);
    Instrument form = forms.definition(forms.formFor(RaterType.PATIENT));
    OffsetDateTime now = OffsetDateTime.now(clock);
    var encounters = repository.encountersOf(session.getId());
    for (var encounter : encounters) {
      boolean demosSecondStation =
          encounter.getStudentId() == demoStudent && encounter.getStation().equals(STATIONS.get(1));
      if (demosSecondStation) {
        continue;
      }
      double level = 3.4 + random.nextGaussian() * 0.6;
      for (EncounterRater rater : repository.ratersOf(encounter.getId())) {
        if (rater.getRaterType() != RaterType.PATIENT) {
          continue;
        }
        Map<Integer, Integer> answers = answers(form, level, random);
        String comment =
            random.nextInt(3) == 0 ? COMMENTS.get(random.nextInt(COMMENTS.size())) : null;
        repository.add(
            ObservedRating.scored(
                rater.getId(),
                form,
                Scorer.score(form, Answers.of(form, answers)),
                answers,
                comment,
                now));
      }
    }
    session.release(DemoSeeding.ACTOR, now);
  }

  private static Map<Integer, Integer> answers(Instrument form, double level, Random random) {
    Map<Integer, Integer> answers = new LinkedHashMap<>();
    for (Item item : form.items()) {
      long point = Math.round(level + random.nextGaussian() * 0.7);
      answers.put(
          item.number(), (int) Math.max(form.scale().min(), Math.min(form.scale().max(), point)));
    }
    return answers;
  }
}
