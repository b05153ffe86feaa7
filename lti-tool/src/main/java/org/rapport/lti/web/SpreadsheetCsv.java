package org.rapport.lti.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A CSV download (RFC 4180, CRLF line ends, written by Apache Commons CSV) that a spreadsheet opens
 * without running anything: a cell that starts with {@code = + - @}, a tab or a carriage return is
 * neutralised with a leading apostrophe, so a pseudonym, label or note can never become a formula.
 * Plain numbers ({@code -0.35}, {@code +2}) stay numbers.
 */
public final class SpreadsheetCsv {
  private static final Pattern PLAIN_NUMBER =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  private static final String FORMULA_STARTS = "=+-@\t\r";

  private final StringBuilder out = new StringBuilder();
  private final CSVPrinter printer;

  public SpreadsheetCsv(List<String> header) {
    try {
      printer = new CSVPrinter(out, CSVFormat.RFC4180);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    row(header);
  }

  /** Adds one row; null cells are written empty. */
  public SpreadsheetCsv row(List<String> cells) {
    List<String> safe = new ArrayList<>(cells.size());
    for (String cell : cells) {
      safe.add(neutralise(cell));
    }
    try {
      printer.printRecord(safe);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** The document so far. */
  public String text() {
    return out.toString();
  }

  /** The cell as written: empty for null, apostrophe-prefixed when it could start a formula. */
  public static String neutralise(String cell) {
    if (cell == null || cell.isEmpty()) {
      return "";
    }
    if (FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(cell).matches()) {
      return "'" + cell;
    }
    return cell;
  }
}
