package org.rapport.lti.modules;

import org.rapport.lti.web.Nav;

/** A refused request of the module player that has no form to show again. */
record PlayerProblemPage(
    String s,
    Nav nav,
    int status,
    String title,
    String message,
    String backHref,
    String backLabel) {}
