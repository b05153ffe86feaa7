package org.rapport.curriculum.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  private static List<List<String>> read(String text) throws IOException {
    CsvReader reader = new CsvReader(new StringReader(text));
    List<List<String>> records = new ArrayList<>();
    for (List<String> r = reader.next(); r != null; r = reader.next()) {
      records.add(r);
    }
    return records;
  }

  @Test
  void readsPlainQuotedAndEmptyFields() throws IOException {
    assertEquals(
        List.of(List.of("a", "b", "c"), List.of("1", "", "three, with comma")),
        read("a,b,c\n1,,\"three, with comma\"\n"));
  }

  @Test
  void doubledQuotesAndLineBreaksInsideQuotes() throws IOException {
    assertEquals(
        List.of(List.of("say \"hi\"", "two\nlines"), List.of("x", "y")),
        read("\"say \"\"hi\"\"\",\"two\nlines\"\r\nx,y"));
  }

  @Test
  void crlfCrAndLfAllEndRecordsAndTheBomIsSkipped() throws IOException {
    assertEquals(
        List.of(List.of("h"), List.of("1"), List.of("2"), List.of("3")),
        read("\uFEFFh\r\n1\r2\n3"));
  }

  @Test
  void recordNumbersCountRecordsNotLines() throws IOException {
    CsvReader reader = new CsvReader(new StringReader("h\n\"a\nb\"\nc\n"));
    reader.next();
    reader.next();
    assertEquals(2, reader.recordNumber());
    assertEquals(List.of("c"), reader.next());
    assertEquals(3, reader.recordNumber());
    assertNull(reader.next());
  }

  @Test
  void anUnclosedQuoteIsReportedWithItsRow() {
    CsvFormatException e =
        assertThrows(CsvFormatException.class, () -> read("a,b\n1,\"open\n2,3\n"));
    assertEquals(2, e.row());
    assertEquals("a quoted field is not closed before the end of the file", e.problem());
  }

  @Test
  void textAfterAClosingQuoteIsReportedWithItsRow() {
    CsvFormatException e =
        assertThrows(CsvFormatException.class, () -> read("a,b\n1,2\n3,\"x\"y\n"));
    assertEquals(3, e.row());
    assertEquals(CsvReader.TEXT_AFTER_QUOTE, e.problem());
  }
}
