package org.rapport.lti.modules;

import java.util.List;
import org.rapport.lti.web.Nav;

/** A module's facilitator guide, or ({@code missing}) the note that there is none. */
record FacilitatorGuidePage(
    String s,
    Nav nav,
    String backHref,
    boolean missing,
    String moduleTitle,
    String summary,
    String family,
    int minutes,
    String stages,
    List<String> objectives,
    List<String> aims,
    String planHtml,
    List<String> questions,
    List<StepLine> steps,
    List<ReferenceView> references) {
  static FacilitatorGuidePage missing(String s, Nav nav, String backHref) {
    return new FacilitatorGuidePage(
        s, nav, backHref, true, null, null, null, 0, null, List.of(), List.of(), null, List.of(),
        List.of(), List.of());
  }

  boolean hasReferences() {
    return !references.isEmpty();
  }
}
