package org.rapport.lti.cohorts;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.curriculum.cohorts.ScheduleTemplate;
import org.rapport.curriculum.cohorts.ScheduledStage;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.lti.admin.CurrentAdmin;
import org.rapport.lti.instruments.Instruments;
import org.rapport.lti.registration.RegistrationRepository;
import org.rapport.lti.security.Roles;
import org.rapport.lti.web.InvalidRequestException;
import org.rapport.lti.web.MissingException;

/**
 * A tenant's schedule template, which creates the waves of every new cohort. Administrators only.
 */
@Path("api/admin/registrations/{registrationId: [0-9]+}/schedule-template")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cohorts and waves", description = "Cohorts, waves and schedule templates")
public class ScheduleTemplateResource {
  @Inject Schedules schedules;
  @Inject Instruments instruments;
  @Inject RegistrationRepository registrations;
  @Context ContainerRequestContext request;

  @GET
  @Operation(summary = "The tenant's schedule template (Rapport's standard one until set)")
  public ScheduleTemplateView get(@PathParam("registrationId") long registrationId) {
    requireRegistration(registrations, registrationId);
    return ScheduleTemplateView.of(registrationId, schedules.forTenant(registrationId));
  }

  @PUT
  @Operation(
      summary =
          "Replace the tenant's schedule template, which also names the institution's programme:"
              + " its stages in training order (any codes, names and number; Rapport's standard"
              + " stages need no names). Applies to cohorts created afterwards. anchor is the"
              + " matriculation day as MM-DD")
  public ScheduleTemplateView put(
      @PathParam("registrationId") long registrationId, ScheduleTemplateView proposed) {
    requireRegistration(registrations, registrationId);
    if (proposed == null) {
      throw new InvalidRequestException(List.of("Send the schedule template as a JSON object."));
    }
    ScheduleTemplate template = validate(proposed, instruments);
    return ScheduleTemplateView.of(
        registrationId, schedules.replace(registrationId, template, CurrentAdmin.of(request)));
  }

  /** Checks a proposed template, throwing 400 or 409 with every problem. */
  static ScheduleTemplate validate(ScheduleTemplateView proposed, Instruments instruments) {
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

  static void requireRegistration(RegistrationRepository registrations, long id) {
    if (registrations.find(id).isEmpty()) {
      throw new MissingException("There is no registration (tenant) with id " + id + ".");
    }
  }
}
