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
 * @param subscales the layers of empathy the module strengthens, never empty
 * @param steps in the order the student meets them
 */
public record Module(
    ModuleId id,
    Family family,
    String title,
    String summary,
    int minutes,
    Set<Subscale> subscales,
    List<String> objectives,
    List<Step> steps) {

  public Module {
    requireNonNull(id, "id");
    requireNonNull(family, "family");
    requireNonNull(title, "title");
    requireNonNull(summary, "summary");
    subscales = Collections.unmodifiableSet(EnumSet.copyOf(subscales));
    objectives = List.copyOf(objectives);
    steps = List.copyOf(steps);
  }

  public boolean addresses(Subscale subscale) {
    return subscales.contains(subscale);
  }

  public Optional<Step> step(String stepId) {
    return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
  }
}
