package org.rapport.lti.alerts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alerts of one cohort, wave pair and comparison (template {@code faculty-alert-list}): the
 * total score's alert first, the subscales that fell folded under it. When only subscales fell, the
 * first of them leads.
 *
 * @param key unique on the page, for ids
 * @param heading the cohort and the waves, e.g. "Class of 2019: Year 2 to Year 3"
 * @param lead the alert shown first
 * @param subscales the other alerts of the group, folded
 * @param openCount how many alerts of the group need attention
 */
public record AlertGroup(
    String key,
    String heading,
    String comparison,
    AlertCard lead,
    List<AlertCard> subscales,
    boolean hasSubscales,
    int subscaleCount,
    boolean oneSubscale,
    long openCount) {

  /** Groups cards in the order of their first card; within a group the total score first. */
  public static List<AlertGroup> of(List<AlertCard> cards) {
    Map<String, List<AlertCard>> groups = new LinkedHashMap<>();
    for (AlertCard c : cards) {
      String key =
          c.cohortId() + "-" + c.fromStage() + "-" + c.toStage() + "-" + c.comparisonKind();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
    }
    List<AlertGroup> out = new ArrayList<>();
    for (Map.Entry<String, List<AlertCard>> e : groups.entrySet()) {
      List<AlertCard> members = new ArrayList<>(e.getValue());
      members.sort(Comparator.comparing((AlertCard c) -> !c.total()));
      AlertCard lead = members.get(0);
      List<AlertCard> rest = members.subList(1, members.size());
      out.add(
          new AlertGroup(
              e.getKey().toLowerCase(java.util.Locale.ROOT),
              lead.cohort() + ": " + lead.waves(),
              lead.comparison(),
              lead,
              List.copyOf(rest),
              !rest.isEmpty(),
              rest.size(),
              rest.size() == 1,
              members.stream().filter(c -> c.open() && !c.historical()).count()));
    }
    return out;
  }
}
