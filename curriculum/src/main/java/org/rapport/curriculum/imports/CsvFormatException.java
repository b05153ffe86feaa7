package org.rapport.curriculum.imports;

/** The file is not readable as CSV at all (as opposed to a row with wrong values). */
public class CsvFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long row;

  public CsvFormatException(long row, String message) {
    super("row " + row + ": " + message);
    this.row = row;
  }

  public long row() {
    return row;
  }

  /** The sentence without the row number. */
  public String problem() {
    String m = getMessage();
    return m.substring(m.indexOf(": ") + 2);
  }
}
