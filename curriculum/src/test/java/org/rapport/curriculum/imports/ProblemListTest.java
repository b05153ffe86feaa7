package org.rapport.curriculum.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemListTest {
  @Test
  void aProblemInEveryRowIsListedOnceWithItsRowCount() {
    ProblemList list = new ProblemList(1000);
    for (long row = 2; row <= 5001; row++) {
      list.add(new RowProblem(row, "item_20", "the header has no column for item_20"));
    }
    list.add(new RowProblem(77, "cohort", "'20x4' is not a year"));

    assertEquals(2, list.distinct());
    assertEquals(
        List.of(
            new RowProblem(
                2,
                "item_20",
                "the header has no column for item_20 (the same in 5000 rows: rows 2–5001)"),
            new RowProblem(77, "cohort", "'20x4' is not a year")),
        list.problems());
  }

  @Test
  void beyondTheLimitProblemsAreCountedNotKept() {
    ProblemList list = new ProblemList(3);
    for (int row = 2; row < 12; row++) {
      list.add(new RowProblem(row, "total", "'x" + row + "' is not a number"));
    }
    assertEquals(10, list.distinct());
    assertEquals(3, list.problems().size());
  }
}
