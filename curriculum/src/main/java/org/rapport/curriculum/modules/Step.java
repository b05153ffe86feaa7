package org.rapport.curriculum.modules;

/** One step of a module, in the order the student meets it. Text fields hold Markdown. */
public sealed interface Step
    permits ReadingStep, ScenarioStep, CheckStep, PracticeStep, ReflectionStep {

  /** Unique within the module, lowercase-kebab; stable, so progress can refer to it. */
  String id();

  String title();

  StepKind kind();
}
