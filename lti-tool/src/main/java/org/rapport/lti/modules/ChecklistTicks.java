package org.rapport.lti.modules;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The checklist points a student ticked on a practice step, by position from 0, stored as {@code
 * "0,2"}.
 */
public record ChecklistTicks(Set<Integer> ticked) {

  public ChecklistTicks {
    ticked = java.util.Collections.unmodifiableSet(new TreeSet<>(ticked));
  }

  /**
   * Reads the ticked boxes of a checklist with {@code size} points.
   *
   * @throws PlayerException {@link PlayerProblem#UNKNOWN_CHECKLIST_ITEM}
   */
  public static ChecklistTicks read(List<String> values, int size) {
    Set<Integer> ticked = new TreeSet<>();
    if (values != null) {
      for (String value : values) {
        try {
          int index = Integer.parseInt(value.strip());
          if (index < 0 || index >= size) {
            throw new PlayerException(PlayerProblem.UNKNOWN_CHECKLIST_ITEM);
          }
          ticked.add(index);
        } catch (NumberFormatException e) {
          throw new PlayerException(PlayerProblem.UNKNOWN_CHECKLIST_ITEM);
        }
      }
    }
    return new ChecklistTicks(ticked);
  }

  /** Reads stored ticks, ignoring any that no longer fit the checklist. */
  public static ChecklistTicks parse(String stored, int size) {
    Set<Integer> ticked = new TreeSet<>();
    if (stored != null && !stored.isBlank()) {
      for (String part : stored.split(",")) {
        try {
          int index = Integer.parseInt(part.strip());
          if (index >= 0 && index < size) {
            ticked.add(index);
          }
        } catch (NumberFormatException ignored) {
          // an edited checklist: drop what no longer fits
        }
      }
    }
    return new ChecklistTicks(ticked);
  }

  public boolean has(int index) {
    return ticked.contains(index);
  }

  public String format() {
    return ticked.stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}
