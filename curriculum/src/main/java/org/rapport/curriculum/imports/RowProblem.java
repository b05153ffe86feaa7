package org.rapport.curriculum.imports;

import java.util.Objects;

/**
 * One thing wrong in an import file.
 *
 * @param row the row as a spreadsheet numbers it: the header is row 1, the first result row 2
 * @param column the column's name as written in the header, or {@code (row)} for the row as a whole
 *     and {@code (file)} for the file
 * @param message what is wrong, in a sentence an administrator can act on
 */
public record RowProblem(long row, String column, String message) {

  public static final String WHOLE_ROW = "(row)";
  public static final String WHOLE_FILE = "(file)";

  public RowProblem {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return "row " + row + ", " + column + ": " + message;
  }
}
