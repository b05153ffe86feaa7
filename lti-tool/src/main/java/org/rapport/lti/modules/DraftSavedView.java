package org.rapport.lti.modules;

/**
 * The answer to a draft save, for the page's script.
 *
 * @param kept whether a draft is kept now (not when the text was blank or is what the step holds as
 *     submitted)
 * @param savedAt when it was saved (ISO 8601, UTC), or null when none is kept
 */
public record DraftSavedView(boolean kept, String savedAt) {}
