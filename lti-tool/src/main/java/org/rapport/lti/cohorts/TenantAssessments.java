package org.rapport.lti.cohorts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import org.rapport.curriculum.cohorts.MatriculationYear;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.lti.instruments.Instruments;
import org.rapport.lti.registration.PlatformRegistration;
import org.rapport.lti.registration.RegistrationRepository;
import org.rapport.lti.settings.RapportSettings;
import org.rapport.lti.web.ConflictException;
import org.rapport.lti.web.InvalidRequestException;
import org.rapport.lti.web.MissingException;

/**
 * What the administrators' self-assessment pages read and change: the installed instruments and
 * every tenant's cohorts at a glance, one tenant's schedule, cohorts and waves, and the forms that
 * change them (the same checks as the JSON API). One transaction per call.
 */
@ApplicationScoped
@Transactional
public class TenantAssessments {
  @Inject Instruments instruments;
  @Inject RegistrationRepository registrations;
  @Inject Schedules schedules;
  @Inject ScheduleProposal proposal;
  @Inject Cohorts cohorts;
  @Inject Waves waves;
  @Inject WaveEditing editing;
  @Inject WaveUsage usage;
  @Inject RapportSettings settings;

  /** The installed instruments and every tenant. */
  public record Overview(List<Instrument> instruments, List<TenantSummary> tenants) {}

  /** A tenant: how many cohorts it has and whether it has its own schedule. */
  public record TenantSummary(PlatformRegistration registration, int cohorts, boolean custom) {}

  /**
   * One tenant's self-assessment.
   *
   * @param installed every installed instrument
   * @param schedulable the instruments a wave may use
   */
  public record TenantState(
      PlatformRegistration registration,
      Schedules.TenantSchedule schedule,
      List<Instrument> installed,
      List<Instrument> schedulable,
      List<CohortState> cohorts,
      LocalDate today) {}

  /** A cohort with its students counted and its waves. */
  public record CohortState(Cohort cohort, long students, List<WaveState> waves) {}

  /** A wave as stored and as the API shows it (with its response counts). */
  public record WaveState(Wave wave, WaveView view) {}

  public Overview overview() {
    return new Overview(
        instruments.catalog().all(),
        registrations.all().stream()
            .map(
                r ->
                    new TenantSummary(
                        r, cohorts.all(r.getId()).size(), schedules.forTenant(r.getId()).custom()))
            .toList());
  }

  /** One tenant's state; 404 when there is no such tenant. */
  public TenantState tenant(long registrationId) {
    PlatformRegistration registration = registration(registrationId);
    LocalDate today = settings.today();
    List<CohortState> states =
        cohorts.all(registrationId).stream()
            .map(
                c ->
                    new CohortState(
                        c,
                        cohorts.students(c.getId()),
                        cohorts.waves(c.getId()).stream()
                            .map(
                                w ->
                                    new WaveState(
                                        w,
                                        WaveView.of(
                                            w, waves.stage(w), c, usage.counts(w.getId()), today)))
                            .toList()))
            .toList();
    return new TenantState(
        registration,
        schedules.forTenant(registrationId),
        instruments.catalog().selfReports(),
        instruments.catalog().schedulable(),
        states,
        today);
  }

  /**
   * Replaces the tenant's schedule template.
   *
   * @throws InvalidRequestException with every problem of the proposal
   */
  public void replaceSchedule(long registrationId, ScheduleTemplateView proposed, String by) {
    registration(registrationId);
    schedules.replace(registrationId, proposal.template(proposed), by);
  }

  /**
   * Creates a cohort with the waves of the tenant's schedule.
   *
   * @throws InvalidRequestException when the year or the label is refused
   * @throws ConflictException when the cohort exists already
   */
  public Cohort addCohort(long registrationId, String year, String label) {
    registration(registrationId);
    MatriculationYear.Parsed parsed = MatriculationYear.parse(year, Year.from(settings.today()));
    if (parsed.year().isEmpty()) {
      throw new InvalidRequestException(List.of("Year: " + parsed.problem().get() + "."));
    }
    if (label != null && label.length() > 200) {
      throw new InvalidRequestException(List.of("Label: use at most 200 characters."));
    }
    return cohorts
        .create(registrationId, parsed.year().get(), label)
        .orElseThrow(
            () ->
                new ConflictException(
                    "The cohort that matriculated in " + parsed.year().get() + " exists already."));
  }

