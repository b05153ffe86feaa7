package org.rapport.curriculum.modules;

import static java.util.Objects.requireNonNull;

/** A reply the student can pick, how good it is, why, and where the conversation goes next. */
public record Choice(String text, ChoiceQuality quality, String feedback, String next) {

  public Choice {
    requireNonNull(text, "text");
    requireNonNull(quality, "quality");
    requireNonNull(feedback, "feedback");
    requireNonNull(next, "next");
  }

  public boolean endsScenario() {
    return ScenarioStep.END.equals(next);
  }
}
