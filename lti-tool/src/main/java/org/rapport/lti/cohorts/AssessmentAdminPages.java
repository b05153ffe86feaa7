package org.rapport.lti.cohorts;

import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
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
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rapport.curriculum.cohorts.MatriculationYear;
import org.rapport.curriculum.cohorts.ScheduleTemplate;
import org.rapport.curriculum.cohorts.ScheduledStage;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.lti.admin.AdminOnly;
import org.rapport.lti.admin.ConflictException;
import org.rapport.lti.admin.CurrentAdmin;
import org.rapport.lti.admin.InvalidRequestException;
import org.rapport.lti.admin.MissingException;
import org.rapport.lti.admin.PlatformRegistration;
import org.rapport.lti.admin.RegistrationRepository;
import org.rapport.lti.instruments.Instruments;
import org.rapport.lti.settings.RapportSettings;
import org.rapport.lti.web.Pages;

/**
 * Admin pages for the self-assessment: the installed instruments (and why one cannot be scheduled),
 * and per tenant its schedule template, cohorts and waves. Forms post here and use the same checks
 * as the JSON API; problems are listed on the page.
 */
@Path("admin/assessments")
@AdminOnly
@Produces(MediaType.TEXT_HTML)
public class AssessmentAdminPages {
  @Inject Pages pages;
  @Inject Instruments instruments;
  @Inject RegistrationRepository registrations;
  @Inject Schedules schedules;
  @Inject Cohorts cohorts;
  @Inject WaveEditing editing;
  @Inject Waves waves;
  @Inject WaveUsage usage;
  @Inject RapportSettings settings;
  @Context ContainerRequestContext request;

