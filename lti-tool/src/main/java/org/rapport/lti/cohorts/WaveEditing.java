package org.rapport.lti.cohorts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.rapport.curriculum.cohorts.Programme;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.cohorts.WaveWindow;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.lti.instruments.Instruments;
import org.rapport.lti.web.BodyProblems;
import org.rapport.lti.web.ConflictException;
import org.rapport.lti.web.InvalidRequestException;
import org.rapport.lti.web.MissingException;
import org.rapport.lti.web.RequestChecks;

/**
 * Adds and changes waves for the admin API and pages alike: checks every field (the constraints of
 * {@link WaveRequestView}, the cohort's programme and the installed instruments), refuses an
 * instrument that cannot be scheduled (409 with the reason) and an instrument change once a wave
 * has responses.
 */
@ApplicationScoped
@Transactional
public class WaveEditing {
  @Inject Waves waves;
  @Inject Cohorts cohorts;
  @Inject WaveUsage usage;
  @Inject Instruments instruments;
  @Inject RequestChecks checks;

  /**
   * @throws MissingException, InvalidRequestException (400) or ConflictException (409)
   */
  public Wave add(long cohortId, WaveRequestView request) {
    cohorts
        .find(cohortId)
        .orElseThrow(() -> new MissingException("There is no cohort " + cohortId + "."));
    if (request == null) {
      throw new InvalidRequestException(List.of("Send the wave as a JSON object."));
    }
    BodyProblems problems = checks.of(request);
    Programme programme = waves.programmeOf(cohortId);
    Optional<TrainingStage> stage = programme.parse(request.stage());
    if (stage.isEmpty()) {
      problems.add("stage", programme.unknown(request.stage()) + ".");
    } else if (waves.find(cohortId, stage.get()).isPresent()) {
      problems.add(
          "stage",
          "this cohort already has a wave for "
              + stage.get().label()
              + "; change that wave instead.");
    }
    Optional<InstrumentRef> instrument =
        InstrumentChoice.check(
            instruments, problems, "instrument", request.instrument(), request.version());
    problems.throwIfAny();
    return waves.create(cohortId, stage.get(), window(request), instrument.get(), WaveOrigin.ADMIN);
  }

  /**
   * @throws MissingException, InvalidRequestException (400) or ConflictException (409)
   */
  public Wave change(long id, WaveRequestView request) {
    Wave wave =
        waves.find(id).orElseThrow(() -> new MissingException("There is no wave " + id + "."));
    if (request == null) {
      throw new InvalidRequestException(List.of("Send the wave as a JSON object."));
    }
    BodyProblems problems = checks.of(request);
    if (request.stage() != null
        && !request.stage().isBlank()
        && !TrainingStage.code(request.stage()).orElse("").equals(wave.getStageCode())) {
      problems.add(
          "stage", "a wave's stage cannot change; this wave is for " + wave.getStageCode() + ".");
    }
    String instrumentId =
        request.instrument() == null || request.instrument().isBlank()
            ? wave.instrument().id().value()
            : request.instrument();
    Integer version =
        request.instrument() == null || request.instrument().isBlank()
            ? Integer.valueOf(wave.instrument().version())
            : request.version();
    Optional<InstrumentRef> instrument =
        InstrumentChoice.check(instruments, problems, "instrument", instrumentId, version);
    problems.throwIfAny();
    WaveUsage.Counts counts = usage.counts(id);
    if (!instrument.get().equals(wave.instrument()) && counts.total() > 0) {
      throw new ConflictException(
          "This wave already has "
              + counts.total()
              + " responses to "
              + wave.instrument()
              + "; its instrument can no longer change. Its dates can.");
    }
    return waves.change(wave, window(request), instrument.get());
  }

  /** The window of a request that meets its constraints. */
  private static WaveWindow window(WaveRequestView request) {
    return new WaveWindow(
        LocalDate.parse(request.opens().strip()), LocalDate.parse(request.closes().strip()));
  }
}
