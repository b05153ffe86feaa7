package org.rapport.lti.assessment;

import java.util.List;

/** A student as the admin API shows them: never their answers or scores. */
public record StudentView(
    long id,
    long registrationId,
    String pseudonym,
    String lmsSubject,
    Integer cohort,
    String cohortSource,
    String consentGiven,
    int responses,
    List<MoveView> cohortHistory) {

  /** One change of cohort: who, when and why. */
  public record MoveView(
      Integer from, Integer to, String source, String by, String reason, String at) {}
}
