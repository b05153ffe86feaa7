package org.rapport.lti.cohorts;

import jakarta.validation.Valid;
import java.util.List;
import org.rapport.curriculum.cohorts.ScheduleTemplate;
import org.rapport.curriculum.cohorts.ScheduledStage;
import org.rapport.lti.web.Between;

/**
 * A tenant's schedule template as the admin API shows and accepts it. What it accepts is checked
 * with these constraints; whether the instruments are installed and the stages are in training
 * order afterwards ({@link ScheduleProposal}), every problem at once.
 */
@TemplateChecks.EveryStageGiven
public record ScheduleTemplateView(
    Long registrationId,
    boolean custom,
    @TemplateChecks.MatriculationDay String anchor,
    String updatedAt,
    String updatedBy,
    @Valid List<StageView> stages) {

  /**
   * One stage line, in training order: the stage's code, the names people read (a standard stage's
   * names when left out), the phase of training that follows its wave ({@code pre-clinical}, {@code
   * clerkship}, {@code final-year} or {@code residency}: it chooses the modules that suit the
   * cohort), and its wave, which opens {@code offsetMonths} after the anchor day, for {@code
   * windowDays}.
   */
  @TemplateChecks.DefinedStage
  public record StageView(
      String stage,
      String stageLabel,
      String stageShortLabel,
      String phase,
      @Between(min = 0, max = ScheduledStage.MAX_OFFSET_MONTHS, unit = "months")
          Integer offsetMonths,
      @Between(min = 1, max = ScheduledStage.MAX_WINDOW_DAYS, unit = "days") Integer windowDays,
      String instrument,
      Integer version) {}

  public static ScheduleTemplateView of(long registrationId, Schedules.TenantSchedule s) {
    ScheduleTemplate t = s.template();
    return new ScheduleTemplateView(
        registrationId,
        s.custom(),
        String.format("%02d-%02d", t.anchor().getMonthValue(), t.anchor().getDayOfMonth()),
        s.updatedAt() == null ? null : s.updatedAt().toString(),
        s.updatedBy(),
        t.stages().stream()
            .map(
                st ->
                    new StageView(
                        st.stage().code(),
                        st.stage().label(),
                        st.stage().shortLabel(),
                        st.stage().phaseAfter().yamlName(),
                        st.offsetMonths(),
                        st.windowDays(),
                        st.instrument().id().value(),
                        st.instrument().version()))
            .toList());
  }
}
