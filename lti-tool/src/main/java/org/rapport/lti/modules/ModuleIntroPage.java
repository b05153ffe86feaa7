package org.rapport.lti.modules;

import java.util.List;
import org.rapport.lti.web.Nav;

/** A module not yet started: what it is about, its objectives and its steps. */
record ModuleIntroPage(
    String s,
    Nav nav,
    String moduleTitle,
    String summary,
    int minutes,
    String family,
    String subscales,
    List<String> objectives,
    List<StepLine> steps,
    String startHref) {}
