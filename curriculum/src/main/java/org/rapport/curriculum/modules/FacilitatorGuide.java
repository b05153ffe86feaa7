package org.rapport.curriculum.modules;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What faculty need to run a small-group debrief on a module.
 *
 * @param aims what the group should take away, 2 to 4 short sentences
 * @param plan how to run a 30-minute debrief, Markdown
 * @param questions 3 to 6 questions to put to the group
 */
public record FacilitatorGuide(List<String> aims, String plan, List<String> questions) {

  public FacilitatorGuide {
    aims = List.copyOf(aims);
    requireNonNull(plan, "plan");
    questions = List.copyOf(questions);
  }
}