  @GET
  @Operation(hidden = true)
  public String overview() {
    Map<String, Object> values = new HashMap<>();
    values.put("instruments", instrumentRows());
    List<Map<String, Object>> tenants = new ArrayList<>();
    for (PlatformRegistration r : registrations.all()) {
      Map<String, Object> t = new HashMap<>();
      t.put("id", r.getId());
      t.put("name", r.getName());
      t.put("cohorts", cohorts.all(r.getId()).size());
      t.put("customSchedule", schedules.forTenant(r.getId()).custom());
      tenants.add(t);
    }
    values.put("tenants", tenants);
    values.put("noTenants", tenants.isEmpty());
    return pages.render("admin-assessments", "Self-assessment", values);
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
    registration(registrationId);
    List<ScheduleTemplateView.StageView> stages = new ArrayList<>();
    for (TrainingStage stage : TrainingStage.values()) {
      String key = stage.name().toLowerCase();
      if (!"on".equals(form.getFirst(key + "_include"))) {
        continue;
      }
      String[] instrument = splitInstrument(form.getFirst(key + "_instrument"));
      stages.add(
          new ScheduleTemplateView.StageView(
              stage.name(),
              stage.label(),
              integer(form.getFirst(key + "_offset")),
              integer(form.getFirst(key + "_window")),
              instrument[0],
              instrument[1] == null ? null : integer(instrument[1])));
    }
    ScheduleTemplateView proposed =
        new ScheduleTemplateView(registrationId, true, form.getFirst("anchor"), null, null, stages);
    try {
      ScheduleTemplate template = ScheduleTemplateResource.validate(proposed, instruments);
      schedules.replace(registrationId, template, CurrentAdmin.of(request));
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
    registration(registrationId);
    MatriculationYear.Parsed year =
        MatriculationYear.parse(form.getFirst("year"), Year.from(settings.today()));
    if (year.year().isEmpty()) {
      return tenantPage(registrationId, 400, List.of("Year: " + year.problem().get() + "."), null);
    }
    String label = form.getFirst("label");
    if (label != null && label.length() > 200) {
      return tenantPage(registrationId, 400, List.of("Label: use at most 200 characters."), null);
    }
    Optional<Cohort> created = cohorts.create(registrationId, year.year().get(), label);
    if (created.isEmpty()) {
      return tenantPage(
          registrationId,
          409,
          List.of("The cohort that matriculated in " + year.year().get() + " exists already."),
          null);
    }
    return tenantPage(
        registrationId,
        200,
        List.of(),
        "Cohort " + created.get().getLabel() + " created with the waves of the schedule.");
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
    long registrationId =
        waves
            .find(waveId)
            .flatMap(w -> cohorts.find(w.getCohortId()))
            .map(Cohort::getRegistrationId)
            .orElseThrow(() -> new MissingException("There is no wave " + waveId + "."));
    try {
      Wave wave = editing.change(waveId, change);
      return tenantPage(
          registrationId, 200, List.of(), "Wave " + wave.getStage().label() + " saved.");
    } catch (InvalidRequestException e) {
      return tenantPage(registrationId, 400, e.problems(), null);
    } catch (ConflictException e) {
      return tenantPage(registrationId, 409, e.problems(), null);
    }
  }

  private Response tenantPage(
      long registrationId, int status, List<String> problems, String notice) {
    PlatformRegistration registration = registration(registrationId);
    Schedules.TenantSchedule schedule = schedules.forTenant(registrationId);
    List<Instrument> schedulable = instruments.catalog().schedulable();
    Map<String, Object> values = new HashMap<>();
    values.put("registrationId", registrationId);
    values.put("tenant", registration.getName());
    values.put("problems", problems);
    values.put("hasProblems", !problems.isEmpty());
    values.put("notice", notice);
    values.put("custom", schedule.custom());
    values.put(
        "anchor",
        String.format(
            "%02d-%02d",
            schedule.template().anchor().getMonthValue(),
            schedule.template().anchor().getDayOfMonth()));
    values.put(
        "unschedulable", instrumentRows().stream().filter(r -> r.get("reason") != null).toList());
    List<Map<String, Object>> stages = new ArrayList<>();
    for (TrainingStage stage : TrainingStage.values()) {
      Optional<ScheduledStage> planned = schedule.template().stage(stage);
      Map<String, Object> row = new HashMap<>();
      row.put("key", stage.name().toLowerCase());
      row.put("label", stage.label());
      row.put("included", planned.isPresent());
      row.put("offset", planned.map(ScheduledStage::offsetMonths).orElse(0));
      row.put("window", planned.map(ScheduledStage::windowDays).orElse(42));
      row.put(
          "options",
          instrumentOptions(schedulable, planned.map(p -> p.instrument().toString()).orElse(null)));
      stages.add(row);
    }
    values.put("stages", stages);
    LocalDate today = settings.today();
    List<Map<String, Object>> cohortRows = new ArrayList<>();
    for (Cohort c : cohorts.all(registrationId)) {
      Map<String, Object> row = new HashMap<>();
      row.put("label", c.getLabel());
      row.put("year", c.getMatriculationYear());
      row.put("students", cohorts.students(c.getId()));
      List<Map<String, Object>> waveRows = new ArrayList<>();
      for (Wave w : cohorts.waves(c.getId())) {
        WaveView v = WaveView.of(w, c, usage.counts(w.getId()), today);
        Map<String, Object> wr = new HashMap<>();
        wr.put("id", v.id());
        wr.put("stage", v.stageLabel());
        wr.put("opens", v.opens() == null ? "" : v.opens());
        wr.put("closes", v.closes() == null ? "" : v.closes());
        wr.put("open", v.open());
        wr.put("submitted", v.submitted());
        wr.put("imported", v.imported());
        wr.put("drafts", v.drafts());
        wr.put("options", instrumentOptions(schedulable, w.instrument().toString()));
        wr.put("instrument", w.instrument().toString());
        waveRows.add(wr);
      }
      row.put("waves", waveRows);
      cohortRows.add(row);
    }
    values.put("cohorts", cohortRows);
    values.put("noCohorts", cohortRows.isEmpty());
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .entity(
            pages.render(
                "admin-tenant-assessments", "Self-assessment: " + registration.getName(), values))
        .build();
  }

  private List<Map<String, Object>> instrumentRows() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Instrument i : instruments.catalog().all()) {
      Map<String, Object> row = new HashMap<>();
      row.put("id", i.id().value());
      row.put("version", i.version());
      row.put("title", i.title());
      row.put("kind", i.kind().yamlName());
      row.put("items", i.items().size());
      row.put("schedulable", i.schedulable());
      row.put("reason", i.unschedulableReason().orElse(null));
      rows.add(row);
    }
    return rows;
  }

  private static List<Map<String, Object>> instrumentOptions(
      List<Instrument> schedulable, String selected) {
    List<Map<String, Object>> options = new ArrayList<>();
    boolean found = false;
    for (Instrument i : schedulable) {
      Map<String, Object> o = new HashMap<>();
      String value = i.id().value() + ":" + i.version();
      o.put("value", value);
      o.put("label", i.shortTitle() + " (" + i.id() + ", version " + i.version() + ")");
      boolean isSelected = i.ref().toString().equals(selected);
      found |= isSelected;
      o.put("selected", isSelected);
      options.add(o);
    }
    if (selected != null && !found) {
      Map<String, Object> o = new HashMap<>();
      o.put("value", selected.replace(" version ", ":"));
      o.put("label", selected + " (cannot be scheduled now)");
      o.put("selected", true);
      options.add(0, o);
    }
    return options;
  }

  private PlatformRegistration registration(long id) {
    return registrations
        .find(id)
        .orElseThrow(
            () ->
                new ClientErrorException(
                    Response.status(404)
                        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                        .entity(
                            pages.render(
                                "error",
                                "Not found",
                                Map.of(
                                    "status",
                                    404,
                                    "title",
                                    "Not found",
                                    "message",
                                    "There is no registration (tenant) with id " + id + ".")))
                        .build()));
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
}
