package org.rapport.lti.modules;

import java.util.List;
import org.rapport.lti.web.Nav;

/** The end of a module: completed, or which steps are still to do; and the module's references. */
record ModuleCompletePage(
    String s,
    Nav nav,
    String moduleTitle,
    boolean completed,
    String completedAt,
    List<StepLink> todo,
    List<StepLink> steps,
    String doneLabel,
    int stepCount,
    int doneCount,
    String catalogueHref,
    List<ReferenceView> references) {
  boolean hasReferences() {
    return !references.isEmpty();
  }

  /** A step to go back to. */
  record StepLink(String title, String kind, String href, boolean done) {}
}
