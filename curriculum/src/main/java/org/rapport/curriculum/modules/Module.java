package org.rapport.curriculum.modules;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A learning module: a short, self-contained unit of 10 to 25 minutes made of readings, at least
 * one branching scenario, a knowledge check, a reflection and optionally a practice exercise.
 *
 * <p>Modules are content, not data: they are written as YAML files (see {@link ModuleReader} for
 * the format and its rules), shipped with Rapport or supplied by an institution, and loaded once
 * into a {@link ModuleCatalog}. An instance is immutable and has passed every content rule.
 *
 * @param layers the layers of empathy the module strengthens (the module file's {@code subscales}),
 *     never empty
 * @param steps in the order the student meets them
 * @param stages the phases of training the module suits; required of shipped modules, may be empty
 *     for an institution's own
 * @param references the sources the module cites as {@code [@id]}, in the order written
 * @param facilitatorGuide how faculty run a debrief on it; required of shipped modules
 */
public record Module(
    ModuleId id,
    Family family,
    String title,
    String summary,
    int minutes,
    Set<EmpathyLayer> layers,
    List<String> objectives,
    List<Step> steps,
    Set<TrainingPhase> stages,
    List<Reference> references,
    Optional<FacilitatorGuide> facilitatorGuide) {

  public Module {
    requireNonNull(id, "id");
    requireNonNull(family, "family");
    requireNonNull(title, "title");
    requireNonNull(summary, "summary");
    layers = Collections.unmodifiableSet(EnumSet.copyOf(layers));
    objectives = List.copyOf(objectives);
    steps = List.copyOf(steps);
    stages = stages.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(stages));
    references = List.copyOf(references);
    requireNonNull(facilitatorGuide, "facilitatorGuide");
  }

  /** A module without stages, references or guide, as an institution may write one. */
  public Module(
      ModuleId id,
      Family family,
      String title,
      String summary,
      int minutes,
      Set<EmpathyLayer> layers,
      List<String> objectives,
      List<Step> steps) {
    this(
        id,
        family,
        title,
        summary,
        minutes,
        layers,
        objectives,
        steps,
        Set.of(),
        List.of(),
        Optional.empty());
  }

  /** Whether the module is written for students in this phase of training. */
  public boolean suits(TrainingPhase phase) {
    return stages.contains(phase);
  }

  public Optional<Reference> reference(String referenceId) {
    return references.stream().filter(r -> r.id().equals(referenceId)).findFirst();
  }

  public boolean addresses(EmpathyLayer layer) {
    return layers.contains(layer);
  }

  public Optional<Step> step(String stepId) {
    return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
  }
}
