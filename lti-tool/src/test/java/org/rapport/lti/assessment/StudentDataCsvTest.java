package org.rapport.lti.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The student's own CSV download cannot carry a spreadsheet formula and reads back exactly. */
class StudentDataCsvTest {
  @Test
  void aPseudonymThatLooksLikeAFormulaIsNeutralised() throws IOException {
    StudentData.Export export =
        new StudentData.Export(
            "2026-11-26T10:00:00Z",
            StudentData.ABOUT,
            new StudentData.StudentPart("=cmd|' /C calc'!A0", 2024, "LAUNCH", "2026-01-01"),
            List.of(),
            List.of(
                new StudentData.ResponsePart(
                    1,
                    "Y1",
                    "End of year 1",
                    2024,
                    "rapport-empathy",
                    1,
                    "SUBMITTED",
                    "2025-05-01T10:00:00Z",
                    "2025-05-01T10:10:00Z",
                    "2025-05-01",
                    Map.of(1, 4, 2, 5),
                    List.of(
                        new StudentData.ScorePart(
                            1,
                            true,
                            "RAPPORT",
                            "SCORED",
                            9,
                            new BigDecimal("-1.5"),
                            Map.of(),
                            "2025-05-01T10:10:00Z")))),
            List.of(),
            List.of());

    List<CSVRecord> records =
        CSVParser.parse(new StringReader(StudentData.csv(export)), CSVFormat.RFC4180).getRecords();

    assertEquals(2, records.size());
    assertEquals("'=cmd|' /C calc'!A0", records.get(1).get(0));
    assertEquals("-1.5", records.get(1).get(9), "a plain negative number stays a number");
  }
}
