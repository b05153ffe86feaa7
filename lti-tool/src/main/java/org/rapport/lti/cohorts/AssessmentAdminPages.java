package org.rapport.lti.cohorts;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.curriculum.cohorts.ScheduledStage;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.modules.TrainingPhase;
import org.rapport.lti.admin.CurrentAdmin;
import org.rapport.lti.security.Roles;
import org.rapport.lti.web.ConflictException;
import org.rapport.lti.web.FieldProblems;
import org.rapport.lti.web.InvalidRequestException;
import org.rapport.lti.web.Pages;

/**
 * Admin pages for the self-assessment: the installed instruments (and why one cannot be scheduled),
 * and per tenant its schedule template, cohorts and waves. Forms post here and use the same checks
 * as the JSON API; problems are listed on the page.
 */
@Path("admin/assessments")
@RolesAllowed(Roles.ADMINISTRATOR)
@Produces(MediaType.TEXT_HTML)
public class AssessmentAdminPages {
  @Inject Pages pages;
  @Inject TenantAssessments assessments;
  @Context ContainerRequestContext request;

  @GET
  @Operation(hidden = true)
  public String overview() {
    TenantAssessments.Overview overview = assessments.overview();
    List<AssessmentsOverviewPage.TenantRow> tenants =
        overview.tenants().stream()
            .map(
                t ->
                    new AssessmentsOverviewPage.TenantRow(
                        t.registration().getId(),
                        t.registration().getName(),
                        t.cohorts(),
                        t.custom()))
            .toList();
    return pages.render(
        "admin-assessments",
        "Self-assessment",
        new AssessmentsOverviewPage(
            instrumentRows(overview.instruments()), tenants, tenants.isEmpty()));
  }

  @GET
  @Path("{registrationId: [0-9]+}")
  @Operation(hidden = true)
  public Response tenant(@PathParam("registrationId") long registrationId) {
    return tenantPage(registrationId, 200, List.of(), null);
  }

  @POST
  @Path("{registrationId: [0-9]+}/template")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response saveTemplate(
      @PathParam("registrationId") long registrationId, MultivaluedMap<String, String> form) {
    List<ScheduleTemplateView.StageView> stages = new ArrayList<>();
    for (int i = 0; i < MAX_STAGE_ROWS && form.containsKey(rowKey(i) + "_code"); i++) {
      String key = rowKey(i);
      if (!"on".equals(form.getFirst(key + "_include"))) {
        continue;
      }
      String[] instrument = splitInstrument(form.getFirst(key + "_instrument"));
      stages.add(
          new ScheduleTemplateView.StageView(
              form.getFirst(key + "_code"),
              form.getFirst(key + "_label"),
              null,
              form.getFirst(key + "_phase"),
              integer(form.getFirst(key + "_offset")),
              integer(form.getFirst(key + "_window")),
              instrument[0],
              instrument[1] == null ? null : integer(instrument[1])));
    }
    // The page lists stages as rows; their waves' opening months give the training order.
    stages.sort(
        Comparator.comparing(
            (ScheduleTemplateView.StageView s) -> s.offsetMonths(),
            Comparator.nullsLast(Comparator.naturalOrder())));
    ScheduleTemplateView proposed =
        new ScheduleTemplateView(registrationId, true, form.getFirst("anchor"), null, null, stages);
    try {
      assessments.replaceSchedule(registrationId, proposed, CurrentAdmin.of(request));
    } catch (InvalidRequestException e) {
      return tenantPage(registrationId, 400, e.problems(), null);
    } catch (ConflictException e) {
      return tenantPage(registrationId, 409, e.problems(), null);
    }
    return tenantPage(
        registrationId, 200, List.of(), "Schedule saved. New cohorts get their waves from it.");
  }

  @POST
  @Path("{registrationId: [0-9]+}/cohorts")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response addCohort(
      @PathParam("registrationId") long registrationId, MultivaluedMap<String, String> form) {
    try {
      Cohort created =
          assessments.addCohort(registrationId, form.getFirst("year"), form.getFirst("label"));
      return tenantPage(
          registrationId,
          200,
          List.of(),
          "Cohort " + created.getLabel() + " created with the waves of the schedule.");
    } catch (InvalidRequestException e) {
      return tenantPage(registrationId, 400, e.problems(), null);
    } catch (ConflictException e) {
      return tenantPage(registrationId, 409, e.problems(), null);
    }
  }

