package org.rapport.lti.observed;

import org.rapport.lti.web.Nav;

/**
 * The step before an action that cannot be undone (template {@code observed-confirm}): what will
 * happen, in words, and a button that sends the form again with {@code confirm=yes}.
 */
public record ConfirmActionPage(
    Nav nav,
    String heading,
    String sessionTitle,
    String explanation,
    String action,
    String extraName,
    String extraValue,
    String confirmLabel,
    String backHref) {}
