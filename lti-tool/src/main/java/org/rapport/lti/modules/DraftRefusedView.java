package org.rapport.lti.modules;

/** A refused draft save, for the page's script: the status and a sentence to show the learner. */
public record DraftRefusedView(int status, String error) {}
