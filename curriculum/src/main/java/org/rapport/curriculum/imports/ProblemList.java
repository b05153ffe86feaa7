package org.rapport.curriculum.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problems of one import file as an administrator reads them: a problem that recurs in many
 * rows with the same column and sentence (a missing item column, a cohort that cannot have reached
 * a stage yet) is listed once with the number of rows it hits, not once per row. At most {@code
 * limit} different problems are kept; the rest are only counted.
 */
public final class ProblemList {
  static final String REPEATED_IN_ROWS = "%s (the same in %d rows: rows %d–%d)";

  private record Kind(String column, String message) {}

  private static final class Seen {
    final long firstRow;
    long lastRow;
    int rows = 1;

    Seen(long row) {
      this.firstRow = row;
      this.lastRow = row;
    }
  }

  private final int limit;
  private final Map<Kind, Seen> kept = new LinkedHashMap<>();
  private int distinct;

  public ProblemList(int limit) {
    this.limit = limit;
  }

  public void add(RowProblem problem) {
    Kind kind = new Kind(problem.column(), problem.message());
    Seen seen = kept.get(kind);
    if (seen != null) {
      seen.rows++;
      seen.lastRow = Math.max(seen.lastRow, problem.row());
      return;
    }
    distinct++;
    if (kept.size() < limit) {
      kept.put(kind, new Seen(problem.row()));
    }
  }

  public void addAll(List<RowProblem> problems) {
    problems.forEach(this::add);
  }

  /** How many different problems were found (a problem repeated in many rows counts once). */
  public int distinct() {
    return distinct;
  }

  public boolean isEmpty() {
    return distinct == 0;
  }

  /** The kept problems by first row; a repeated one names its row count and range. */
  public List<RowProblem> problems() {
    List<RowProblem> list = new ArrayList<>();
    kept.forEach(
        (kind, seen) ->
            list.add(
                new RowProblem(
                    seen.firstRow,
                    kind.column(),
                    seen.rows == 1
                        ? kind.message()
                        : String.format(
                            REPEATED_IN_ROWS,
                            kind.message(),
                            seen.rows,
                            seen.firstRow,
                            seen.lastRow))));
    list.sort(java.util.Comparator.comparingLong(RowProblem::row));
    return list;
  }
}
