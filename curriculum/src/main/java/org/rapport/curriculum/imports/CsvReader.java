package org.rapport.curriculum.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads comma-separated records as RFC 4180 describes them: fields may be quoted with {@code "}, a
 * quote inside a quoted field is doubled, quoted fields may hold commas and line breaks, and lines
 * end with CRLF, LF or CR. A byte-order mark at the start is skipped. Streams: one record at a
 * time, so large files need little memory.
 */
public final class CsvReader {
  static final String UNCLOSED_QUOTE = "a quoted field is not closed before the end of the file";

  private final Reader in;
  private int pending = -2;
  private long record;
  private boolean first = true;

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
   * @throws CsvFormatException when a quoted field is not closed
   */
  public List<String> next() throws IOException {
    int c = read();
    if (first) {
      first = false;
      if (c == '\uFEFF') {
        c = read();
      }
    }
    if (c == -1) {
      return null;
    }
    record++;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    while (true) {
      if (quoted) {
        if (c == -1) {
          throw new CsvFormatException(record, UNCLOSED_QUOTE);
        }
        if (c == '"') {
          int d = read();
          if (d == '"') {
            field.append('"');
          } else {
            quoted = false;
            c = d;
            continue;
          }
        } else {
          field.append((char) c);
        }
      } else if (c == '"' && field.length() == 0 && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '\r' || c == '\n' || c == -1) {
        if (c == '\r') {
          int d = read();
          if (d != '\n') {
            pending = d;
          }
        }
        fields.add(field.toString());
        return fields;
      } else {
        field.append((char) c);
      }
      c = read();
    }
  }

  private int read() throws IOException {
    if (pending != -2) {
      int c = pending;
      pending = -2;
      return c;
    }
    return in.read();
  }
}
