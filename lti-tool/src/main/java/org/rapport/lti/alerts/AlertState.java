package org.rapport.lti.alerts;

/** Where an alert stands: raised, seen by faculty, answered (with a note). */
public enum AlertState {
  OPEN("Open"),
  ACKNOWLEDGED("Acknowledged"),
  RESOLVED("Resolved");

  private final String label;

  AlertState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
