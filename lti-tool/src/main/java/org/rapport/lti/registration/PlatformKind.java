package org.rapport.lti.registration;

/** The LMS products Rapport gives set-up help for. */
public enum PlatformKind {
  CANVAS("Canvas"),
  MOODLE("Moodle"),
  BLACKBOARD("Blackboard Learn"),
  D2L("D2L Brightspace"),
  SAKAI("Sakai"),
  OTHER("Other LTI 1.3 platform");

  private final String label;

  PlatformKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
