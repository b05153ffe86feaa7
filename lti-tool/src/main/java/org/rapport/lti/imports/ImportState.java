package org.rapport.lti.imports;

/** Where an import job stands. */
public enum ImportState {
  /** Accepted, waiting to start. */
  QUEUED("Waiting to start"),
  /** Checking every row; nothing is written in this phase. */
  VALIDATING("Checking every row"),
  /** Writing the rows in one transaction. */
  IMPORTING("Writing the results"),
  /** Every row is in the database. */
  COMPLETED("Imported"),
  /** Nothing was imported: the file has problems, or writing failed. */
  FAILED("Nothing imported"),
  /** This file was imported before; nothing changed. */
  UNCHANGED("Already imported, nothing changed");

  private final String label;

  ImportState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean finished() {
    return this == COMPLETED || this == FAILED || this == UNCHANGED;
  }
}
