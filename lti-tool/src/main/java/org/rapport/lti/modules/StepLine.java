package org.rapport.lti.modules;

/** A step of a module as a list of steps shows it: its title and its kind. */
record StepLine(String title, String kind) {}
