package org.rapport.lti.modules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rapport.curriculum.analytics.SmallCellSuppression;

/**
 * Faculty's view of module completion in one course: per module, how many of the course's students
 * started it and how many completed it, with every figure about fewer than N students hidden.
 *
 * <p>For each module the course's students fall into three disjoint groups: not started, started
 * but not finished, completed. The page shows the total, "started" (total minus not started) and
 * "completed", so any of the three groups could be worked out by subtraction. The groups are
 * therefore treated as one additive set with a shown total ({@link
 * SmallCellSuppression#suppressAdditiveSet}): a small group is hidden together with enough others
 * that it cannot be recovered, and a figure is shown only when every group it reveals is shown.
 * When the course itself has fewer than N students, nothing is shown at all. A count of zero
 * describes nobody and is shown.
 */
public final class CompletionTable {
  private CompletionTable() {}

  /** Students of the course who started and who completed one module. */
  public record Counts(int started, int completed) {}

  /**
   * One module's figures; a null figure is hidden.
   *
   * @param completionPercent completed as a whole percent of the course's students
   */
  public record Row(
      String moduleId, Integer startedOrNull, Integer completedOrNull, Integer completionPercent) {
    public boolean anyHidden() {
      return startedOrNull == null || completedOrNull == null;
    }
  }

  /**
   * @param studentsOrNull the course's students, null when hidden (a small course)
   * @param rows one per module, in the order asked for; empty when the course is hidden
   */
  public record Table(Integer studentsOrNull, List<Row> rows) {
    public boolean courseHidden() {
      return studentsOrNull == null;
    }
  }

  /**
   * @param students the course's students known to Rapport
   * @param moduleIds the modules to show, in display order
   * @param counts per module id; modules missing from it count as nobody started
   */
  public static Table build(
      int students, List<String> moduleIds, Map<String, Counts> counts, SmallCellSuppression rule) {
    if (students > 0 && rule.suppresses(students)) {
      return new Table(null, List.of());
    }
    List<Row> rows = new ArrayList<>();
    for (String id : moduleIds) {
      Counts c = counts.getOrDefault(id, new Counts(0, 0));
      int started = Math.min(Math.max(c.started(), 0), students);
      int completed = Math.min(Math.max(c.completed(), 0), started);
      int[] groups = {students - started, started - completed, completed};
      boolean[] hidden = rule.suppressAdditiveSet(groups, true);
      boolean startedShown = groups[0] == 0 || !hidden[0];
      boolean completedShown = groups[2] == 0 || !hidden[2];
      if (startedShown && completedShown && groups[1] > 0 && hidden[1]) {
        // Both shown would reveal the hidden middle group by subtraction.
        startedShown = false;
      }
      Integer percent = null;
      if (completedShown) {
        percent = students == 0 ? 0 : (int) Math.round(100.0 * completed / students);
      }
      rows.add(
          new Row(id, startedShown ? started : null, completedShown ? completed : null, percent));
    }
    return new Table(students, rows);
  }
}
