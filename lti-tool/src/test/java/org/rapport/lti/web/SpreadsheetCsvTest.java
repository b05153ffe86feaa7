package org.rapport.lti.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpreadsheetCsvTest {
  static Stream<Arguments> cells() {
    return Stream.of(
        Arguments.of("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
        Arguments.of("+1+cmd", "'+1+cmd"),
        Arguments.of("-2+3", "'-2+3"),
        Arguments.of("@SUM(A1)", "'@SUM(A1)"),
        Arguments.of("-Infinity", "'-Infinity"),
        Arguments.of("-0.3512", "-0.3512"),
        Arguments.of("+2", "+2"),
        Arguments.of("1e-5", "1e-5"),
        Arguments.of("Class of 2024", "Class of 2024"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cells")
  void cellsThatCouldStartAFormulaAreNeutralised(String cell, String written) {
    assertEquals(written, SpreadsheetCsv.neutralise(cell));
  }

  @Test
  void tabAndCarriageReturnStartsAreNeutralisedToo() {
    assertEquals("'\t=1", SpreadsheetCsv.neutralise("\t=1"));
    assertEquals("'\r=1", SpreadsheetCsv.neutralise("\r=1"));
  }

  @Test
  void writtenCellsReadBackExactlyWithTheCsvLibrary() throws IOException {
    List<String> awkward = List.of("a,b", "say \"hi\"", "two\r\nlines", "", "=1+1", "-7");
    String text =
        new SpreadsheetCsv(List.of("c1", "c2", "c3", "c4", "c5", "c6")).row(awkward).text();

    List<CSVRecord> records =
        CSVParser.parse(new StringReader(text), CSVFormat.RFC4180).getRecords();

    assertEquals(2, records.size());
    assertEquals(
        List.of("a,b", "say \"hi\"", "two\r\nlines", "", "'=1+1", "-7"), records.get(1).toList());
    assertEquals(true, text.endsWith("\r\n"));
  }
}
