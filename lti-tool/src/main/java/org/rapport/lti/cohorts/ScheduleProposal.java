package org.rapport.lti.cohorts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rapport.curriculum.cohorts.ScheduleTemplate;
import org.rapport.curriculum.cohorts.ScheduledStage;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.lti.instruments.Instruments;

/**
 * Reads a schedule template an administrator proposes (JSON API or page) into the template Rapport
 * stores, with every problem at once: the anchor day, each stage, the installed instruments, and
 * the order of the stages once each is valid.
 */
@ApplicationScoped
public class ScheduleProposal {
  @Inject Instruments instruments;

  /**
   * The template an administrator proposes.
   *
   * @throws org.rapport.lti.web.InvalidRequestException with every problem (or {@link
   *     org.rapport.lti.web.ConflictException} when the only problem is an instrument that cannot
   *     be scheduled)
   */
  public ScheduleTemplate template(ScheduleTemplateView proposed) {
    RequestProblems problems = new RequestProblems();
    MonthDay anchor = null;
    String anchorText = proposed.anchor() == null ? "" : proposed.anchor().strip();
    try {
      anchor = MonthDay.parse("--" + anchorText);
    } catch (DateTimeException e) {
      problems.add(
          "anchor: '"
              + anchorText
              + "' is not a month and day; write the matriculation day as MM-DD, e.g. 08-01.");
    }
    List<ScheduledStage> stages = new ArrayList<>();
    List<ScheduleTemplateView.StageView> given =
        proposed.stages() == null ? List.of() : proposed.stages();
    for (int i = 0; i < given.size(); i++) {
      ScheduleTemplateView.StageView s = given.get(i);
      String field = "stages[" + i + "]";
      if (s == null) {
        problems.add(field + ": give the stage as an object.");
        continue;
      }
      Optional<TrainingStage> stage = StageDefinition.read(problems, field, s);
      Optional<Integer> offset =
          problems.between(
              field + ".offsetMonths",
              s.offsetMonths(),
              0,
              ScheduledStage.MAX_OFFSET_MONTHS,
              "months");
      Optional<Integer> window =
          problems.between(
              field + ".windowDays", s.windowDays(), 1, ScheduledStage.MAX_WINDOW_DAYS, "days");
      Optional<InstrumentRef> instrument =
          problems.instrument(instruments, field + ".instrument", s.instrument(), s.version());
      if (stage.isPresent() && offset.isPresent() && window.isPresent() && instrument.isPresent()) {
        stages.add(new ScheduledStage(stage.get(), offset.get(), window.get(), instrument.get()));
      }
    }
    if (problems.isEmpty()) {
      ScheduleTemplate.problems(stages).forEach(p -> problems.add("stages: " + p + "."));
    }
    problems.throwIfAny();
    return new ScheduleTemplate(anchor, stages);
  }
}
