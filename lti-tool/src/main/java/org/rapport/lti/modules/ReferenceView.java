package org.rapport.lti.modules;

/** A reference of a module as its list shows it: numbered as in the module, with its anchor. */
record ReferenceView(int number, String anchor, String text, String url, boolean hasUrl) {}
