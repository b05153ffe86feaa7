package org.rapport.lti.cohorts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rapport.curriculum.cohorts.ScheduleTemplate;
import org.rapport.curriculum.cohorts.ScheduledStage;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.lti.instruments.Instruments;
import org.rapport.lti.web.BodyProblems;
import org.rapport.lti.web.RequestChecks;

/**
 * Reads a schedule template an administrator proposes (JSON API or page) into the template Rapport
 * stores, with every problem at once: the anchor day, each stage, the installed instruments, and
 * the order of the stages once each is valid.
 */
@ApplicationScoped
public class ScheduleProposal {
  @Inject Instruments instruments;
  @Inject RequestChecks checks;

  /**
   * The template an administrator proposes.
   *
   * @throws org.rapport.lti.web.InvalidRequestException with every problem (or {@link
   *     org.rapport.lti.web.ConflictException} when the only problem is an instrument that cannot
   *     be scheduled)
   */
  public ScheduleTemplate template(ScheduleTemplateView proposed) {
    BodyProblems problems = checks.of(proposed);
    List<ScheduleTemplateView.StageView> given =
        proposed.stages() == null ? List.of() : proposed.stages();
    List<Optional<InstrumentRef>> chosen = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      ScheduleTemplateView.StageView s = given.get(i);
      chosen.add(
          s == null
              ? Optional.empty()
              : InstrumentChoice.check(
                  instruments,
                  problems,
                  "stages[" + i + "].instrument",
                  s.instrument(),
                  s.version()));
    }
    problems.throwIfAny();
    List<ScheduledStage> stages = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      ScheduleTemplateView.StageView s = given.get(i);
      TrainingStage stage =
          StageDefinition.read(
                  (field, whatToDo) -> {
                    throw new IllegalStateException("a checked stage has a problem: " + whatToDo);
                  },
                  s)
              .orElseThrow();
      stages.add(new ScheduledStage(stage, s.offsetMonths(), s.windowDays(), chosen.get(i).get()));
    }
    ScheduleTemplate.problems(stages).forEach(p -> problems.add("stages", p + "."));
    problems.throwIfAny();
    return new ScheduleTemplate(TemplateChecks.day(proposed.anchor()), stages);
  }
}