  /** The tenant a wave belongs to; 404 when there is no such wave. */
  public long tenantOfWave(long waveId) {
    return waves
        .find(waveId)
        .flatMap(w -> cohorts.find(w.getCohortId()))
        .map(Cohort::getRegistrationId)
        .orElseThrow(() -> new MissingException("There is no wave " + waveId + "."));
  }

  /**
   * Changes a wave's window or instrument.
   *
   * @return the wave's stage, as the tenant's programme names it
   * @throws InvalidRequestException or {@link ConflictException} as the JSON API
   */
  public TrainingStage changeWave(long waveId, WaveRequestView change) {
    return waves.stage(editing.change(waveId, change));
  }

  private PlatformRegistration registration(long id) {
    return registrations
        .find(id)
        .orElseThrow(
            () -> new NotFoundException("There is no registration (tenant) with id " + id + "."));
  }

  /**
   * Changes several waves of a tenant at once, all or none: a wave whose window and instrument are
   * as sent is left alone (its origin stays), every other goes through the same checks as one
   * wave's change.
   *
   * @param changes per wave id, its window and instrument as the table sends them
   * @return how many waves changed
   * @throws InvalidRequestException (or {@link ConflictException} when every problem is a conflict)
   *     listing every problem as "wave{id}.field: what to do"; nothing is changed then
   */
  public int changeWaves(long registrationId, java.util.Map<Long, WaveRequestView> changes) {
    registration(registrationId);
    List<String> problems = new java.util.ArrayList<>();
    boolean onlyConflicts = true;
    int changed = 0;
    for (java.util.Map.Entry<Long, WaveRequestView> e : changes.entrySet()) {
      long id = e.getKey();
      WaveRequestView change = e.getValue();
      java.util.Optional<Wave> wave = waves.find(id);
      if (wave.isEmpty()
          || cohorts.find(wave.get().getCohortId()).map(Cohort::getRegistrationId).orElse(-1L)
              != registrationId) {
        problems.add("wave" + id + ": there is no wave " + id + " in this tenant.");
        onlyConflicts = false;
        continue;
      }
      if (unchanged(wave.get(), change)) {
        continue;
      }
      try {
        editing.change(id, change);
        changed++;
      } catch (ConflictException conflict) {
        conflict.problems().forEach(p -> problems.add(field(id, p)));
      } catch (InvalidRequestException invalid) {
        invalid.problems().forEach(p -> problems.add(field(id, p)));
        onlyConflicts = false;
      }
    }
    if (!problems.isEmpty()) {
      throw onlyConflicts ? new ConflictException(problems) : new InvalidRequestException(problems);
    }
    return changed;
  }

  private static boolean unchanged(Wave wave, WaveRequestView change) {
    String opens = wave.window().map(w -> w.opens().toString()).orElse("");
    String closes = wave.window().map(w -> w.closes().toString()).orElse("");
    String instrument = wave.instrument().id().value();
    Integer version = wave.instrument().version();
    return opens.equals(change.opens() == null ? "" : change.opens().strip())
        && closes.equals(change.closes() == null ? "" : change.closes().strip())
        && (change.instrument() == null || instrument.equals(change.instrument().strip()))
        && (change.version() == null || version.equals(change.version()));
  }

  /**
   * "opens: ..." of one wave becomes "wave12.opens: ..."; a sentence about no field, "wave12: ...".
   */
  private static String field(long id, String problem) {
    return problem.matches("[a-zA-Z]+: .*")
        ? "wave" + id + "." + problem
        : "wave" + id + ": " + problem;
  }
}
