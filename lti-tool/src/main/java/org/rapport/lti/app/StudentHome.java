package org.rapport.lti.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rapport.curriculum.modules.Module;
import org.rapport.curriculum.modules.ModuleCatalog;
import org.rapport.curriculum.modules.ModuleId;
import org.rapport.curriculum.modules.TrainingPhase;
import org.rapport.lti.assessment.SelfAssessment;
import org.rapport.lti.cohorts.Wave;
import org.rapport.lti.launch.LaunchedUser;
import org.rapport.lti.modules.ModuleLibrary;
import org.rapport.lti.modules.ModulePlayer;
import org.rapport.lti.modules.ProgressSummary;
import org.rapport.lti.modules.StudentPhase;
import org.rapport.lti.observed.student.StudentObservedPractice;

/**
 * The student's home: gathers, in one read-only transaction, where the launched student stands with
 * the self-assessment and with their modules, and asks {@link WhatNext} what to suggest.
 */
@ApplicationScoped
@Transactional
public class StudentHome {
  /** A wave takes answers to the end of its closing day in the assessment time zone. */
  private static final LocalTime LAST_MINUTE = LocalTime.of(23, 59);

  @Inject SelfAssessment assessment;
  @Inject ModulePlayer player;
  @Inject ModuleLibrary library;
  @Inject StudentPhase phase;
  @Inject StudentObservedPractice observed;

  /** The suggestions for the launched student, most pressing first. */
  public List<WhatNext.Suggestion> whatNext(LaunchedUser user, String token) {
    return WhatNext.plan(
        assessment(user), modules(user, token), observed.ratingsToGive(user), token);
  }

  private WhatNext.Assessment assessment(LaunchedUser user) {
    SelfAssessment.Situation situation = assessment.situation(user, null, Map.of());
    if (situation instanceof SelfAssessment.NeedsConsent) {
      return new WhatNext.NeedsConsent();
    }
    if (situation instanceof SelfAssessment.NeedsClass) {
      return new WhatNext.NeedsClass();
    }
    SelfAssessment.AtWave at = (SelfAssessment.AtWave) situation;
    ZoneId zone = at.zone();
    Wave wave = at.wave();
    if (wave == null) {
      if (at.next() == null || at.next().window().isEmpty()) {
        return new WhatNext.NothingOpen();
      }
      Instant opens = at.next().window().get().opens().atStartOfDay(zone).toInstant();
      return new WhatNext.Upcoming(at.nextStageLabel(), opens);
    }
    if (at.response() != null) {
      return new WhatNext.Submitted(at.stageLabel());
    }
    if (at.instrument() == null) {
      return new WhatNext.Unavailable(at.stageLabel());
    }
    Instant closes =
        wave.window()
            .map(w -> w.closes().atTime(LAST_MINUTE).atZone(zone).toInstant())
            .orElse(null);
    int statements = at.instrument().items().size();
    int answered =
        (int)
            at.instrument().items().stream()
                .filter(i -> at.answers().containsKey(i.number()))
                .count();
    return new WhatNext.Open(at.stageLabel(), closes, answered, statements);
  }

  private WhatNext.Modules modules(LaunchedUser user, String token) {
    ModuleCatalog catalog = library.catalog();
    Map<String, ProgressSummary> progress = player.overview(user, catalog.all());
    WhatNext.Continuing continuing =
        player
            .lastUnfinished(user)
            .flatMap(id -> find(catalog, id))
            .map(
                m -> {
                  ProgressSummary p = progress.get(m.id().value());
                  return new WhatNext.Continuing(
                      m.title(),
                      href(m, token),
                      p.stepNumber(),
                      p.stepCount(),
                      m.steps().get(p.stepNumber() - 1).title());
                })
            .orElse(null);
    Optional<TrainingPhase> stage = phase.of(user);
    List<Module> notStarted =
        catalog.all().stream()
            .filter(
                m -> progress.get(m.id().value()).status() == ProgressSummary.Status.NOT_STARTED)
            .toList();
    WhatNext.Start next =
        notStarted.stream()
            .filter(m -> stage.map(m::suits).orElse(true))
            .findFirst()
            .or(() -> notStarted.stream().findFirst())
            .map(m -> new WhatNext.Start(m.title(), href(m, token), m.minutes()))
            .orElse(null);
    int completed =
        (int)
            progress.values().stream()
                .filter(p -> p.status() == ProgressSummary.Status.COMPLETED)
                .count();
    return new WhatNext.Modules(continuing, next, completed, catalog.all().size());
  }

  private static Optional<Module> find(ModuleCatalog catalog, String id) {
    try {
      return catalog.find(ModuleId.of(id));
    } catch (RuntimeException notAModuleIdAnyMore) {
      return Optional.empty();
    }
  }

  private static String href(Module module, String token) {
    return "/app/modules/" + module.id().value() + "?s=" + token;
  }
}
