package org.rapport.curriculum.imports;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads comma-separated records as RFC 4180 describes them, with Apache Commons CSV: fields may be
 * quoted with {@code "}, a quote inside a quoted field is doubled, quoted fields may hold commas
 * and line breaks, and lines end with CRLF, LF or CR. A byte-order mark at the start is skipped.
 * Streams: one record at a time, so large files need little memory.
 */
public final class CsvReader {
  static final String UNCLOSED_QUOTE = "a quoted field is not closed before the end of the file";
  static final String TEXT_AFTER_QUOTE =
      "a quoted field has text after its closing quote; double every quote inside a quoted field";

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

  private final Reader in;
  private Iterator<CSVRecord> records;
  private long record;

  public CsvReader(Reader in) {
    this.in = in;
  }

  /** The 1-based number of the record {@link #next()} returned last (the header is record 1). */
  public long recordNumber() {
    return record;
  }

  /**
   * The next record's fields, or {@code null} at the end of the input.
   *
   * @throws CsvFormatException when a quoted field is not closed, or has text after its close
   */
  public List<String> next() throws IOException {
    if (records == null) {
      records = CSVParser.parse(withoutByteOrderMark(in), FORMAT).iterator();
    }
    try {
      if (!records.hasNext()) {
        return null;
      }
      CSVRecord next = records.next();
      record++;
      return next.toList();
    } catch (UncheckedIOException | IllegalStateException e) {
      String message = String.valueOf(e.getMessage());
      throw new CsvFormatException(
          record + 1,
          message.contains("EOF reached before encapsulated token finished")
              ? UNCLOSED_QUOTE
              : TEXT_AFTER_QUOTE);
    }
  }

  private static Reader withoutByteOrderMark(Reader in) throws IOException {
    PushbackReader reader = new PushbackReader(in, 1);
    int first = reader.read();
    if (first != -1 && first != '\uFEFF') {
      reader.unread(first);
    }
    return reader;
  }
}