  @POST
  @Path("waves/{waveId: [0-9]+}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response changeWave(
      @PathParam("waveId") long waveId, MultivaluedMap<String, String> form) {
    String[] instrument = splitInstrument(form.getFirst("instrument"));
    WaveRequestView change =
        new WaveRequestView(
            null,
            form.getFirst("opens"),
            form.getFirst("closes"),
            instrument[0],
            instrument[1] == null ? null : integer(instrument[1]));
    long registrationId = assessments.tenantOfWave(waveId);
    try {
      TrainingStage stage = assessments.changeWave(waveId, change);
      return tenantPage(registrationId, 200, List.of(), "Wave " + stage.label() + " saved.");
    } catch (InvalidRequestException e) {
      return tenantPage(registrationId, 400, e.problems(), null);
    } catch (ConflictException e) {
      return tenantPage(registrationId, 409, e.problems(), null);
    }
  }

  @POST
  @Path("{registrationId: [0-9]+}/waves")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response saveWaves(
      @PathParam("registrationId") long registrationId, MultivaluedMap<String, String> form) {
    java.util.Map<Long, WaveRequestView> changes = new java.util.LinkedHashMap<>();
    for (String key : form.keySet()) {
      java.util.regex.Matcher row = WAVE_FIELD.matcher(key);
      if (!row.matches() || !row.group(2).equals("opens")) {
        continue;
      }
      long id = Long.parseLong(row.group(1));
      String[] instrument = splitInstrument(form.getFirst("w" + id + "_instrument"));
      changes.put(
          id,
          new WaveRequestView(
              null,
              form.getFirst("w" + id + "_opens"),
              form.getFirst("w" + id + "_closes"),
              instrument[0],
              instrument[1] == null ? null : integer(instrument[1])));
    }
    int status;
    List<String> problems;
    try {
      int changed = assessments.changeWaves(registrationId, changes);
      return tenantPage(
          registrationId,
          200,
          List.of(),
          changed == 1 ? "1 wave saved." : changed + " waves saved.",
          null,
          FieldProblems.none());
    } catch (InvalidRequestException e) {
      status = 400;
      problems = e.problems();
    } catch (ConflictException e) {
      status = 409;
      problems = e.problems();
    }
    FieldProblems byField = new FieldProblems(problems);
    java.util.Set<String> fields = new java.util.HashSet<>();
    for (Long id : changes.keySet()) {
      for (String f : List.of("opens", "closes", "instrument", "version")) {
        fields.add("wave" + id + "." + f);
      }
      fields.add("wave" + id);
    }
    return tenantPage(
        registrationId,
        status,
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of(
                    "Nothing was saved; correct the waves marked below and save again."),
                byField.others(fields).stream())
            .toList(),
        null,
        form,
        byField);
  }

  private static final java.util.regex.Pattern WAVE_FIELD =
      java.util.regex.Pattern.compile("w([0-9]{1,18})_(opens|closes|instrument)");

  private Response tenantPage(
      long registrationId, int status, List<String> problems, String notice) {
    return tenantPage(registrationId, status, problems, notice, null, FieldProblems.none());
  }

  private Response tenantPage(
      long registrationId,
      int status,
      List<String> problems,
      String notice,
      MultivaluedMap<String, String> typed,
      FieldProblems waveProblems) {
    TenantAssessments.TenantState state = assessments.tenant(registrationId);
    Schedules.TenantSchedule schedule = state.schedule();
    List<Instrument> schedulable = state.schedulable();
    List<TenantAssessmentsPage.StageRow> stages = new ArrayList<>();
    List<TrainingStage> rows = new ArrayList<>(schedule.template().programme().stages());
    TrainingStage.values().stream().filter(s -> !rows.contains(s)).forEach(rows::add);
    for (int i = 0; i < rows.size() + NEW_STAGE_ROWS; i++) {
      Optional<TrainingStage> stage = i < rows.size() ? Optional.of(rows.get(i)) : Optional.empty();
      Optional<ScheduledStage> planned = stage.flatMap(schedule.template()::stage);
      stages.add(
          new TenantAssessmentsPage.StageRow(
              rowKey(i),
              stage.map(TrainingStage::code).orElse(""),
              stage.map(TrainingStage::label).orElse(""),
              stage.map(TrainingStage::label).orElse("New stage " + (i - rows.size() + 1)),
              phaseOptions(stage.map(TrainingStage::phaseAfter).orElse(null)),
              planned.isPresent(),
              planned.map(ScheduledStage::offsetMonths).orElse(0),
              planned.map(ScheduledStage::windowDays).orElse(42),
              instrumentOptions(
                  schedulable, planned.map(p -> p.instrument().toString()).orElse(null))));
    }
    List<TenantAssessmentsPage.CohortRow> cohortRows = new ArrayList<>();
    for (TenantAssessments.CohortState c : state.cohorts()) {
      List<TenantAssessmentsPage.WaveRow> waveRows = new ArrayList<>();
      for (TenantAssessments.WaveState w : c.waves()) {
        WaveView v = w.view();
        String key = "w" + v.id() + "_";
        String opens = v.opens() == null ? "" : v.opens();
        String closes = v.closes() == null ? "" : v.closes();
        String instrument = w.wave().instrument().toString();
        if (typed != null && typed.containsKey(key + "opens")) {
          opens = nz(typed.getFirst(key + "opens"));
          closes = nz(typed.getFirst(key + "closes"));
          String chosen = typed.getFirst(key + "instrument");
          if (chosen != null && !chosen.isBlank()) {
            instrument = chosen.replace(":", " version ");
          }
        }
        String field = "wave" + v.id();
        String instrumentProblem = waveProblems.of(field + ".instrument");
        String versionProblem = waveProblems.of(field + ".version");
        waveRows.add(
            new TenantAssessmentsPage.WaveRow(
                v.id(),
                v.stageLabel(),
                opens,
                closes,
                v.open(),
                v.submitted(),
                v.imported(),
                v.drafts(),
                instrumentOptions(schedulable, instrument),
                instrument,
                WaveStatus.of(v.opens(), v.closes(), state.today()),
                new TenantAssessmentsPage.Problems(
                    waveProblems.of(field + ".opens"),
                    waveProblems.of(field + ".closes"),
                    instrumentProblem == null
                        ? versionProblem
                        : versionProblem == null
                            ? instrumentProblem
                            : instrumentProblem + " " + versionProblem,
                    waveProblems.of(field))));
      }
      cohortRows.add(
          new TenantAssessmentsPage.CohortRow(
              c.cohort().getLabel(), c.cohort().getMatriculationYear(), c.students(), waveRows));
    }
    String tenant = state.registration().getName();
    TenantAssessmentsPage page =
        new TenantAssessmentsPage(
            registrationId,
            tenant,
            problems,
            !problems.isEmpty(),
            notice,
            schedule.custom(),
            String.format(
                "%02d-%02d",
                schedule.template().anchor().getMonthValue(),
                schedule.template().anchor().getDayOfMonth()),
            instrumentRows(state.installed()).stream().filter(r -> r.reason() != null).toList(),
            stages,
            cohortRows,
            cohortRows.isEmpty());
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .entity(pages.render("admin-tenant-assessments", "Self-assessment: " + tenant, page))
        .build();
  }

  private static final int MAX_STAGE_ROWS = 60;
  private static final int NEW_STAGE_ROWS = 3;

  private static String rowKey(int i) {
    return "s" + i;
  }

  private static List<TenantAssessmentsPage.PhaseOption> phaseOptions(TrainingPhase selected) {
    List<TenantAssessmentsPage.PhaseOption> options = new ArrayList<>();
    for (TrainingPhase p : TrainingPhase.values()) {
      options.add(new TenantAssessmentsPage.PhaseOption(p.yamlName(), p.label(), p == selected));
    }
    return options;
  }

  private static List<AssessmentsOverviewPage.InstrumentRow> instrumentRows(
      List<Instrument> installed) {
    return installed.stream()
        .map(
            i ->
                new AssessmentsOverviewPage.InstrumentRow(
                    i.id().value(),
                    i.version(),
                    i.title(),
                    i.isRatingForm()
                        ? i.kind().yamlName()
                            + " rating form, rated by "
                            + i.ratedBy().stream()
                                .map(t -> t.label().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", "))
                        : i.kind().yamlName(),
                    i.items().size(),
                    i.schedulable(),
                    i.unschedulableReason().orElse(null)))
        .toList();
  }

  private static List<TenantAssessmentsPage.InstrumentOption> instrumentOptions(
      List<Instrument> schedulable, String selected) {
    List<TenantAssessmentsPage.InstrumentOption> options = new ArrayList<>();
    boolean found = false;
    for (Instrument i : schedulable) {
      boolean isSelected = i.ref().toString().equals(selected);
      found |= isSelected;
      options.add(
          new TenantAssessmentsPage.InstrumentOption(
              i.id().value() + ":" + i.version(),
              i.shortTitle() + " (" + i.id() + ", version " + i.version() + ")",
              isSelected));
    }
    if (selected != null && !found) {
      options.add(
          0,
          new TenantAssessmentsPage.InstrumentOption(
              selected.replace(" version ", ":"), selected + " (cannot be scheduled now)", true));
    }
    return options;
  }

  private static String[] splitInstrument(String value) {
    if (value == null || value.isBlank()) {
      return new String[] {null, null};
    }
    int colon = value.lastIndexOf(':');
    return colon < 0
        ? new String[] {value.strip(), null}
        : new String[] {value.substring(0, colon).strip(), value.substring(colon + 1).strip()};
  }

  private static Integer integer(String value) {
    if (value == null || !value.strip().matches("-?[0-9]{1,6}")) {
      return null;
    }
    return Integer.parseInt(value.strip());
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }
}
