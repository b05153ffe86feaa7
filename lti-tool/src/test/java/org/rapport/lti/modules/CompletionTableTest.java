package org.rapport.lti.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.curriculum.analytics.SmallCellSuppression;

class CompletionTableTest {
  private static final SmallCellSuppression N10 = SmallCellSuppression.defaults();

  private static CompletionTable.Row row(int students, int started, int completed) {
    return CompletionTable.build(
            students,
            List.of("m"),
            Map.of("m", new CompletionTable.Counts(started, completed)),
            N10)
        .rows()
        .get(0);
  }

  @Test
  void aCourseWithFewerThanNStudentsShowsNothing() {
    CompletionTable.Table table =
        CompletionTable.build(9, List.of("m"), Map.of("m", new CompletionTable.Counts(9, 9)), N10);
    assertTrue(table.courseHidden());
    assertTrue(table.rows().isEmpty());
  }

  @Test
  void aCourseWithoutStudentsShowsZeros() {
    CompletionTable.Table table = CompletionTable.build(0, List.of("m"), Map.of(), N10);
    assertFalse(table.courseHidden());
    assertEquals(new CompletionTable.Row("m", 0, 0, 0), table.rows().get(0));
  }

  static Stream<Arguments> rows() {
    // students, started, completed -> shown started, shown completed, shown percent (null = hidden)
    return Stream.of(
        // Everyone large: all shown.
        Arguments.of(40, 25, 12, 25, 12, 30),
        // Ten students, all completed: shown.
        Arguments.of(10, 10, 10, 10, 10, 100),
        // Nobody started: zeros describe nobody and are shown.
        Arguments.of(30, 0, 0, 0, 0, 0),
        // 3 started, none completed: "started" is a small group, and "not started" would give it
        // away by subtraction.
        Arguments.of(30, 3, 0, null, 0, 0),
        // 2 still working would be recovered as started minus completed: started goes.
        Arguments.of(24, 14, 12, null, 12, 50),
        // 4 completed: hidden with the rate, and started goes too, or 4 = started - working.
        Arguments.of(30, 20, 4, null, null, null),
        // 10 not started, 10 working, 10 completed: all groups large.
        Arguments.of(30, 20, 10, 20, 10, 33),
        // Everyone started, 2 working: started is the whole course, completed would reveal 2.
        Arguments.of(15, 15, 13, 15, null, null));
  }

  @ParameterizedTest
  @MethodSource("rows")
  void hidesSmallGroupsAndWhatWouldRevealThem(
      int students,
      int started,
      int completed,
      Integer shownStarted,
      Integer shownCompleted,
      Integer percent) {
    CompletionTable.Row row = row(students, started, completed);
    assertEquals(shownStarted, row.startedOrNull(), "started");
    assertEquals(shownCompleted, row.completedOrNull(), "completed");
    assertEquals(percent, row.completionPercent(), "rate");
  }

  /** No hidden group of fewer than N can be worked out from the shown figures. */
  @Test
  void noSmallGroupIsEverRecoverable() {
    for (int students = 10; students <= 30; students++) {
      for (int started = 0; started <= students; started++) {
        for (int completed = 0; completed <= started; completed++) {
          CompletionTable.Row row = row(students, started, completed);
          int notStarted = students - started;
          int working = started - completed;
          String where = students + "/" + started + "/" + completed;
          if (row.startedOrNull() != null) {
            assertFalse(small(notStarted) || small(started), where + " started");
          }
          if (row.completedOrNull() != null) {
            assertFalse(small(completed), where + " completed");
          }
          if (row.startedOrNull() != null && row.completedOrNull() != null) {
            assertFalse(small(working), where + " working");
          }
          if (row.completedOrNull() == null) {
            assertNull(row.completionPercent(), where);
          }
        }
      }
    }
  }

  private static boolean small(int n) {
    return n > 0 && n < 10;
  }
}
