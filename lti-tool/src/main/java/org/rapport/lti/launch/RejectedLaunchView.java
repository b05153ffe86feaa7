package org.rapport.lti.launch;

/** The page of a refused launch: the failed check, a sentence, and the launch log reference. */
record RejectedLaunchView(int status, String check, String sentence, String reference) {}
