package org.rapport.lti.modules;

import java.util.List;
import org.rapport.lti.web.Nav;

/**
 * The student's module catalogue: the modules in sections, each card with the learner's progress.
 */
record CataloguePage(String s, Nav nav, List<Section> families, int moduleCount) {
  /** A section of cards: one family, or the modules written for the student's stage. */
  record Section(String key, String label, List<Card> modules) {}

  /** One module with the learner's progress in it. */
  record Card(
      String id,
      String title,
      String summary,
      int minutes,
      String subscales,
      String href,
      String statusKey,
      String statusLabel,
      boolean inProgress,
      boolean completed,
      int stepCount,
      int doneCount,
      String doneLabel,
      String stages) {}
}
